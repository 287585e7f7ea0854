"""Paris attacks of 13 November 2015: reports of 13-17 November."""
STORY = "paris-attacks"
CORPUS = "allsides-2015"
WT, TH, UT, CN, NP, CS = ("66A4v5YiJztSrzF3.json", "jjoQ4NHCPzdvnF40.json", "ow8OEdBoFb9iWFBe.json",
                          "LKDAuQ2BmB3kFLMn.json", "Rnw2IWSxzZNLh0Si.json", "qP7T9nfEXmnUDXMF.json")
NOTES = "Six reports of 13-17 Nov on the attacks and their aftermath (the Saint-Denis raid has only four outlets). Borderline: the death toll (more than 120 / 127 / 129 / 132) is one fact, 127 being the majority; 129 and 132 are marked conflicts although the toll rose over time. CNN's 'still unclear who was behind the attacks', written that night, is a 'denies' mention of the ISIS-responsibility fact. The 20 bombs (Sunday) and 16 bombs (overnight Monday) are different raids, so not a conflict."
ARTICLES = [
    {"file": CN, "outlet": "CNN (Web News)", "leaning": "left", "date": "2015-11-13", "title": "U.S. officials say no known threat to homeland in wake of Paris attacks"},
    {"file": WT, "outlet": "Washington Times", "leaning": "right", "date": "2015-11-14", "title": "Paris attacks came hours after Obama declared Islamic State ‘contained’"},
    {"file": TH, "outlet": "Townhall", "leaning": "right", "date": "2015-11-14", "title": "From Paris: Border Chaos As France Faces Biggest Terror Disaster Since Hitler"},
    {"file": UT, "outlet": "USA TODAY", "leaning": "center", "date": "2015-11-15", "title": "'Massive' French airstrikes hit Islamic State to retaliate for attacks"},
    {"file": NP, "outlet": "NPR Online News", "leaning": "center", "date": "2015-11-17", "title": "Latest On Paris Attacks: French War Planes Keep Pounding ISIS In Syria"},
    {"file": CS, "outlet": "Christian Science Monitor", "leaning": "center", "date": "2015-11-17", "title": "Will Europe's door stay open? Paris attacks fuel anti-migrant backlash"},
]
FACTS = [
    ("f1", "number of people killed in the attacks", "number", [
        (CN, "More than 120 people were killed when a series of apparently coordinated shootings and explosions rocked Paris", "states", "more than 120"),
        (CN, "following a series of coordinated attacks in Paris the night before that killed scores of people", "states", "scores"),
        (WT, "the shootings and bombings that left at least 127 people dead", "states", "at least 127"),
        (TH, "So far French authorities have said at least 127 people have been killed, it is widely expected to rise.", "states", "at least 127"),
        (UT, "the attacks at six sites that killed 132 people", "conflicts", "132"),
        (NP, "after a series of coordinated terrorist attacks Friday left 129 people dead", "conflicts", "129"),
    ]),
    ("f2", "number of people wounded", "number", [
        (WT, "scores wounded, many seriously", "states", "scores"),
        (UT, "wounded hundreds more", "conflicts", "hundreds"),
    ]),
    ("f3", "the Islamic State claimed responsibility for / carried out the attacks (CNN, writing that night: still unclear who was behind them)", "event", [
        (WT, "The terrorist attacks in Paris carried out by the Islamic State came about 12 hours after President Obama declared that the extremist group had been “contained.”"),
        (WT, "The Islamic State claimed responsibility Saturday for the shootings and bombings that left at least 127 people dead and scores wounded, many seriously on Friday."),
        (WT, "The Paris killings are potentially the second major attack carried out by the Islamic State in two weeks."),
        (CN, "ISIS has claimed responsibility."),
        (UT, "The Islamic State claimed responsibility for the attacks at six sites that killed 132 people and wounded hundreds more."),
        (TH, "He went on to confirm the culprit was linked to the Islamic State (IS)"),
        (CN, "Story highlights It is still unclear who was behind the attacks", "denies"),
        (CN, "It is still unclear who was behind the attacks.", "denies"),
    ]),
    ("f4", "Hollande blamed the Islamic State ('an act of war', 'committed by a terrorist army')", "quote", [
        (WT, "French President Francois Hollande blamed the Islamic State, also known by the acronyms ISIL and ISIS, for “an act of war.”"),
        (TH, "French President, Francois Hollande, told Associated Press the attack was \"committed by a terrorist army”."),
        (TH, "He went on to confirm the culprit was linked to the Islamic State (IS)"),
    ]),
    ("f5", "the attacks took place on Friday (13 November), at night", "date", [
        (WT, "The Islamic State claimed responsibility Saturday for the shootings and bombings that left at least 127 people dead and scores wounded, many seriously on Friday.", "states", "Friday"),
        (CN, "A forensic scientist works near a Paris cafe on Saturday, November 14, following a series of coordinated attacks in Paris the night before that killed scores of people.", "states", "the night before November 14"),
        (CN, "Rescuers evacuate an injured person near the Stade de France, one of several sites of attacks November 13 in Paris.", "states", "November 13"),
        (CN, "Forensics are working in the street of Paris after the terrorist attack on Friday, November 13.", "states", "Friday, November 13"),
        (TH, "Yesterday Paris was rocketed by an explosion outside the France versus Germany soccer match, forcing the President of the Republic to be evacuated.", "states", "yesterday (2015-11-13)"),
        (UT, "The strikes come two days after the worst attacks in Paris since World War II.", "states", "two days before Sunday 15th"),
        (NP, "after a series of coordinated terrorist attacks Friday left 129 people dead", "states", "Friday"),
    ]),
    ("f6", "the attacks were a series of coordinated shootings and bombings/explosions", "event", [
        (CN, "More than 120 people were killed when a series of apparently coordinated shootings and explosions rocked Paris"),
        (CN, "following a series of coordinated attacks in Paris the night before that killed scores of people"),
        (CN, "Attackers reportedly used AK-47 automatic weapons in separate attacks across Paris, and there were explosions at the Stade de France."),
        (WT, "the shootings and bombings that left at least 127 people dead"),
        (NP, "after a series of coordinated terrorist attacks Friday left 129 people dead"),
        (TH, "Yesterday Paris was rocketed by an explosion outside the France versus Germany soccer match"),
        (TH, "Terrorists then machine gun attacked the Bataclan concert hall and a number of Paris cafés."),
        (UT, "the attacks at six sites"),
    ]),
    ("f7", "explosions at the Stade de France during the France-Germany soccer match (suicide bombers at the national stadium)", "place", [
        (TH, "Yesterday Paris was rocketed by an explosion outside the France versus Germany soccer match, forcing the President of the Republic to be evacuated."),
        (CN, "Rescuers evacuate an injured person near the Stade de France, one of several sites of attacks November 13 in Paris."),
        (CN, "Thousands of fans were watching a soccer match between France and Germany when the attacks occurred."),
        (CN, "Police secure the Stade de France in Saint-Denis, north of Paris, following explosions during the soccer match between France and Germany."),
        (CN, "Explosions were heard during the soccer match between France and Germany."),
        (CN, "People leave the Stade de France after explosions were heard near the stadium during a soccer match between France and Germany on Friday."),
        (CN, "there were explosions at the Stade de France"),
        (CS, "The link to the migrant trail formed after a passport from Syria was found next to the body of one of the suicide bombers who blew themselves up at France's national stadium."),
    ]),
    ("f8", "President Hollande was evacuated from the match", "event", [
        (TH, "forcing the President of the Republic to be evacuated"),
        (CN, "Paris Deputy Mayor Patrick Klugman told CNN President Francois Hollande was at the match and was evacuated at halftime."),
    ]),
    ("f9", "gunmen attacked the Bataclan concert hall", "place", [
        (TH, "Terrorists then machine gun attacked the Bataclan concert hall and a number of Paris cafés."),
        (CN, "Most of the fatalities occurred at the Bataclan in central Paris."),
        (CN, "He is next to the Bataclan theater, where gunmen shot concertgoers and held hostages until police raided the building."),
        (CN, "Victims of the shooting at the Bataclan concert venue in central Paris are evacuated to receive medical treatment on November 14."),
        (CN, "The violence at the Bataclan, which involved a hostage-taking, resulted in the highest number of casualties of all the attacks."),
    ]),
    ("f10", "Paris cafés / restaurants were attacked", "place", [
        (TH, "Terrorists then machine gun attacked the Bataclan concert hall and a number of Paris cafés."),
        (CN, "Forensic police search for evidence inside the Comptoir Voltaire cafe after the attacks."),
        (CN, "Victims lay on the pavement outside a Paris restaurant."),
        (CN, "Rescue workers and medics tend to victims at the scene of one of the shootings, a restaurant in the 10th District."),
    ]),
    ("f11", "the worst attack (in France/Paris) since World War II", "other", [
        (TH, "Travelers were left stranded across France today as the country began dealing with the aftermath of the worst terrorist atrocity since World War Two."),
        (UT, "The strikes come two days after the worst attacks in Paris since World War II."),
    ]),
    ("f12", "French warplanes struck the Islamic State in Raqqa, Syria, after the attacks", "event", [
        (UT, "France launched \"massive\" air strikes on the Islamic State group's de-facto capital in Syria on Sunday night, destroying a jihadi training camp and a munitions dump in the city of Raqqa."),
        (UT, "France's military launched \"massive\" retaliatory airstrikes against Islamic State sites in Syria on Sunday night, saying French aircraft struck a command center and training camp at Raqqa."),
        (UT, "The French Defense Ministry said the strikes targeted a command post, a training camp and a weapons depot, dropping 20 bombs on Raqqa."),
        (UT, "That’s what we did with the strikes on Raqqa, which is their headquarter."),
        (NP, "Meanwhile, French warplanes continued to pound the ISIS stronghold of Raqqa in Syria."),
        (NP, "Overnight, the French military said, its aircraft dropped 16 bombs, destroying a training center and an ISIS command center."),
    ]),
    ("f13", "French strikes hit an ISIS command center and a training camp", "event", [
        (UT, "saying French aircraft struck a command center and training camp at Raqqa"),
        (UT, "The French Defense Ministry said the strikes targeted a command post, a training camp and a weapons depot, dropping 20 bombs on Raqqa."),
        (UT, "destroying a jihadi training camp and a munitions dump in the city of Raqqa"),
        (NP, "Overnight, the French military said, its aircraft dropped 16 bombs, destroying a training center and an ISIS command center."),
    ]),
    ("f14", "Raqqa is the Islamic State's de facto capital / stronghold", "place", [
        (UT, "France launched \"massive\" air strikes on the Islamic State group's de-facto capital in Syria"),
        (UT, "The French Air Force posted videos on its Facebook page of the planes embarking on the raid of the extremist group's de facto capital."),
        (UT, "That’s what we did with the strikes on Raqqa, which is their headquarter."),
        (UT, "declared the northern Syrian city of Raqqa to be the caliphate’s capital"),
        (NP, "the ISIS stronghold of Raqqa in Syria"),
    ]),
    ("f15", "France is part of the U.S.-led coalition against the Islamic State", "other", [
        (WT, "The president was talking about the U.S-led coalition, which includes French forces, fighting the extremist group in Syria and in Iraq."),
        (UT, "A U.S.-led coalition that includes France has been conducting airstrikes against the Islamic State in Iraq and Syria since last year."),
        (NP, "discuss further cooperation as part of the 65-member counter-ISIL coalition"),
    ]),
    ("f16", "the G-20 summit in Turkey (that weekend)", "place", [
        (WT, "In the wake of the attacks, Mr. Hollande has canceled his scheduled trip this weekend to the G-20 summit in Turkey, where he was to meet with Mr. Obama and other world leaders to discuss the fight against the Islamic State, the civil war in Syria and the refugee crisis in Europe."),
        (WT, "Mr. Obama is departing Washington Saturday afternoon on Air Force One, scheduled to arrive at the G-20 conference in Turkey on Sunday."),
        (UT, "Speaking in Turkey at the G-20 summit, French Foreign Minister Lauren Fabius said"),
    ]),
    ("f17", "White House: France is 'our oldest ally'", "quote", [
        (WT, "“The president reiterated the United States’ steadfast, unwavering support for the people of France, our oldest ally and friend, and reaffirmed the offer of any necessary support to the French investigation,” the statement said."),
        (NP, "\"This visit will underscore the friendship and solidarity between the United States and France, our oldest ally,\" Press Secretary Josh Earnest said in a statement."),
    ]),
    ("f18", "the U.S. offers support to the French investigation of the attacks", "event", [
        (WT, "reaffirmed the offer of any necessary support to the French investigation"),
        (NP, "President Obama and President Hollande will consult and coordinate our efforts to assist France's investigation into these attacks"),
    ]),
    ("f19", "Obama and Hollande pledge to fight/defeat 'the scourge of terrorism'", "quote", [
        (WT, "“The two leaders pledged to work together, and with nations around the world, to defeat the scourge of terrorism.”"),
        (NP, "reiterate our shared determination to confront the scourge of terrorism.\""),
    ]),
    ("f20", "more than half of U.S. governors (26) oppose taking Syrian refugees", "number", [
        (NP, "Update at 7:54 a.m. ET. 26 Governors Oppose Taking Refugees:", "states", "26"),
        (NP, "NPR's Arnie Seipel reports that the number of governors who oppose taking refugees is up to 26 this morning.", "states", "26"),
        (NP, "New Mexico Gov. Susana Martinez and Gov. Terry Branstad of Iowa are the latest to say they oppose taking in Syrian refugees."),
        (CS, "Now more than half of US governors have said they won’t accept Syrian refugees", "states", "more than half"),
        (CS, "Right-wing politicians and heads of state in Europe – now joined by state governors in the United States – are calling for doors and borders to be closed."),
    ]),
    ("f21", "the attackers died in the attacks (suicide bombers)", "event", [
        (NP, "That brings the total of those involved to nine: the seven men who died in the attack, 26-year-old Salah Abdeslam and this other new suspect."),
        (CS, "one of the suicide bombers who blew themselves up at France's national stadium"),
    ]),
    ("f22", "the attacks struck several (six) sites across Paris", "number", [
        (UT, "the attacks at six sites", "states", "6"),
        (CN, "Rescuers evacuate an injured person near the Stade de France, one of several sites of attacks November 13 in Paris.", "states", "several"),
        (CN, "Attackers reportedly used AK-47 automatic weapons in separate attacks across Paris, and there were explosions at the Stade de France."),
        (TH, "Terrorists then machine gun attacked the Bataclan concert hall and a number of Paris cafés."),
    ]),
]
