"""Baltimore unrest after Freddie Gray's death: reports of 28-29 April 2015 on the riots of
Monday 27 April and the curfew that followed."""
STORY = "baltimore-unrest"
CORPUS = "allsides-2015"
TH, NP, CB, CN, CS, WT = ("xHcg3Km5iVDHlxQ5.json", "fxjdiwvW6dhdOINA.json", "BsLesD8ClqrHFch6.json",
                          "1nvWVDbzcZGYQWvF.json", "v5eKBDhepVqBcgvt.json", "ZDGJrwOuzHlwdLi6.json")
NOTES = "Six reports of 28-29 April on the riots of Monday 27 April and the curfew from Tuesday. Borderline: Townhall's 'mostly rioters went home without arrests' denies the arrests fact (CBN: more than 200 arrested Monday); Townhall's '5,000 officers requested from neighboring states' is not the same fact as '1,000 police officers ... assigned' (a request vs a deployment), so left out."
ARTICLES = [
    {"file": TH, "outlet": "Townhall", "leaning": "right", "date": "2015-04-28", "title": "Baltimore Destroyed: Rioters Burn Buildings, Injure Police, Attack Reporters and Loot Local Stores"},
    {"file": NP, "outlet": "NPR Online News", "leaning": "center", "date": "2015-04-28", "title": "On The Streets Of Baltimore, Trying To Understand The Anger"},
    {"file": CB, "outlet": "CBN", "leaning": "right", "date": "2015-04-29", "title": "Calm Envelopes Baltimore as Curfew Begins"},
    {"file": CN, "outlet": "CNN (Web News)", "leaning": "left", "date": "2015-04-29", "title": "Baltimore: After riots, protesters and police ensure peace"},
    {"file": CS, "outlet": "Christian Science Monitor", "leaning": "center", "date": "2015-04-29", "title": "After riots, Baltimore residents work to restore peace"},
    {"file": WT, "outlet": "Washington Times", "leaning": "right", "date": "2015-04-29", "title": "Obama on Baltimore?s problems: \"I've seen this movie too many times before\""},
]
FACTS = [
    ("f1", "Freddie Gray died in police custody (after his arrest)", "event", [
        (TH, "the funeral of 25-year-old Freddie Gray, who recently died in police custody of serious injuries"),
        (CB, "She told reporters she didn't want to see her son lost to violence -- or police brutality -- like Freddy Gray, the young man whose death in police custody first sparked the protests only a week ago."),
        (CN, "All this comes as protesters demand to know what happened to Gray, who was arrested April 12 and suffered a severe spinal cord injury."),
        (CN, "He died one week later."),
        (WT, "25-year-old Freddie Gray, who died while in police custody earlier this month"),
    ]),
    ("f2", "Freddie Gray was 25", "number", [
        (TH, "the funeral of 25-year-old Freddie Gray", "states", "25"),
        (WT, "after the funeral of 25-year-old Freddie Gray", "states", "25"),
    ]),
    ("f3", "the rioting broke out on Monday (27 April)", "date", [
        (TH, "rioters took to the streets of Baltimore late Monday afternoon and rampaged through the city until the early hours of the morning burning buildings, cars, looting local stores, attacking police and reporters", "states", "Monday"),
        (NP, "Last night, after Maryland Gov. Larry Hogan had declared a state of emergency and ordered the National Guard into the city, rioters still roamed the streets; fires still burned and residents still stood on their stoops, on their sidewalks, trying to understand the anger that boiled over into riots.", "states", "last night (before 28 April)"),
        (CB, "Baltimore leaders say the first night of the city's seven-day curfew effectively worked to calm the violence that erupted only 24 hours earlier.", "states", "24 hours before Tuesday night"),
        (CB, "Tuesday night was a far cry from Monday when rioters torched cars, tossed debris at police, and tore apart businesses.", "states", "Monday"),
        (CB, "In the midst of Monday's chaos, one overwrought Baltimore mother was hailed a hero.", "states", "Monday"),
        (CN, "For the second night in a row, protesters peacefully dispersed Wednesday night after a 10 p.m. curfew meant to prevent riots that tore up the city two days earlier.", "states", "two days before Wednesday"),
        (CN, "While there was no major damage Wednesday, the recovery from Monday's destruction is far from over.", "states", "Monday"),
        (CS, "By 9 a.m., residents had already cleared away much of Monday night’s destruction.", "states", "Monday night"),
        (CS, "In the road median by Mondawmin Mall, where Monday’s violence began, somebody planted flowers.", "states", "Monday"),
        (CS, "a mile from the corner of Pennsylvania and North Avenues, the site of major looting Monday", "states", "Monday"),
        (WT, "An overnight curfew in Baltimore Tuesday appeared to have quelled some of the rioting and violence that took place Monday after the funeral of 25-year-old Freddie Gray, who died while in police custody earlier this month.", "states", "Monday"),
    ]),
    ("f4", "the riots followed Freddie Gray's funeral", "event", [
        (TH, "After a week of protests and the funeral of 25-year-old Freddie Gray, who recently died in police custody of serious injuries, rioters took to the streets of Baltimore late Monday afternoon"),
        (WT, "the rioting and violence that took place Monday after the funeral of 25-year-old Freddie Gray"),
    ]),
    ("f5", "the protests began a week earlier, sparked by Gray's death", "date", [
        (TH, "After a week of protests", "states", "a week"),
        (CB, "the young man whose death in police custody first sparked the protests only a week ago", "states", "a week ago"),
    ]),
    ("f6", "rioters burned buildings and stores (a CVS, a corner market)", "event", [
        (TH, "rampaged through the city until the early hours of the morning burning buildings, cars, looting local stores, attacking police and reporters"),
        (TH, "Fifteen police officers were injured and the hoses being use by firefighters to put out an inferno at a CVS were cut."),
        (NP, "In the early morning, as the cold set in, Anaya Maze stood next to the charred remains of a CVS store."),
        (NP, "fires still burned"),
        (NP, "A few blocks down, Alex, who only wanted to be identified by his first name, was watching a small corner market burn down."),
        (CS, "Spontaneously, people emerged from their homes after a long night of watching parts of their city burn outside their windows, or on CNN."),
        (CB, "But they admit there is still much work to be done to repair buildings ruined in the riots -- and to fix people's heartbreak."),
    ]),
    ("f7", "a CVS store was burned", "place", [
        (TH, "the hoses being use by firefighters to put out an inferno at a CVS were cut"),
        (NP, "Anaya Maze stood next to the charred remains of a CVS store"),
    ]),
    ("f8", "rioters burned cars (police vehicles)", "event", [
        (TH, "burning buildings, cars"),
        (NP, "A few steps away were the charred skeletons of two police vehicles, the victims of an unbridled anger that burned its way through the west side of Baltimore."),
        (CB, "Tuesday night was a far cry from Monday when rioters torched cars, tossed debris at police, and tore apart businesses."),
        (CN, "Many saw their homes and vehicles damaged, their livelihoods in shambles."),
    ]),
    ("f9", "stores were looted / businesses destroyed", "event", [
        (TH, "looting local stores"),
        (CB, "Tuesday night was a far cry from Monday when rioters torched cars, tossed debris at police, and tore apart businesses."),
        (CB, "\"It breaks my heart because those of us who are from Baltimore know how hard we fought for those stores,\" Mayor Stephanie Rawlings-Blake said."),
        (CN, "President Barack Obama denounced the \"violence, looting, destruction that we saw from a handful of individuals in Baltimore.\""),
        (CS, "behind a block on which every business – Wonder Land Liquor, R&M Grocery, and Tye & Company Salon – was gutted Monday night"),
        (CS, "the site of major looting Monday"),
        (WT, "there’s “no excuse” for violence and looting"),
    ]),
    ("f10", "rioters attacked police; officers were injured", "event", [
        (TH, "attacking police and reporters"),
        (TH, "Fifteen police officers were injured", "states", "15"),
        (CB, "when rioters torched cars, tossed debris at police"),
        (CB, "When Toya Graham spotted her teenage son on live television throwing rocks at police, the single mom marched down to the street and fought to drag him home -- giving him a severe talking to on the way."),
        (CN, "Obama said his \"heart goes out\" to injured officers, and he praised police who he said \"showed appropriate restraint.\""),
    ]),
    ("f11", "Gov. Larry Hogan called in the National Guard (state of emergency)", "event", [
        (TH, "Governor Larry Hogan called in the National Guard to restore order"),
        (NP, "after Maryland Gov. Larry Hogan had declared a state of emergency and ordered the National Guard into the city"),
        (CB, "On Tuesday, Baltimore residents locked arms to join forces with more than a thousand police officers and 2,000 National Guardsmen to enact the first night of the city's 10 p.m. curfew."),
        (CN, "Some 2,000 National Guardsmen and more than 1,000 police officers from across Maryland and neighboring states were assigned to the streets of Baltimore on Tuesday night, Maryland Gov. Larry Hogan said."),
    ]),
    ("f12", "2,000 National Guardsmen and more than 1,000 police officers on the streets on Tuesday night", "number", [
        (CB, "On Tuesday, Baltimore residents locked arms to join forces with more than a thousand police officers and 2,000 National Guardsmen to enact the first night of the city's 10 p.m. curfew.", "states", "2,000 guardsmen; more than 1,000 police"),
        (CN, "Some 2,000 National Guardsmen and more than 1,000 police officers from across Maryland and neighboring states were assigned to the streets of Baltimore on Tuesday night, Maryland Gov. Larry Hogan said.", "states", "2,000 guardsmen; more than 1,000 police"),
    ]),
    ("f13", "the mayor imposed a curfew", "event", [
        (TH, "Baltimore Mayor Stephanie Rawlings-Blake made several statements last night and announced a curfew...that starts tonight."),
        (CN, "The city implemented a 10 p.m.-to-5 a.m. curfew for a one-week period that started Tuesday."),
        (CN, "Asked if she was considering lifting the curfew early, Baltimore Mayor Stephanie Rawlings-Blake told CNN's Chris Cuomo she had not made a decision yet."),
        (WT, "An overnight curfew in Baltimore Tuesday"),
        (CS, "As curfew approached, more than 25 people formed a human wall between the police and the crowd, to protect both sides."),
    ]),
    ("f14", "the curfew began on Tuesday (28 April)", "date", [
        (TH, "announced a curfew...that starts tonight", "states", "tonight (Tuesday 28 April)"),
        (CB, "On Tuesday, Baltimore residents locked arms to join forces with more than a thousand police officers and 2,000 National Guardsmen to enact the first night of the city's 10 p.m. curfew.", "states", "Tuesday"),
        (CN, "The city implemented a 10 p.m.-to-5 a.m. curfew for a one-week period that started Tuesday.", "states", "Tuesday"),
        (CN, "Many residents credited police for not overreacting after the curfew went into effect Tuesday night, setting the tone for peaceful dispersal", "states", "Tuesday"),
        (WT, "An overnight curfew in Baltimore Tuesday", "states", "Tuesday"),
    ]),
    ("f15", "the curfew starts at 10 p.m.", "number", [
        (CB, "the first night of the city's 10 p.m. curfew", "states", "10 p.m."),
        (CN, "protesters peacefully dispersed Wednesday night after a 10 p.m. curfew", "states", "10 p.m."),
        (CN, "The city implemented a 10 p.m.-to-5 a.m. curfew for a one-week period that started Tuesday.", "states", "10 p.m."),
    ]),
    ("f16", "the curfew lasts one week", "number", [
        (CB, "Baltimore leaders say the first night of the city's seven-day curfew effectively worked to calm the violence that erupted only 24 hours earlier.", "states", "seven days"),
        (CN, "The city implemented a 10 p.m.-to-5 a.m. curfew for a one-week period that started Tuesday.", "states", "one week"),
    ]),
    ("f17", "the curfew calmed the city; protesters dispersed peacefully", "event", [
        (CS, "Throughout the city, citizens demonstrated peacefully."),
        (CB, "Baltimore leaders say the first night of the city's seven-day curfew effectively worked to calm the violence that erupted only 24 hours earlier."),
        (CB, "Tuesday night was a far cry from Monday when rioters torched cars, tossed debris at police, and tore apart businesses."),
        (CB, "\"I think the biggest thing is that citizens are safe; the city is stable,\" Baltimore Police Commissioner Anthony Batts said."),
        (CN, "The streets of Baltimore are calm once again."),
        (CN, "For the second night in a row, protesters peacefully dispersed Wednesday night after a 10 p.m. curfew meant to prevent riots that tore up the city two days earlier."),
        (CN, "Many residents credited police for not overreacting after the curfew went into effect Tuesday night, setting the tone for peaceful dispersal"),
        (WT, "An overnight curfew in Baltimore Tuesday appeared to have quelled some of the rioting and violence that took place Monday after the funeral of 25-year-old Freddie Gray, who died while in police custody earlier this month."),
    ]),
    ("f18", "many people were arrested over the Monday riots (Townhall: mostly none)", "number", [
        (CB, "Officers only arrested 10 people Tuesday, compared to more than 200 on Monday.", "states", "more than 200 on Monday"),
        (CN, "More than 100 people arrested during the fracas in Baltimore this week were released Wednesday without charges, the state public defender's office said.", "states", "more than 100 (released)"),
        (TH, "but mostly rioters went home without arrests", "denies"),
    ]),
    ("f19", "protesters / residents formed a human wall between police and the crowd", "event", [
        (CN, "The relative calm that took over Baltimore can be credited in part to peaceful protesters who formed human barricades between hot-tempered demonstrators and police, day and night."),
        (CN, "\"We show that we can police ourselves,\" said a man who stood for hours in what protesters called a \"unity line.\""),
        (CS, "As curfew approached, more than 25 people formed a human wall between the police and the crowd, to protect both sides."),
        (CB, "On Tuesday, Baltimore residents locked arms to join forces with more than a thousand police officers and 2,000 National Guardsmen"),
    ]),
    ("f20", "residents turned out to clean up the damage", "event", [
        (TH, "Local residents and business owners are describing the situation as \"heartbreaking\" and are cleaning up their community this morning."),
        (TH, "He showed up this morning to clean up a devastated neighborhood"),
        (CB, "It's an image many Baltimore residents and church leaders spent their Tuesday trying to erase."),
        (CB, "They hit the streets to work together and clean."),
        (CN, "So residents like Cindy Oxendine took to the streets to sweep up rocks, glass and more, despite her aching back."),
        (CS, "Across Baltimore yesterday, thousands of people took small steps toward community-building, as grassroots volunteer efforts, amplified through social media, grew into a day of collaboration following a night of riots."),
        (CS, "By threes, then dozens, and eventually hundreds, they showed up: to neighborhood cleanups, food distributions, and a host of other volunteer efforts."),
        (CS, "By 9 a.m., residents had already cleared away much of Monday night’s destruction."),
    ]),
    ("f21", "city schools closed after the riots (reopening on Wednesday)", "event", [
        (CB, "They're now hoping it's a sign of things returning to normal as schools in the city re-open their doors."),
        (CS, "City schools closed for the day, and many employees took the opportunity to volunteer."),
    ]),
    ("f22", "Obama's interview aired Wednesday on 'The Steve Harvey Morning Show'", "event", [
        (CN, "\"There's no excuse for that,\" he said in an interview that aired Wednesday on \"The Steve Harvey Morning Show.\""),
        (WT, "Mr. Obama said in a radio interview that aired Wednesday on “The Steve Harvey Morning Show.”"),
    ]),
    ("f23", "Obama: there is 'no excuse' for the violence and looting", "quote", [
        (CN, "President Barack Obama denounced the \"violence, looting, destruction that we saw from a handful of individuals in Baltimore.\""),
        (CN, "\"There's no excuse for that,\" he said in an interview that aired Wednesday on \"The Steve Harvey Morning Show.\""),
        (WT, "He also echoed sentiments from separate remarks he gave Tuesday that it’s not just an isolated incident and that there’s “no excuse” for violence and looting."),
    ]),
    ("f24", "Obama: Baltimore's problems are long-standing, not new or isolated (underlying problems of poor communities)", "quote", [
        (CB, "But some pointed out that Baltimore's problems are much older and deeper than that one death."),
        (CB, "\"This has been going on a long time. This is not new and we should not pretend that it's new,\" President Barack Obama said."),
        (WT, "“I’ve seen this movie too many times before.”"),
        (WT, "He also echoed sentiments from separate remarks he gave Tuesday that it’s not just an isolated incident"),
        (WT, "“If all we’re doing is focusing on retraining police but not dealing with some of these underlying issues, then these problems [are going to] crop up again.”"),
        (CN, "But he also talked about the state of urban communities."),
    ]),
    ("f25", "the anger behind the riots stems from long-standing police brutality and oppression", "cause", [
        (NP, "For far too long, she said, police have been killing black men."),
        (NP, "Nobody was calling for peace when Baltimore police officers were beating innocent black men, he said."),
        (NP, "He said that yes, Baltimore has a history of inequality and yes the black community feels forgotten, but he didn't agree with setting properties on fire."),
        (CN, "\"Baltimore is not violent. We have been under a lot of duress, and the violence that erupted the other day is only in reaction to the years and decades of oppression, of police brutality, of harassment that many of the Baltimore residents have been under,\" she said."),
        (CS, "“The challenge is for us to make that commitment as a society to the long-term kind of underlying challenges that caused this tension and this explosion."),
        (CB, "She told reporters she didn't want to see her son lost to violence -- or police brutality -- like Freddy Gray"),
    ]),
]
