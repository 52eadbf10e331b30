"""Given names children in the UK are likely to have, so a name is seen even when typed in
lower case ("jamie smith") or capitals ("LIAM O'CONNOR"), or when it opens a sentence
("Grace 05/06/2010").

Not a list of every name: a capitalised word the guard does not know is treated as a name
anyway. This list adds the names capitals cannot show. Drawn from the ONS and NRS lists of
popular baby names (1995-2023) and common Welsh, Scottish, Irish, South Asian, Polish and other
names in UK schools, compared lower-case, accents kept (both "sian" and "siân").

`WORD_NAMES` are also ordinary English words ("grace", "will"); they count as names only
when capitalised, never in lower case.
"""

from __future__ import annotations

_NAMES = """
aaliyah aaron abdul abdullah abigail abbie abby adam adrian ahmed aidan aiden ailsa aimee aisha
aishah aisling aleksander aleksandra alesha alex alexa alexander alexandra alexis alfie alice
alicia alisha alison alistair alix amaan amara amber amelia amelie amir amira amy amya
ana andre andrea andrew angel angharad aniela anika anna annabel annabelle anne antoni
antonia aoife arabella archie aria ariana arjun arlo arran arthur arya aryan asher ashton aston
aurora austin ava ayaan ayesha ayla aylin bailey beatrice bella ben benjamin bethan bethany
billie blake bobby bonnie bradley brandon brody bronwen bryony caden caiden caitlin caleb callum
calum calvin cameron caoimhe carys casey cassie catrin cerys charlie charlotte chelsea chloe
christopher cian ciara ciaran ciarán clara cody connor conor corey courtney daisy dafydd dakota
daniel daniela danielle danny darcey darcie darcy david declan demi dexter dominic dominik
dylan eden edward eilidh eleanor elena eli elijah elin eliza elizabeth ella elle ellie ellis
elliot elliott eloise elsie emil emilia emilie emily emma erin ethan euan evan evie ewan ezra
faith fatima fatma ffion finlay finley finn florence frankie freddie freya gabriel gabriela
georgia george georgina gethin gracie gwen gwion hamish hamza hannah harley harper harriet
harrison harry harvey hassan hayden hayley heidi holly honey hugo ibrahim idris iestyn imogen
india iona isaac isabel isabella isabelle isaiah isha isla isobel ivy izzy jack jackson jacob
jade jake jakub james jamie jan jasmine jason jay jayden jaydon jenna jessica jesse jodie joe
joel john jonah jordan joseph josh joshua jude julia julian junaid kacper kai kaiden kara
karolina katie kayden kayla kaylee keira kian kieran kiera kirsty kyle lacey lachlan lara
laura lauren layla leah leia leigh lena lennon leo leon lewis lexi lexie liam lilly lily lola
louie louis louise lowri luca lucas lucy luke lydia maddison madison mae mai maisie maisy maja
marie malik maria mariam marley martha maryam mason matilda matthew max maya megan mhairi mia
michael mikolaj
milan millie mohammad mohammed molly morgan muhammad musa mya nadia naomi nathan nevaeh niall
niamh nicola nikola nina noah noor nyla ocean oisin oisín oliver olivia oliwia ollie omar
oscar osian owen paige patrycja phoebe piotr pippa poppy priya rachel rayan rebecca reece
reuben rhiannon rhys riley robert robyn rory rosie ruaridh ruby ruairi ryan saanvi sadie
safa sam samantha samir samuel sara sarah saoirse scarlett sean seren shannon shauna sian siân
siobhan sofia sofie sonny sophia sophie stanley stella summer tayla taylor teddy theo theodore
thomas tia tilly toby tomas tommy tyler tyler-james tymon victoria violet wiktoria william
willow wojciech xavier yasmin yusuf zac zach zachary zainab zak zara zayn zoe zofia zuzanna
"""

_WORD_NAMES = """
amber angel april autumn bill bonnie brook chase dawn eden faith frank grace hope honey
ivy jack jade joy june may mark max ocean pat poppy river robin rose ruby skye sky summer sunny
violet will willow
"""
WORD_NAMES = frozenset(_WORD_NAMES.split())

#: Every name above, lower-case.
GIVEN_NAMES = frozenset(_NAMES.split()) | WORD_NAMES | frozenset({"grace", "hope", "skye"})
#: The names that show a person even in lower case.
LOWER_CASE_NAMES = GIVEN_NAMES - WORD_NAMES
