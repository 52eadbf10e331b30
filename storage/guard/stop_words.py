"""Words that are not personal names, whatever their capitals: the vocabulary of plan notes.

Compared lower-cased; a hyphenated word is plan vocabulary if any part is ("Multi-Agency").
Places are not here: they come from the plan in use (`known_words`), so a plan for Gwent
knows its towns as the Cumbrian sample knows Carlisle.
"""

from __future__ import annotations

_STOP_LINES = (
    "january february march april may june july august september october november december",
    "jan feb mar apr jun jul aug sep sept oct nov dec",
    "monday tuesday wednesday thursday friday saturday sunday",
    "mon tue tues wed thu thur thurs fri sat sun",
    "spring summer autumn winter easter christmas term half quarter year years month week",
    "board boards group groups subgroup subgroups sub panel panels review reviews case cases",
    "serious chair chairs vice independent senior manager managers lscb lscbs cdop mash pmqa",
    "pmqag qag children child young people person persons trust trusts health wellbeing",
    "council councils county city district borough working together ofsted",
    "section annual report reports practice practitioner practitioners policy policies",
    "procedure procedures learning improvement early help triage development programme",
    "programmes quality assurance performance management communications communication",
    "engagement neglect sexual exploitation missing home death deaths overview strategy",
    "strategic framework plan plans business agency agencies multi inter police constabulary",
    "nhs foundation hospital hospitals university school schools college colleges academy",
    "head heads teacher teachers lay member members action actions chapter audit audits",
    "local safeguarding partnership partnerships partner partners adult adults social care",
    "carer carers service services authority authorities education educational mental",
    "commissioning commissioners commissioner clinical ccg public domestic abuse violence",
    "online safety e internet training conference meeting meetings minutes agenda team teams",
    "lead leads leader officer officers director directors designated named nurse nurses",
    "doctor doctors gp gps midwife midwifery probation youth offending fire rescue ambulance",
    "prison justice crown family families think signs graded profile tool toolkit pathway",
    "pathways protocol protocols guidance standards standard threshold thresholds dashboard",
    "data scorecard risk risks register log update updates progress status draft final",
    "interim new next last first second third fourth deadline due complete completed agreed",
    "approved presented submitted signed published launched held met national regional area",
    "areas north south east west central infirmary",
    "england english government department secretary state minister",
    # Organisations, buildings and addresses: "Craven House, LA14 2GE" is an office.
    "house street road lane avenue drive close way place square terrace gardens park centre",
    "center office offices hall court courts building buildings station unit floor civic town",
    "st rd ave association housing society charity company ltd limited cic surgery clinic",
    "library chambers headquarters hq campus institute network forum forums alliance",
    # Titles: not names themselves.
    "mr mrs ms miss mx dr prof cllr rev sgt pc dc ds di dci dcs supt insp sir dame lord lady",
    # Sentence openers and small words that a note may capitalise.
    "the a an we i it this that these those our their its all each every no not and or but",
    "if as at by for from in into of on onto to with within without after before during",
    "until following further see note notes please also us you your they he she his her",
    "what when where which who why how there here some any more most other others",
    "will shall would should can could must might",
)
STOP_WORDS = frozenset(word for line in _STOP_LINES for word in line.split())
#: Titles that make the name after them a member of staff, not a child.
_TITLES = "dr prof cllr rev sgt pc dc ds di dci dcs supt insp sir dame lord lady"
STAFF_TITLES = frozenset(_TITLES.split())
#: Words inside a name that join its parts ("Dafydd ap Gwilym", "Oisín Ó Briain").
_PARTICLES = "ap ab ferch ni ní nic mac mc van von der den de da di du le la bin binti al el o ó ua"
PARTICLES = frozenset(_PARTICLES.split())

