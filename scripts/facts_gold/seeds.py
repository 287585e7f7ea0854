"""Seeds: ISIS gains near Aleppo after Russian airstrikes (October 2015)."""
STORY = "seeds-aleppo"
CORPUS = "seeds"
S0, S1, S2, S3, S4 = ("000_19e20a8dd960ba01.txt", "001_8fdc9a9e89936a64.txt",
                      "002_96904c4cfb2d251e.txt", "003_2058152583e7fe2b.txt",
                      "004_c656874e4e1f2884.txt")
NOTES = "The five seed articles (ISIS near Aleppo after the Russian strikes, 9-13 Oct 2015). Borderline: the villages count (six vs five; 'several towns' states without a number) is one fact with S1 marked conflicts (tie, later-listed); the Raqqa fact pairs S3's question presupposing Russian strikes on Raqqa with S0 'the planes have yet to hit Raqqa' (denies). S2's 'made few gains ... over the preceding months' is counted as the 'biggest advance in months' fact."
ARTICLES = [
    {"file": S0, "outlet": None, "leaning": None, "date": "2015-10", "title": "Experts: Russian Airstrikes May Strengthen ISIS"},
    {"file": S1, "outlet": None, "leaning": None, "date": "2015-10", "title": "Following Russian Airstrikes, ISIS Advances on Aleppo"},
    {"file": S2, "outlet": "The Long War Journal", "leaning": None, "date": "2015-10-09", "title": "Islamic State claims gains in Aleppo province during chaotic fight"},
    {"file": S3, "outlet": "Syria Direct", "leaning": None, "date": "2015-10-13", "title": "Islamic State sees opportunity in Russian airstrikes"},
    {"file": S4, "outlet": None, "leaning": None, "date": "2015-10", "title": "Russian airstrikes allow ISIS to advance"},
]
FACTS = [
    ("f1", "ISIS takes advantage of / benefits from / is helped to advance by the Russian airstrikes", "cause", [
        (S0, "Experts: Russian Airstrikes May Strengthen ISIS"),
        (S0, "Western diplomats believe the Islamic State (ISIS/ISIL) could gather more land in Syria as a result of the latest Russian and Iranian offensive."),
        (S0, "Isil will take advantage of that to seize more territory"),
        (S0, "ISIS is benefiting from Russia’s strikes on the Syrian opposition."),
        (S0, "Russian airstrikes have thus far failed to deter ISIS from launching new offensives and rather have facilitated ISIS’s seizure of new terrain."),
        (S1, "Following Russian Airstrikes, ISIS Advances on Aleppo"),
        (S1, "In the wake of Russian airstrikes in Syria, the Islamic State of Iraq and Syria (ISIS) has come within one mile of the northern border of Aleppo, Reuters reported today."),
        (S1, "One rebel commander quoted by Reuters explicitly connected the Russian airstrikes to the advance of ISIS"),
        (S2, "But Russia’s intervention has changed the balance of power, even if only temporarily."),
        (S2, "However, the group is clearly taking advantage of the Russian-led bombing campaign in the short run."),
        (S3, "Islamic State sees opportunity in Russian airstrikes"),
        (S3, "Russian bombs that have targeted the Islamic State are driving the fighters to hide among civilians, but also, providing a new opportunity."),
        (S4, "Russian airstrikes allow ISIS to advance"),
    ]),
    ("f2", "rebel commander: 'Daesh has exploited the Russian air strikes and the preoccupation of the Free Syrian Army in its battles in Hama, and advanced in Aleppo'", "quote", [
        (S0, "“Daesh has exploited the Russian airstrikes and the preoccupation of the Free Syrian Army in its battles in Hama, and advanced in Aleppo,” said one rebel commander."),
        (S1, "“Daesh has exploited the Russian air strikes and the preoccupation of the (rebel) Free Syrian Army in its battles in Hama, and advanced in Aleppo.”"),
    ]),
    ("f3", "ISIS's push in Aleppo is its biggest advance in many months (since August)", "other", [
        (S0, "the largest advance by ISIS in the province since August 2015", "states", "since August 2015"),
        (S1, "According to the Syrian Observatory for Human Rights, ISIS’s push towards Aleppo marks its biggest advance since last August.", "states", "since last August"),
        (S4, "Isis has made its strongest gains in many months, advancing across the top of Aleppo", "states", "many months"),
        (S4, "Meanwhile, Isis’s moves since Thursday have seen the terror group gain more ground than it had in many months.", "states", "many months"),
        (S2, "Abu Bakr al Baghdadi’s organization made few gains in the Aleppo province over the preceding months"),
    ]),
    ("f4", "ISIS advanced / seized ground north of Aleppo (around October 9)", "event", [
        (S0, "On October 9, ISIS advanced 10 kilometers against rebels in northeastern Aleppo", "states", "October 9"),
        (S0, "On October 9, ISIS managed to expand out of Aleppo in northwestern Syria, where Russia bombed.", "states", "October 9"),
        (S1, "Islamic State is now within 2 km (1 mile) of government-held territory on the northern edge of Aleppo"),
        (S2, "The Islamic State has issued a statement (seen above) claiming that is fighters have seized key several towns north of the city of Aleppo."),
        (S2, "It remains to be seen if the Islamic State’s surge in the province results in long-lasting territorial gains."),
        (S3, "the Islamic State is “intensifying its car-bomb operations on the Aleppo front, and is trying to advance there,”"),
        (S3, "is trying to advance there while rebels are preoccupied fighting back the Russian attack."),
        (S4, "Meanwhile, Isis’s moves since Thursday have seen the terror group gain more ground than it had in many months."),
    ]),
    ("f5", "number of villages ISIS captured near Aleppo", "number", [
        (S0, "The terrorist group captured six villages and cut off an important trade route to Turkey.", "states", "6"),
        (S1, "ISIS claims to have captured five villages near Aleppo during its current offensive.", "conflicts", "5"),
        (S2, "claiming that is fighters have seized key several towns north of the city of Aleppo", "states", "several"),
    ]),
    ("f6", "Moscow says its campaign targets ISIS", "event", [
        (S0, "Their officials insist the planes are targeting ISIS"),
        (S1, "in a campaign which Moscow says is targeting Islamic State fighters who control large parts of eastern Syria, as well as swathes of neighboring Iraq"),
        (S4, "the Russian offensive which was touted as a campaign against Isis"),
    ]),
    ("f7", "Russian strikes have mainly hit non-ISIS rebels / the opposition rather than ISIS", "event", [
        (S2, "But along with other FSA units it was targeted early on in Russia’s aerial assault."),
        (S4, "More than a week since the Russian strikes began targeting them"),
        (S4, "Rebels in the vicinity of the regime strongholds of Tartous and Latakia, and the nearby Alawite hinterland, have been hit especially hard in the Russian offensive"),
        (S4, "Other rebel groups in Idlib province have also been pounded"),
        (S0, "Both ISIS and the regime will likely capitalize on the effects of Russian airstrikes on rebels."),
        (S0, "evidence indicates the Russian offensive is targeting anyone considered an enemy of Syrian President Bashar al-Assad"),
        (S0, "Russia did not target ISIS the first six days of its airstrikes."),
        (S0, "ISIS is benefiting from Russia’s strikes on the Syrian opposition."),
        (S1, "But the campaign appears to have mainly struck other rebel groups, some of which had been battling to stop the Islamic State advance across Aleppo province."),
        (S2, "Russia has mainly focused on the insurgents opposed to both the Islamic State and the Assad regime."),
        (S2, "“Greater than 90 percent of the strikes that we’ve seen them take to date have not been against [the Islamic State] or al Qaeda-affiliated terrorists,”"),
        (S2, "“They’ve been largely against opposition groups that want a better future for Syria and don’t want to see the Assad regime stay in power.”"),
        (S3, "Although the majority of Russian airstrikes are hitting rebel positions in western Syria"),
        (S4, "but which the US, Nato, and rebel groups claim has almost exclusively targeted non-jihadi opposition groups"),
    ]),
    ("f8", "the rebels hit by Russia had themselves been fighting the Islamic State in Aleppo", "other", [
        (S1, "some of which had been battling to stop the Islamic State advance across Aleppo province"),
        (S2, "Russia has mainly focused on the insurgents opposed to both the Islamic State and the Assad regime."),
        (S2, "Both Fatah Halab and Ansar al Sharia have opposed the Islamic State’s expansion in Aleppo."),
    ]),
    ("f9", "date the Russian strikes began (September 30; 'for 10 days'; 'more than a week')", "date", [
        (S0, "Russia began conducting airstrikes in Syria on September 30.", "states", "2015-09-30"),
        (S1, "Russian warplanes and warships have been bombarding targets across Syria for 10 days", "states", "10 days"),
        (S4, "More than a week since the Russian strikes began targeting them", "states", "more than a week"),
    ]),
    ("f10", "Iran backs the offensive with fighters / Assad's forces are backed by Iran (and Russia)", "other", [
        (S0, "as a result of the latest Russian and Iranian offensive"),
        (S0, "Iran has allegedly provided over 2,000 fighters to the battle, as well."),
        (S1, "The gains achieved by ISIS come as President Bashar al-Assad’s forces, backed by Hezbollah, Iran, and Russia, have stepped up attacks against rebels in western Syria."),
    ]),
    ("f11", "Russia acts to defend / support Assad's regime", "other", [
        (S1, "President Bashar al-Assad’s forces, backed by Hezbollah, Iran, and Russia"),
        (S4, "ever since Moscow ramped up its efforts to defend Bashar al-Assad’s regime earlier this month"),
        (S0, "evidence indicates the Russian offensive is targeting anyone considered an enemy of Syrian President Bashar al-Assad"),
    ]),
    ("f12", "the strikes / Russia's strategy benefit Assad and ISIS by destroying the other opposition", "cause", [
        (S0, "Genevieve Casagrande at the Institute for the Study of War believes the attacks will benefit Assad and ISIS:"),
        (S0, "Both ISIS and the regime will likely capitalize on the effects of Russian airstrikes on rebels."),
        (S2, "Apparently the Russians won't move to wipe out ISIS, at least not until they've destroyed Assad's domestic opposition:"),
        (S4, "Other rebel groups in Idlib province have also been pounded and fear that Russia’s strategy is to destroy the opposition, leaving only the regime army and Isis standing."),
    ]),
    ("f13", "Russian strikes on ISIS in Raqqa: S3 states them, S0 says Raqqa has not been hit", "event", [
        (S3, "Q: What type of Islamic State activity have you noticed since the start of the Russian strikes on IS in A-Raqqa and other areas under its control?"),
        (S0, "The planes have yet to hit Raqqa, the “capital” of the ISIS Caliphate.", "denies"),
    ]),
    ("f14", "ISIS uses car bombs against rebels on the Aleppo front", "event", [
        (S2, "DAESH [a derogatory acronym used to describe the Islamic State] simultaneously targets the headquarters with car bombs"),
        (S3, "the Islamic State is “intensifying its car-bomb operations on the Aleppo front, and is trying to advance there,”"),
        (S3, "However, IS issaying that it is intensifying its car bomb operations on the Aleppo front"),
    ]),
    ("f15", "Russian-backed offensives on the opposition weaken / preoccupy the rebels, so ISIS advances", "cause", [
        (S0, "“We’re very concerned that Russian-supported offensives targeting the moderate opposition are weakening them across the board–and Isil will take advantage of that to seize more territory,” stated one source."),
        (S3, "As rebels are “preoccupied” with Russian airstrikes, the Islamic State is “intensifying its car-bomb operations on the Aleppo front, and is trying to advance there,”"),
        (S3, "is trying to advance there while rebels are preoccupied fighting back the Russian attack."),
        (S1, "“Daesh has exploited the Russian air strikes and the preoccupation of the (rebel) Free Syrian Army in its battles in Hama, and advanced in Aleppo.”"),
        (S0, "“Daesh has exploited the Russian airstrikes and the preoccupation of the Free Syrian Army in its battles in Hama, and advanced in Aleppo,” said one rebel commander."),
    ]),
    ("f16", "the US-backed rebels get weapons but no anti-aircraft weapons / CIA support", "other", [
        (S2, "Suqour al Jabal has reportedly received assistance from the CIA, including American-made TOW missiles."),
        (S4, "“We can have most of the weapons we want,” he says."),
    ]),
    ("f17", "'Daesh' is a derogatory (Arabic) term for the Islamic State", "other", [
        (S1, "Daesh is a derogatory Arabic term for ISIS."),
        (S2, "DAESH [a derogatory acronym used to describe the Islamic State]"),
    ]),
    ("f18", "the Free Syrian Army is fighting around Hama", "place", [
        (S0, "“Daesh has exploited the Russian airstrikes and the preoccupation of the Free Syrian Army in its battles in Hama, and advanced in Aleppo,” said one rebel commander."),
        (S1, "“Daesh has exploited the Russian air strikes and the preoccupation of the (rebel) Free Syrian Army in its battles in Hama, and advanced in Aleppo.”"),
        (S4, "Bunkered down in his base just north of Hama, Captain Mustafa of the Free Syria Army (FSA) is getting used to the Russian airstrikes."),
    ]),
    ("f19", "Assad's forces, backed by Russia and Iran, have launched offensives against the rebels", "event", [
        (S0, "Western diplomats believe the Islamic State (ISIS/ISIL) could gather more land in Syria as a result of the latest Russian and Iranian offensive."),
        (S0, "Russian-supported offensives targeting the moderate opposition are weakening them across the board"),
        (S1, "The gains achieved by ISIS come as President Bashar al-Assad’s forces, backed by Hezbollah, Iran, and Russia, have stepped up attacks against rebels in western Syria."),
        (S4, "Nearby, Syrian forces, which had barely moved for the past year, are trying to advance from the south, said Mustafa, the military spokesman of an FSA unit, Tajamul Ala’Azza."),
    ]),
]
