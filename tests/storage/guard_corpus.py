"""A labelled corpus for the data guard: child data that must be refused, board notes that must not.

Each case is what someone might type into `/lscb update`, a challenge, a risk or a plan file:
pasted from Word and Outlook (bullets, non-breaking and narrow spaces, soft hyphens, line
breaks inside numbers, smart quotes, en dashes, CRLF), with Welsh, Scottish, Irish, South Asian
and Polish names, names that are also words, staff named beside deadlines, agency and office
addresses, phone, invoice and report numbers.

Every case is read against a plan, as the bot reads it: the plan's own words (board, title,
owners, themes, places) and the day it is typed. "cumbria" is the shipped sample plan on
15 October 2014; "severn" is an invented partnership plan unlike it
(`tests/storage/plans/severn-vale-scp-2024-2027.yaml`) on 20 November 2024.

The NHS numbers pass the modulus-11 check (generated, not anyone's); the names, addresses
and dates of birth are invented. `tests/storage/test_guard_corpus.py` holds every case to
its label, and `bench/bench_guard.py` prints the figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from storage.guard import Finding, personal_data_in
from storage.plan_words import document_words
from storage.planfiles import SAMPLE_PLAN, read_plan_file

PLAN_FILES = {
    "cumbria": SAMPLE_PLAN,
    "severn": Path(__file__).resolve().parent / "plans" / "severn-vale-scp-2024-2027.yaml",
}
TODAY = {"cumbria": date(2014, 10, 15), "severn": date(2024, 11, 20)}


@dataclass(frozen=True)
class Case:
    text: str
    child: bool
    plan: str = "cumbria"
    note: str = ""


def child(text: str, plan: str = "cumbria", note: str = "") -> Case:
    return Case(text, True, plan, note)


def board(text: str, plan: str = "cumbria", note: str = "") -> Case:
    return Case(text, False, plan, note)


NHS_NUMBERS = [
    child("NHS no 943 476 5919 – please add to the file", note="spaces"),
    child("Referral received, NHS\u00a0number 401\u00a0023\u00a02137", note="non-breaking spaces"),
    child("nhs 374.068.1241 (from the GP letter)", note="dots"),
    child("Hospital passport ref 291-417-7763 attached", note="hyphens, no NHS marker"),
    child("Discharge summary lists NHS No. 903 349\n3020", note="line break inside"),
    child("NHS:2278128256", note="plain, no space after the colon"),
    child("• NHS number: 995 199 3389\n• GP: Fell View Practice", note="Word bullets"),
    child("Her number is 2796757994, per the health visitor", note="plain, no marker"),
    child("NHS num 692\u202f234\u202f1015", note="narrow no-break spaces"),
    child("NHS No ６６５ ６８５ ９５９３", note="full-width digits"),
    child("nhs number 786 000 8246 2 missed appointments", note="a count straight after"),
    child("Please update EMIS: 279\u00ad490\u00ad2377", note="soft hyphens from Word"),
    child("CHI 678 176 0866 (Scottish record, family moved south)", note="Scottish CHI"),
    child("NHS 1968 378 324 confirmed by the midwife", note="4-3-3 grouping"),
    child("3709 989833 – nhs", note="odd grouping, marker after"),
    child("NHS number 943 476 \u2013 5919", note="en dash with spaces"),
]

DATES_OF_BIRTH = [
    child("Jamie (12/03/2009)", note="issue 8"),
    child("jamie smith 12/03/2009", note="issue 8, lower case"),
    child("Child A b. 12/03/2009", note="issue 8"),
    child("DOB 12.03.09", note="issue 8"),
    child("Rhys Evans d.o.b. 01/09/2008 – referral from the school nurse"),
    child("Siân Llewelyn (dob 22/11/2012) not brought to clinic"),
    child("Eilidh MacDonald 2007-05-04, now in foster care"),
    child("Baby B born 03/08/2014, discharged home", note="a birth this year"),
    child("Grace 05/06/2010 – school raised concerns", note="a name that is a word"),
    child("Hope Williams 5.6.10", note="a name that is a word"),
    child("Will Thompson, 17-Jun-2007", note="a name that is a word"),
    child("May Robinson, 12 May 2009, CP plan", note="a name that is a month"),
    child("Mhairi Campbell was born on 9th of July 2006"),
    child("Young person C, date of birth 30/01/2001"),
    child("Tyler-James Hughes\n12/03/2009", note="line break between name and date"),
    child("Caitlin Ní Bhriain DOB: 1/1/2010"),
    child("Dafydd ap Gwilym 07/07/2007 – missing episode at the weekend"),
    child("Aaliyah Begum – 23.4.2012"),
    child("Leo, DoB 2 Sept 2013"),
    child("mum Stacey Lowe and Kai Lowe (b.11/05/2011)"),
    child("The boy (Jayden Roberts, 15/10/2008) was seen at A&E"),
    child("ayesha khan 21.06.2011 - ICPC next week", note="lower case"),
    child("LIAM O’CONNOR 12.03.2009", note="capitals, smart apostrophe"),
    child("Child X DOB 2010-01-12"),
    child("Date of birth: 12th March 2009 — Ava"),
    child("Name: Ruby Hall\r\nDOB: 12/03/2009\r\nSchool: St Bees", note="Outlook form, CRLF"),
    child("Born 12/03/09, known to CSC since birth"),
    child("It was Oliver's birthday on 14 August (born 14/08/2006)"),
    child("siblings Ruby (04/02/2012) and Alfie (19/09/2014)"),
    child("Reece Ellis, 11/11/2009, excluded from school"),
    child("Skye McLeod, aged 7 (3/4/2007)"),
    child("Poppy-Mae Tennant 03–08–2012", note="en dashes as separators"),
    child("Finley, 12/3/2009."),
    child("Zofia Nowak ur. 12.03.2009", note="Polish 'born'"),
    child("Oisín Ó Briain, DOB\u00a012/03/2009", note="non-breaking space"),
    child("Baby C (born 02.10.14) – pre-birth plan", note="born this month"),
    child("Y.P. 2, d.o.b 6th Jan 2002"),
    child("kacper born 1 march 2008", note="lower case"),
    child("Concern re Mason Price – 22/02/2006"),
    child("Tilly & Archie Booth (twins) 09.09.2013"),
    child("Jake Oliver (d.o.b. 12/03/1998) aged 16, missing since Tuesday"),
    child("Summer Rose Atkinson 2nd April 2005", note="a season and a flower"),
    child("Olivia\u00a0Bell\u00a0–\u00a012\u00a0March\u00a02009", note="all non-breaking spaces"),
    child("Case discussed: Kayden Moore, 17 August 2009, school refuser"),
    child("Harper Jones 14/02/2017 – Section 47 started", plan="severn"),
    child("Child D b.30.06.2019", plan="severn"),
    child("Nevaeh Ward, born 2 February 2023", plan="severn"),
    child("Muhammad Ali Hussain 2015-08-30", plan="severn"),
    child("Theo dob 09/10/16", plan="severn"),
    child("Mia-Rose O'Neill (12.01.2018) – referral from Stroud school", plan="severn"),
]

POSTCODES = [
    child("Jamie Smith CA1 1RD", note="issue 8"),
    child("Jamie Smith CA11RD", note="issue 8, no space"),
    child("Jamie Smith CA1-1RD", note="issue 8, hyphen"),
    child("Ellie Watson, 14 Brook Street, CA2 5TB"),
    child("lives at 3 Fell View, LA9 4QT with her nan"),
    child("Caleb Moss, LA14\u00a02LH", note="non-breaking space"),
    child("Nia Roberts ll57 2pw", note="lower case Welsh postcode"),
    child("Family have moved to 22 Elm Road, Kendal LA9 7AB"),
    child("home address: flat 4, CA3 9DD"),
    child("Skye McLeod IV2 3XX"),
    child("Child A, 12 Oak Close, CA28 6PJ"),
    child("address is 7 Mill Lane\nCA11 0AA", note="line break before the postcode"),
    child("jamie smith ca1 1rd", note="lower case"),
    child("Harvey Clarke – CA1 1RD – 943 476 5919"),
    child("Amelia-Rose Hart staying with her aunt at GL1 3NN", plan="severn"),
    child("Lily, 5 Church St, GL20 5AB", plan="severn"),
]

BOARD_NOTES = [
    board("Agreed with Helen Brown, returns due 31/03/2015", note="issue 8"),
    board("Awaiting report from Dr Patel, due 01/11/2014", note="issue 8"),
    board("Costs to be borne by partners", note="issue 8"),
    board("Board meets 12/03/2015 at Cumbria House, 117 Botchergate, Carlisle CA1 1RD"),
    board("Venue: Carlisle Civic Centre, Rickergate, CA3 8QG"),
    board("Ring Sarah Jones on 01228 606060 to book a place"),
    board("Switchboard +44 1228 606060; out of hours +44 (0)333 240 1727"),
    board("Invoice INV-2014-00031 paid by the CCG"),
    board("Ofsted URN 50012345678 – inspection letter attached"),
    board("Section 11 returns from Barnardo's by 30 Nov 2014"),
    board("Hope to complete the audit by 31/01/2015", note="Hope as a verb"),
    board("Will circulate minutes of 14/10/2014 by Friday", note="Will as a verb"),
    board("May 2015: annual report to the Board", note="May as a month"),
    board("Grace period for late S11 returns ends 28/02/2015", note="Grace as a word"),
    board("Rhian Davies (L&I chair) to present on 12/02/2015"),
    board("Working Together 2013 published 21 March 2013; refresh due 2015"),
    board("Catrin Morgan and Iain Fraser to co-chair from 01/04/2015"),
    board("Freephone 0800 123 4567 for the training line"),
    board("Training booked 3 March 2015 at Penrith Fire Station, CA11 0BX"),
    board("Report ref LSCB/2014/15-0032-117 circulated"),
    board("Meeting dates: 12/01/2015, 09/03/2015, 11/05/2015"),
    board("• Audit of 20 files completed\n• 3 actions for partners, due 31.03.15"),
    board("NSPCC’s “How safe are our children?” 2014 circulated to members"),
    board("Police HQ, Carleton Hall, Penrith CA10 2AU – parking for 30"),
    board("S.11 returns: 34 of 41 agencies, deadline 30th January 2015"),
    board("Dr O’Brien’s CDOP paper deferred to 23/04/2015"),
    board("Jo Hardy off sick; Mike Fell covering until 02/02/2015"),
    board("CSE strategy signed off 10.12.14 by the Chair"),
    board("Purchase order 7629310318 raised for the conference", note="ten digits"),
    board("Invoice 4682164546 sent to Cumbria Constabulary",
          note="ten digits that pass the NHS check"),
    board("Kate Hughes to circulate the draft by Friday 14 November 2014"),
    board("Still awaiting the Ofsted letter dated 17 Oct 2014"),
    board("Annual Report 2013/14 presented 25/09/2014, published on the website"),
    board("Q2 figures: 412 contacts, 37 CP plans, 12 children newly looked after"),
    board("Website refresh – Amy to check the links by 05/12/14"),
    board("GIRFEC comparison paper (the Scottish model) discussed 2 Dec 2014"),
    board("Llinos Jenkins from Action for Children presented the findings 18/09/2014"),
    board("Venue: Kendal Town Hall, Highgate, LA9 4DL"),
    board("Minutes of 3rd Nov – actions 1 to 4 closed"),
    board("Tel 01539 773000 / mob 07700 900123"),
    board("Email helen.brown@cumbria.gov.uk about the 31/03/2015 return"),
    board("The Barrow office has moved to Craven House, Michaelson Road, LA14 2GE"),
    board("£2,500 agreed; partner contributions due 01/04/2015"),
    board("Chair’s challenge to NHS England: response due 30/11/2014"),
    board("SCR Child A: overview report to the Board on 30/06/2015"),
    board("Baby B practice review to report by 31/05/2015"),
    board("Helen Brown\nLSCB Business Manager\nCumbria House, 117 Botchergate, Carlisle "
          "CA1 1RD\n01228 226383", note="an Outlook signature"),
    board("Ofsted single inspection 12–14 May 2015 (provisional)"),
    board("Multi-agency audit of 12 cases: 3 graded good, report 2014-11-28"),
    board("CDOP annual report 2013-14 to the Board in July"),
    board("Thanks to Bethan, Iona and Kirsty for the S11 toolkit"),
    board("Update from Amber Lewis: scorecard RAG amber, due 31/12/2014"),
    board("Joint targeted area inspection: notice expected w/c 10/11/2014"),
    board("Action 6.1: CDOP report presented 03/07/2014 as planned"),
    board("Call 01946 852 800 or 0300 303 2704 (Whitehaven office)"),
    board("Risk: budget shortfall of £15,000 from 2015/16"),
    board("Mark Foster (Police) and Bill Grant (Health) to lead the review, 16/10/2014"),
    board("Summer term training dates: 2nd June 2015 and 7th July 2015"),
    board("Copy of the Munro review (10 May 2011) in the library", note="a past date"),
    board("Workington CA14 2UW drop-in, Thursday"),
    board("Spoke with Gareth Pugh 14/10/2014 about the S11 tool"),
    board("David's report (pages 12–14) is due 10.11.2014"),
    board("Agenda item 4 – ‘Voice of the child’ – deferred from 11/09/2014"),
    board("Version 2.1.3 of the threshold document went live 01.10.2014"),
    board("Sickness cover: Angharad Wyn Jones, 01768 812345"),
    board("Rosie Hall on leave until 3/11/2014; send returns to the business team"),
    board("The Children Act 1989 and 2004 apply; s.47 figures in the Q2 report"),
    board("Conference on 21 November 2014: 120 places, 15 left"),
    board("Eden Housing Association, Penrith CA11 7QY, joins the partnership"),
    board("Delegated partners met 07/11/2024; next meeting 16/01/2025", plan="severn"),
    board("Priority 2 update from Priya Sharma (ICB), due 31/01/2025", plan="severn"),
    board("Independent Scrutineer’s report published 02/10/2024", plan="severn"),
    board("Shire Hall, Westgate Street, Gloucester GL1 2TG – room 3", plan="severn"),
    board("Tewkesbury Borough Council offices, Gloucester Road, GL20 5TT", plan="severn"),
    board("Working Together 2023 training for DSLs booked 05/03/2025", plan="severn"),
    board("Yearly report 2023-24 signed off by lead partners 30/09/2024", plan="severn"),
    board("Ref SVSCP-2024-0113; contact 01452 425000", plan="severn"),
    board("Chloe Evans and Tom Reid to draft the neglect strategy by March 2025",
          plan="severn"),
    board("Education Safeguarding Forum 11.12.24 – Stroud Fire Station, GL5 1JN",
          plan="severn"),
]

# Written after the guard was built, as a check on the rules above rather than their source.
# On its first run, with the plan's words and today, it got 19 of the 20 children (it missed
# "ruby-leigh grant": a hyphenated given name in lower case) and refused none of the 20 notes.
WRITTEN_AFTER = [
    child("Re: Tayla Brooks – DOB 04/04/2004 – strategy meeting held"),
    child("Strategy discussion re Jacob (born 28.2.2011) and his brother"),
    child("Mum reports Lacey-Mai's dob as 6/7/2012"),
    child("Child’s details: Noah Fletcher, 19 Sept 2009, Year 5"),
    child("kieran o'neill dob 3.3.03"),
    child("URGENT – Alfie Dixon 01/02/2013 not in school since Monday"),
    child("Subject: Maisie W (15/05/2010)"),
    child("Sibling group: Harley 2008, Paige 2010 and Tommy (22.11.2012)"),
    child("NHS\u00a0No\u00a0485\u00a0777\u00a03456? no – 943\u00a0476\u00a05919"),
    child("GP confirmed NHS number 401-023-2137 for the twins"),
    child("ruby-leigh grant, 10 jan 2011"),
    child("E.Lowther (d.o.b 12/12/2008)"),
    child("Baby Ellis born 1/10/14 at the Cumberland Infirmary"),
    child("Amira Hussain\t14/03/2007\tCIN plan"),
    child("Address: 41 Greystone Road, Carlisle, CA1 2DD"),
    child("Jessica and Liam Kerr now living at 9 Holly Bank, CA7 9PQ"),
    child("Ollie Graham ca2 7nz – missing again"),
    child("Freya Nicholson, 3 Wordsworth St, Penrith CA11 7QX"),
    child("Child B's NHS number is 3740681241"),
    child("Boy, aged 12, Ethan Moore (d.o.b. 8/8/2002)"),
    board("Jan Nowak (Probation) sends apologies for 12/11/2014"),
    board("Thanks Rachel – S11 return received 13/10/2014"),
    board("Phone Kim on 07712 345678 or 01228 221234 before 20/10/2014"),
    board("Carlisle & Eden QAG met 8 October 2014: 4 cases reviewed"),
    board("Report ID 2014-10-0098765 lodged with the DfE"),
    board("Pupil premium figures for 2013/14 circulated to heads"),
    board("Deborah Lewis (Designated Nurse) presented the CDOP data on 10/10/2014"),
    board("Dates for 2015: 14 Jan, 11 Mar, 13 May, 8 Jul"),
    board("Multi-agency training, Cockermouth Fire Station CA13 9NF, 4 Feb 2015"),
    board("Agreed: Fiona Scott to replace Paul Irving as vice chair from 1 Dec 2014"),
    board("Children’s Services, Lonsdale Building, The Courts, Carlisle CA3 8NA"),
    board("Case file audit – 30 files, 2 red, 9 amber; report due 12/12/2014"),
    board("Will Grace and Hope be at the board? Diane to check by 17/10/2014"),
    board("Action 4.2 off track: the e-learning module slips to 31 January 2015"),
    board("VAT reg 123 4567 89 on the invoice"),
    board("The 2012 SCR (published 14/06/2013) is on the website"),
    board("Helen’s cover note, 15 Oct 2014, attached"),
    board("Sarah O'Connor, Business Support, Cumbria House, CA1 1RD – 01228 226383"),
    board("Consultation closes 28.11.2014; responses to the LSCB inbox"),
    board("Freedom of Information request 2014/0456 answered 09/10/2014"),
]

# A second batch written after the first was folded in, in other shapes again. First run:
# 17 of 20 children (it missed "Smith J" and "T. Brennan", names with an initial, and an
# unborn baby's due date read as a deadline) and none of the 20 notes refused.
WRITTEN_AFTER_AGAIN = [
    child("SMITH, Jamie 12/03/2009"),
    child("Smith J (12/03/2009)"),
    child("dob:12/03/2009"),
    child("D.O.B.-12/03/2009"),
    child("child's dob is the 12th of march 2009"),
    child("re Kerr children: Jess 3/5/09, Liam 7/8/11"),
    child("Ellie-May Hodgson\n\u2022 12/03/2009\n\u2022 Year 5"),
    child("Bradley (aged 15) – 01.01.1999"),
    child("unborn baby due 12/12/2014, mum Kirsty Allen"),
    child("NHS # 9434765919"),
    child("nhs no. 401 023 2137."),
    child("NHS 374 068 1241/2914177763 (twins)"),
    child("Dylan Parry, 7 Heol y Bont, LL57 2PW"),
    child("postcode for Ruby: CA2 4RT"),
    child("Address – 12, Fell Close, Kendal, LA9 6PR"),
    child("Kai's nan's address CA13 0QT"),
    child("T. Brennan 04-11-2010 (LAC)"),
    child("Caitlyn aged 9 lives in Egremont, CA22 2AA"),
    child("Sophia Zielinska, ur. 3.02.2012"),
    child("Callum Fraser dob 23/5/07 Glasgow G51 4TF", plan="severn"),
    board("Partnership Business Manager: Lucy Evans, 01452 328 000", plan="severn"),
    board("Dates: 6/2, 6/3 and 3/4 (2025)", plan="severn"),
    board("SCR ‘Child H’ published 12 June 2014; learning briefing to follow"),
    board("Jane Hill and Tom Ash attended the NWG conference (12/09/2014)"),
    board("The Working Together 2010 chapter 8 review, 01/03/2010, is superseded"),
    board("Ofsted report dated 16/04/2013: LSCB judged ‘adequate’"),
    board("PO 4010232137 raised by Business Support", plan="cumbria"),
    board("Gloucester Safeguarding Hub, Shire Hall, GL1 2TH", plan="severn"),
    board("Next board: Tues 9th December 2014 at 2pm, Penrith"),
    board("Police ref 14/123456/2014 closed – no further action"),
    board("Ellen Dunn replaced Mark Ward on the PMQA group, effective 01.09.2014"),
    board("Budget: £45,250 for 2014/15; £46,000 for 2015/16"),
    board("Learning event with Barnardo’s Cumbria on 27/01/2015"),
    board("Voice of the child survey: 412 responses by 30/09/2024", plan="severn"),
    board("Section 175 audit, schools return 80% by 31/12/2024", plan="severn"),
    board("Reference: SG/2014/0113/CS"),
    board("Minutes approved: 16 July 2014, 17 September 2014"),
    board("Rebecca Thornton, Safeguarding Lead, Cumberland Infirmary, CA2 7HY"),
    board("Contact Cheltenham Children’s Centre, GL51 3BQ, for venue details", plan="severn"),
    board("Q3 2014/15 exceptions: 3.2 and 4.1 red; 2.5 back to green"),
]

CASES: list[Case] = (NHS_NUMBERS + DATES_OF_BIRTH + POSTCODES + BOARD_NOTES + WRITTEN_AFTER
                     + WRITTEN_AFTER_AGAIN)


@cache
def vocabulary(plan: str) -> frozenset[str]:
    """The plan's own words, as `storage.plan_words` builds them for the bot."""
    return document_words(read_plan_file(PLAN_FILES[plan]))


def judge(case: Case, with_words: bool = True, with_today: bool = True) -> Finding | None:
    """What the guard says of `case`, given the plan's words and today (or not)."""
    return personal_data_in(case.text, vocabulary(case.plan) if with_words else frozenset(),
                            TODAY[case.plan] if with_today else None)
