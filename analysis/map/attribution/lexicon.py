"""Word lists of attribution (titles, roles, determiners, kinds of names) and what they decide:
the role a phrase names (:func:`_role_of`) and the kind of a named speaker (:func:`_entity_kind`).

Rules are general news-writing conventions; word lists are UPPER_CASE constants, first names
are ``data/first_names.csv`` (read once, by :mod:`analysis.map.mentions`, which uses them too).

>>> _entity_kind("Reuters", None), _entity_kind("State Department", None), _entity_kind("Ann Lee", None)
('media', 'government', 'person')
"""
from __future__ import annotations

import csv
import functools
import re
from typing import Optional

from ...records import Mention
from ..mentions import FIRST_NAME_GENDERS, PARTICLES, _english_words

PRONOUNS = {"he": "person", "she": "person", "they": "any", "we": "any", "i": "person"}
DETERMINERS = {
    "a", "an", "one", "the", "some", "several", "two", "three", "four", "another", "other",
    "many", "most", "few", "their", "his", "her", "its", "our", "your", "my", "both", "all", "these",
    "those",
}
ANON_HEADS = {
    "source", "sources", "official", "officials", "commander", "commanders", "fighter",
    "fighters", "resident", "residents", "witness", "witnesses", "man", "woman", "men", "women",
    "person", "people", "spokesman", "spokeswoman", "spokesperson", "diplomat", "diplomats",
    "analyst", "analysts", "expert", "experts", "activist", "activists", "member", "members",
    "officer", "officers", "soldier", "soldiers", "aide", "aides", "insider", "insiders",
    "observer", "observers", "statement", "report", "ministry", "group", "militant", "militants",
    "rebel", "rebels", "doctor", "doctors", "worker", "workers", "leader", "leaders", "envoy",
    "monitor", "monitors", "journalist", "journalists", "reporter", "correspondent",
    "government", "military", "army", "police", "spokesmen", "lawmaker", "lawmakers",
    "researcher", "researchers", "defector", "refugee", "refugees", "villager", "villagers",
    "jihadist", "jihadists", "insurgent", "insurgents", "opponents", "critics", "supporters",
    "investigators", "authorities", "agency", "organization", "organisation", "campaign",
    # everyday people a reporter quotes without a name ("said the boy, who ...", "a protester said");
    # not relatives ("her son, wrote Buckley", "Trump's daughter Ivanka"), not "chief" ("her
    # chief rival"), not children in the plural ("those three little girls told America")
    "boy", "girl", "teenager", "teenagers", "teen", "relative", "relatives", "neighbor", "neighbors",
    "neighbour", "neighbours", "friends", "owner", "owners", "employee", "employees", "attendee",
    "attendees", "protester", "protesters", "demonstrator", "demonstrators", "voter", "voters", "veteran",
    "veterans", "nurse", "nurses", "driver", "drivers", "passenger", "passengers", "victim", "victims",
    "survivor", "survivors", "commenter", "commenters", "reader", "readers", "viewer", "viewers", "caller",
    "customer", "customers", "shopper", "shoppers", "delegate", "delegates", "volunteer", "volunteers",
    "student", "students", "worshipper", "worshippers", "bystander", "bystanders", "onlooker", "onlookers",
    "designer", "engineer", "teacher", "teachers", "farmer", "farmers", "shopkeeper", "patient", "patients",
}
MODIFIERS = {
    "senior", "top", "local", "military", "western", "government", "rebel", "opposition",
    "security", "former", "intelligence", "regional", "foreign", "defense", "defence",
    "administration", "state", "police", "army", "islamist", "jihadist", "kurdish", "u.s.",
    "high-ranking", "unnamed", "anonymous", "another", "other", "young", "old", "elderly",
    "chief", "deputy", "media", "press", "human", "rights", "humanitarian", "medical", "aid",
    "civil", "defense", "diplomatic", "militant", "moderate", "veteran", "unidentified",
}
NAME_CONNECTORS = {"al", "el", "bin", "ibn", "abu", "de", "da", "di", "van", "von", "der", "la",
                   "le", "du", "of", "for", "and", "the", "y", "bint", "ul"}
TITLES = (
    "President", "Vice President", "Prime Minister", "Minister", "Foreign Minister",
    "Defense Minister", "Defence Minister", "Secretary", "Secretary of State", "General", "Gen",
    "Colonel", "Col", "Captain", "Capt", "Major", "Maj", "Lieutenant", "Lt", "Sergeant", "Sgt",
    "Commander", "Senator", "Sen", "Rep", "Representative", "Gov", "Governor", "Mayor", "Dr",
    "Mr", "Mrs", "Ms", "Prof", "Professor", "Ambassador", "King", "Queen", "Prince", "Sheikh",
    "Sheik", "Pope", "Chancellor", "Judge", "Justice", "Spokesman", "Spokeswoman", "Adm",
    "Admiral", "Ayatollah", "Imam", "Emir", "Sir", "Lord", "Lady", "Father", "Rabbi", "Rev",
    "Chairman", "Director", "Chief", "Officer", "Sergeant", "Private", "Corporal", "Envoy", "Speaker", "Leader", "Deputy", "Commissioner",
    "Administrator", "Attorney General", "Press Secretary", "Whip", "Majority Whip", "Minority Whip", "Majority Leader", "Minority Leader", "Reps", "Senators", "Sens",
)
ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt",
                 "maj", "sgt", "prof", "adm", "rev", "jr", "sr", "no", "mt", "ft", "oct", "sept",
                 "sep", "nov", "dec", "jan", "feb", "aug", "inc", "corp", "co", "vs"}
ROLE_WORDS = {  # checked in this order; first role whose words occur wins
    "militant": ("jihadist", "jihadi", "jihadists", "militant", "militants", "isis", "isil",
                 "islamic state", "daesh", "al qaeda", "al-qaeda", "nusra", "al-nusra", "taliban",
                 "boko haram", "al-shabab", "insurgent", "insurgents", "extremist"),
    "rebel": ("rebel", "rebels", "fsa", "free syrian army", "free syria army",
              "opposition fighter", "opposition fighters", "opposition commander",
              "opposition group", "opposition groups"),
    "activist": ("activist", "activists", "campaign", "campaigner", "campaigners", "monitor",
                 "monitoring", "observatory", "human rights", "advocate", "advocacy",
                 "protester", "protesters", "organizer", "organiser"),
    "journalist": ("reporter", "reporters", "correspondent", "editor", "journalist",
                   "journalists", "columnist", "anchor", "photographer", "blogger", "writer"),
    "expert": ("analyst", "analysts", "researcher", "researchers", "fellow", "professor",
               "expert", "experts", "scholar", "economist", "scientist", "institute",
               "think tank", "university", "lecturer", "academic", "brookings",
               "center for", "centre for", "foundation for", "council on"),
    "official": ("spokesman", "spokeswoman", "spokesperson", "minister", "official", "officials",
                 "diplomat", "diplomats", "president", "ambassador", "secretary", "senator",
                 "governor", "mayor", "lawmaker", "congressman", "congresswoman", "department",
                 "ministry", "envoy", "prime minister", "chancellor", "adviser", "advisor",
                 "white house", "pentagon", "kremlin", "government", "administration",
                 "embassy", "general", "admiral", "police", "military", "army", "officer",
                 "state department", "foreign office", "parliament", "senate", "congress"),
    "other": ("resident", "residents", "witness", "witnesses", "man", "woman", "doctor",
              "teacher", "student", "farmer", "father", "mother", "villager", "refugee",
              "worker", "shopkeeper", "survivor", "citizen", "civilian", "engineer", "nurse"),
}
MEDIA_NAMES = (
    "Reuters", "AP", "AFP", "Associated Press", "Agence France-Presse", "Agence France Presse",
    "BBC", "CNN", "Al Jazeera", "Al-Jazeera", "Guardian", "The Guardian", "Fox News", "NPR",
    "MSNBC", "CBS", "NBC", "ABC", "Bloomberg", "Politico", "Breitbart", "Vox", "Slate",
    "Daily Beast", "The Daily Beast", "Huffington Post", "BuzzFeed", "Newsweek", "TIME",
    "Interfax", "TASS", "RIA Novosti", "RT", "Sputnik", "Xinhua", "SANA", "Al Arabiya",
    "Al-Arabiya", "Anadolu", "Haaretz", "Der Spiegel", "Le Monde", "Axios", "Vice News",
)
MEDIA_WORDS = {"news", "times", "post", "journal", "press", "agency", "television", "tv",
               "radio", "tribune", "herald", "telegraph", "gazette", "daily", "magazine",
               "network", "wire", "broadcasting", "channel", "examiner", "observer",
               "independent", "chronicle", "review", "times's"}
GOV_WORDS = {"department", "ministry", "pentagon", "kremlin", "government", "white house",
             "administration", "embassy", "parliament", "senate", "congress", "cabinet",
             "foreign office", "presidency", "state department", "defense department",
             "home office", "police", "army", "military", "navy", "command"}
ORG_WORDS = {"observatory", "institute", "council", "committee", "front", "group", "agency",
             "organization", "organisation", "union", "nations", "party", "brigade",
             "brigades", "movement", "center", "centre", "university", "foundation",
             "association", "bank", "coalition", "watch", "international", "court",
             "commission", "service", "services", "forces", "force", "company", "corporation",
             "fund", "society", "network", "alliance", "league", "state", "red cross",
             "amnesty", "hezbollah", "hamas", "isis", "isil", "daesh", "taliban", "nato"}
def _load_lexicon_tags() -> dict:
    """Lower-case words of the English lexicon bundled with TextBlob (the one
    ``mentions._english_words`` reads: common words, not names) and their part-of-speech tags."""
    return {w: t for w, t in _english_words().items() if w.islower() and w.isalpha()}


#: common English words and their tags in TextBlob's lexicon ("your": PRP$, "said": VBD)
LEXICON_TAGS = _load_lexicon_tags()
#: common English words: a name made of these alone and no given name ("West Point", "Planned
#: Parenthood", "Common Core") names no person (see _entity_kind)
COMMON_WORDS = frozenset(LEXICON_TAGS)
#: tags of words that open sentences but name nobody, capitalised or not ("Or:", "Said a
#: third Iowa Republican:", "Similarly:"); no MD or noun tags: "May", "Will", "Rice" are names
NOT_NAME_TAGS = frozenset("CC DT EX IN PDT PRP PRP$ RB RBR RBS TO UH VBD VBG WDT WP WP$ WRB".split())


def _common_words_only(words: list[str]) -> bool:
    """Are all of ``words`` (two or more) common words, none a given name of ``data/first_names.csv``,
    and the last no person's title or role ("Prime Minister", "the Texas Republican" are people)?"""
    return (len(words) >= 2 and words[-1].lower() not in PERSON_HEADS and not _role_word(words[-1].lower())
            and all(w.lower() in COMMON_WORDS and w not in FIRST_NAME_GENDERS for w in words))


#: Last words of capitalised names that are places, events or documents, not people.
NOT_PERSON_LAST_WORDS = {
    "hill", "summit", "street", "square", "avenue", "road", "house", "center", "centre", "conference",
    "forum", "plan", "act", "park", "valley", "county", "city", "river", "island", "airport",
    "station", "bridge", "building", "hall", "tower", "plaza", "mall", "school", "college",
    "hospital", "church", "mosque", "prison", "base", "camp", "program", "programme", "initiative",
    "agreement", "accord", "treaty", "deal", "law", "amendment", "report", "day", "week", "state",
    "states", "republic", "kingdom", "province", "region", "district", "border", "sea", "ocean",
    "mountains", "desert", "coast", "bay", "lake", "beach", "festival", "games", "cup", "league",
}
PLACES_AS_GOVERNMENT = {
    "Moscow", "Washington", "Damascus", "Tehran", "Beijing", "Kiev", "Kyiv", "London", "Paris",
    "Ankara", "Riyadh", "Baghdad", "Berlin", "Jerusalem", "Cairo", "Tokyo", "Pyongyang",
    "Seoul", "Brussels", "Kabul", "Islamabad", "New Delhi", "Ottawa", "Canberra", "Havana",
    "Caracas", "Russia", "Iran", "Syria", "Turkey", "Iraq", "China", "Israel", "France",
    "Germany", "Britain", "Egypt", "Saudi Arabia", "Japan", "Ukraine", "Pakistan", "India",
    "Afghanistan", "Jordan", "Lebanon", "Qatar", "United States", "U.S.", "US", "UK", "EU",
}
COMMON_SENTENCE_STARTERS = {
    "the", "a", "an", "but", "and", "in", "on", "at", "as", "it", "this", "that", "there",
    "however", "meanwhile", "yet", "so", "still", "also", "now", "then", "when", "while",
    "after", "before", "since", "if", "although", "though", "apparently", "indeed", "for",
    "with", "without", "during", "last", "earlier", "later", "today", "yesterday", "until",
    "both", "some", "many", "most", "other", "such", "his", "her", "their", "our", "its",
    "what", "why", "how", "where", "who", "which", "further", "among", "even", "only", "just",
    "one", "two", "more", "no", "not", "all", "each", "every", "other", "by", "from",
    "speaking", "asked", "talking", "writing", "responding", "addressing", "like", "unlike",
    "despite", "because", "following", "given", "back", "ever", "once", "throughout", "amid", "under",
    "against", "across", "instead", "besides", "whether", "unless", "upon", "walking", "standing",
    "sitting", "looking", "reacting", "campaigning", "appearing", "over", "any", "about",
    "around", "through", "within", "beyond", "toward", "towards", "near", "behind", "above",
    "below", "into", "several", "few", "another", "these", "those", "here",
    # indefinite pronouns name nobody ("Nobody asked about it - so Obama ...")
    "nobody", "everybody", "somebody", "anybody", "someone", "everyone", "anyone", "none", "nothing",
    "everything", "something", "anything",
}
ADVERBS_BEFORE_CUE = {"also", "has", "have", "had", "is", "was", "were", "are", "later",
                      "then", "now", "once", "previously", "reportedly", "again", "earlier",
                      "recently", "repeatedly", "simply", "just", "often", "would", "will",
                      "could", "did", "does", "do", "not", "never", "always", "had", "been",
                      "further", "publicly", "privately", "first"}
#: Singular heads of a definite description that, in news writing, points back to a person
#: named earlier ("..., the former Florida governor said" after "Jeb Bush ...").
PERSON_HEADS = {
    "governor", "senator", "president", "candidate", "congressman", "congresswoman", "mayor",
    "secretary", "minister", "chancellor", "premier", "king", "queen", "prince", "nominee",
    "front-runner", "frontrunner", "businessman", "businesswoman", "billionaire", "pope",
    "ambassador", "chairman", "chairwoman", "ceo", "executive", "professor", "economist",
    "author", "columnist", "scholar", "lawmaker", "representative", "speaker", "general",
    "director", "attorney", "lawyer", "judge", "justice", "actor", "actress", "founder", "host",
    "commentator", "cleric", "preacher", "pastor", "rabbi", "imam", "democrat", "republican",
    "spokesman", "spokeswoman", "spokesperson", "analyst", "expert", "researcher", "official",
    "commander", "diplomat", "activist", "envoy", "strategist", "pollster", "historian",
    "hopeful", "contender", "challenger", "incumbent",
}
#: Heads of a definite description that points back to a document issued by someone named
#: before ("X said in a statement ... “…,” the statement said").
STATEMENT_HEADS = {"statement", "report", "letter", "release", "memo", "communique", "email",
                   "announcement", "complaint", "lawsuit", "filing", "brochure", "ad", "advertisement",
                   "tweet", "petition", "cable", "editorial", "indictment", "ruling", "transcript"}
#: Verbs of putting a document out ("issued a statement", "posted a message"), as a regex alternation
ISSUE_VERBS_ALT = "issued|released|put out|posted|sent|published|tweeted"
#: Other things written that an "it" may stand for when it "said" or "reads" (coref.it_antecedent)
IT_DOCUMENT_HEADS = frozenset({"declaration", "excerpt", "document", "note", "message", "post", "website",
                               "page", "sign", "banner", "poster", "placard", "caption", "headline", "bill",
                               "resolution", "order", "study", "survey", "poll", "audit", "assessment",
                               "review", "analysis", "budget", "proposal", "plan", "policy", "agreement",
                               "deal", "treaty", "manifesto", "leaflet", "flyer", "video", "book", "article",
                               "column", "op-ed", "blog", "rebuttal", "paper"})
#: Bodies an "it" may stand for, described ("the embassy", "the administration")
IT_BODY_HEADS = frozenset({"embassy", "network", "newspaper", "government", "administration", "campaign",
                           "party", "court", "panel", "board", "office", "team", "club", "school", "university",
                           "church", "military", "army", "observatory", "institute", "center", "centre"})
#: Heads of "the group", "the ministry": a description that points back to the organisation
#: named before (coref.org_antecedent). For ANY_ORG_HEADS any organisation's name will do; for
#: the others the name must hold the head ("the ministry" -> "Interior Ministry").
ORG_DESCRIPTION_HEADS = frozenset({"group", "organization", "organisation", "agency", "company", "firm",
                                   "ministry", "department", "committee", "council", "commission", "union",
                                   "militia", "movement", "coalition", "association", "foundation"})
ANY_ORG_HEADS = frozenset({"group", "organization", "organisation", "company", "firm", "movement",
                           "coalition", "militia"})
#: Words of a state body's name: no "group" ("the group" is not the White House or Congress).
STATE_BODY_WORDS = frozenset({"House", "Court", "Department", "Congress", "Senate", "Ministry", "Committee",
                              "Agency", "Service", "Bureau", "Administration", "Office", "Council",
                              "Commission", "Parliament", "Pentagon", "Kremlin"})
#: Heads of a definite description that points back to a news medium ("the paper").
MEDIA_HEADS = {"paper", "newspaper", "network", "magazine", "broadcaster", "outlet", "website",
               "site", "daily", "channel", "station", "tabloid", "weekly"}
#: Upper-case role words that are no names ("the association's president and CEO").
ACRONYM_ROLES = {"ceo", "cfo", "coo", "cto", "md", "gm"}
#: Words that may stand before a MEDIA_HEADS word ("the radio network", "the state-run daily").
MEDIA_MODIFIERS = {"radio", "news", "television", "tv", "state-run", "online", "weekly", "business",
                   "financial", "local", "newspaper", "wire"}
#: Words that give a person's gender away (titles, role nouns); first names are in
#: ``data/first_names.csv``. Used only to keep "she said" off a man and "he said" off a woman.
GENDER_WORDS = {
    "man": "male", "woman": "female", "mother": "female", "father": "male",
    "mr": "male", "mister": "male", "sir": "male", "king": "male", "prince": "male",
    "congressman": "male", "spokesman": "male", "businessman": "male", "chairman": "",
    "mrs": "female", "ms": "female", "miss": "female", "madam": "female", "queen": "female",
    "princess": "female", "congresswoman": "female", "spokeswoman": "female",
    "businesswoman": "female", "chairwoman": "female", "actress": "female",
    "boy": "male", "girl": "female", "son": "male", "daughter": "female", "husband": "male",
    "wife": "female", "brother": "male", "sister": "female", "widow": "female", "widower": "male",
}
PRONOUN_GENDER = {"he": "male", "she": "female"}
#: How a title is written before a name, for "the <head>" descriptions.
TITLE_FORMS = {"governor": ("Governor", "Gov"), "senator": ("Senator", "Sen"),
               "representative": ("Representative", "Rep"), "congressman": ("Rep", "Congressman"),
               "congresswoman": ("Rep", "Congresswoman"), "general": ("General", "Gen"),
               "professor": ("Professor", "Prof"), "president": ("President",),
               "secretary": ("Secretary",), "minister": ("Minister",), "mayor": ("Mayor",),
               "judge": ("Judge",), "justice": ("Justice",), "ambassador": ("Ambassador",),
               "chancellor": ("Chancellor",), "speaker": ("Speaker",)}
WEEKDAYS = frozenset(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
#: words that name a day or month where a speaker could stand ("Friday, said"), in lower case;
#: not "may", a surname too ("May said", Theresa May)
_CALENDAR_WORDS = frozenset({m.lower() for m in MONTHS} - {"may"} | {d.lower() for d in WEEKDAYS})


def _alt(words) -> str:
    """Regex alternation of ``words`` as a character trie (fast in ``re``); spaces match \\s+.

    >>> re.fullmatch(_alt(["said", "says", "saying"]), "saying") is not None
    True
    """
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        alts, opt = [], False
        for ch in sorted(node, key=lambda c: (c == "", c)):
            if ch == "":
                opt = True
                continue
            piece = r"\s+" if ch == " " else re.escape(ch)
            alts.append(piece + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if opt:
            body = "(?:" + body + ")?"
        return body

    return build(trie)


_TITLE_RE = re.compile(r"(?<![\w-])(?:%s)\.?\s+(?=[A-Z])" % _alt(TITLES))
_ROLE_RE = re.compile("|".join(r"(?P<%s>(?<![\w-])(?:%s)(?![\w-]))" % (role, _alt(words))
                               for role, words in ROLE_WORDS.items()), re.I)
_ROLE_RANK = {role: i for i, role in enumerate(ROLE_WORDS)}
# _role_of works on the lower-cased text with case-sensitive copies of _ROLE_RE (much
# faster than re.I). Same matches: role words are lower-case ASCII, and the only other
# characters re.I lets match ASCII letters are these four (İ ı ſ K), which get _ROLE_RE.
_ODD_CASE_RE = re.compile("[\u0130\u0131\u017f\u212a]")
_ROLE_LOWER_RE = re.compile(_ROLE_RE.pattern)
# cheap pre-check: some role word occurs at all, as a plain substring
_ROLE_HINT_RE = re.compile(_alt(w for words in ROLE_WORDS.values() for w in words))
_MEDIA_RE = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % _alt(MEDIA_NAMES))
_WS_RE = re.compile(r"\s+")
_GENDER_TITLE_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")


FIRST_NAMES = FIRST_NAME_GENDERS  # first name -> 'male' / 'female' (``data/first_names.csv``)


def _load_derived_names() -> list[tuple[str, str, int]]:
    """(first name, 'male' / 'female', number of lists) of ``data/first_names_derived.csv``
    (19,000 names of Faker's national name lists on which every list agrees; built by
    ``scripts/build_first_names.py``), for gender alone; empty when the file is not there."""
    from ...config import DATA_DIR

    try:
        with open(DATA_DIR / "first_names_derived.csv", encoding="utf-8", newline="") as fh:
            return [(r["first_name"], r["gender"], int(r.get("locales") or 0))
                    for r in csv.DictReader(fh) if r.get("gender")]
    except OSError:
        return []


_DERIVED_NAMES = _load_derived_names()
#: first name -> gender for ``speaker_gender``: the derived list, overridden by the curated
#: ``data/first_names.csv`` (whose empty genders, Pat or Robin, keep a name undecided). Only
#: FIRST_NAMES makes a capitalised word a given name; this only says whose it is
NAME_GENDERS = {**{n: g for n, g, _ in _DERIVED_NAMES}, **FIRST_NAME_GENDERS}
#: the same with the derived names two or more national lists give (a name only Faker's large
#: ``en`` list has, such as "Jess" or "Deven", is often given to both): what the pronoun
#: resolution may rule a person out by ("she said" is not Jess McIntosh's only if Jess is a man's)
NAME_GENDERS_SURE = {**{n: g for n, g, k in _DERIVED_NAMES if k >= 2}, **FIRST_NAME_GENDERS}
del _DERIVED_NAMES
_INITIAL_RE = re.compile(r"[A-Z]\.?")


def _derived_first(parts: list[str], *, names: dict = NAME_GENDERS) -> str:
    """The gender of a person's given name by ``data/first_names_derived.csv``: the first word of
    the name that is in it, after initials and descriptive words ("Survivor Helen Titus",
    "J. Ann Selzer"), the surname excepted; nothing for a name alone ("Nolan said") or when another
    name comes first ("Clinton aide Huma Abedin" is not decided by Huma). ``names``: another
    name -> gender dict (coref's NAME_GENDERS_SURE).

    >>> [_derived_first(n.split()) for n in ("Aleksandr Volkov", "Sylvia Mathews Burwell", "Nolan", "Clinton aide Huma Abedin")]
    ['male', 'female', '', '']
    """
    for w in parts[:-1]:
        g = names.get(w)
        if g:
            return g
        if not (_INITIAL_RE.fullmatch(w) or w.lower() in LEXICON_TAGS or w.lower() in PARTICLES):
            return ""
    return ""


@functools.lru_cache(maxsize=1 << 16)
def _role_of(words: str) -> str:
    """First role (in ROLE_WORDS order) whose words occur in ``words``.

    >>> _role_of("State Department spokesman"), _role_of("a member of the media campaign")
    ('official', 'activist')
    >>> _role_of("SPOKESMAN"), _role_of("\u017fpokesman")  # case-insensitive, long s included
    ('official', 'official')
    """
    if _ODD_CASE_RE.search(words):
        matches = _ROLE_RE.finditer(words)
    else:
        low = words.lower()
        hint = _ROLE_HINT_RE.search(low)
        if hint is None:
            return ""  # no role word anywhere (most calls)
        # none starts before the first hint: scan from one character before it (which the
        # look-behind needs to see)
        matches = _ROLE_LOWER_RE.finditer(low, max(0, hint.start() - 1))
    best = ""
    for m in matches:
        role = m.lastgroup
        if not best or _ROLE_RANK[role] < _ROLE_RANK[best]:
            best = role
    return best


@functools.lru_cache(maxsize=1 << 16)
def _entity_kind(name: str, mention: Optional[Mention]) -> str:
    """person | media | government | organisation for a named speaker."""
    if mention is not None:
        k = mention.kind
        if k == "media":
            return "media"
        if k == "place":
            return "government"
        if k == "person":
            return "person"
        if k in ("organisation", "actor"):
            low = mention.entity.lower()
            return "government" if any(w in low for w in GOV_WORDS) else "organisation"
    stripped = name[4:] if name.lower().startswith("the ") else name
    if _MEDIA_RE.fullmatch(stripped) or _MEDIA_RE.fullmatch(name):
        return "media"
    low = stripped.lower()
    words = low.split()
    if stripped in PLACES_AS_GOVERNMENT:
        return "government"
    if words and words[-1] in MEDIA_WORDS and len(words) >= 2:
        return "media"
    if any(w in GOV_WORDS for w in words) or any(g in low for g in GOV_WORDS if " " in g):
        return "government"
    if any(w in ORG_WORDS for w in words) or name.isupper() and len(name) > 1:
        return "organisation"
    if words and words[-1] in NOT_PERSON_LAST_WORDS:
        return "organisation"  # "Capitol Hill", "Sunshine Summit", "Clean Power Plan"
    if len(words) > 4 or _common_words_only(stripped.split()):
        return "organisation"
    return "person"


#: Lower-case heads a source phrase may end in besides ANON_HEADS ("the actress", "a new poll").
NP_HEADS = PERSON_HEADS | {"supporter", "supporters", "voters", "advocates", "delegate", "delegates",
                           "poll", "polls", "survey", "study", "investigation", "document", "filing",
                           "aide", "staffer", "staffers", "allies", "ally", "donors", "donor", "friend",
                           "economists", "lawyers", "attorneys", "scientists", "historians", "strategists",
                           "operatives", "advisers", "advisors", "democrats", "republicans", "conservatives",
                           "liberals", "progressives", "organizations", "groups", "polls", "surveys",
                           "studies", "data", "records", "filings", "documents", "emails", "campaign",
                           "commission", "committee", "council", "spokesmen", "protesters", "candidates",
                           "pollsters", "leaders", "members", "sources", "people"} | STATEMENT_HEADS
_ALL_ROLE_SINGLE = {w for ws in ROLE_WORDS.values() for w in ws if " " not in w}

#: a person's relatives and partners ("his wife, Jane,"; "the widow of ..."): words of a relation
#: to someone, never of an employer (context._KIN_BEFORE_RE, affiliation._KIN_BEFORE_RE)
KIN_WORDS = ("wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "cousin",
             "uncle", "aunt", "grandson", "granddaughter", "grandmother", "grandfather", "niece", "nephew",
             "fiancé", "fiancée", "girlfriend", "boyfriend", "partner", "widow", "widower")

#: Capitalised plurals that name a group of people, never one person or an organisation:
#: "Republicans said", "House Democrats argued", "Americans say" (plural demonyms of
#: ``data/demonyms.csv`` count too, see speakers._group_head)
GROUP_NOUNS = frozenset("""
Republicans Democrats Conservatives Liberals Progressives Independents Libertarians Tories
Americans Europeans Africans Asians Arabs Kurds Israelis Palestinians Iranians Iraqis Syrians
Afghans Pakistanis Indians Chinese Japanese French British Dutch English Irish Swiss Spanish Koreans Mexicans Canadians Germans Britons Australians
Muslims Christians Jews Catholics Protestants Evangelicals Hispanics Latinos Sunnis Shiites
""".split())
#: Lower-case heads that name people in the plural (a phrase ending in one describes people
#: even after a capitalised modifier: "Virginia voters", "Trump aides")
GROUP_HEADS = frozenset(w for w in (ANON_HEADS | NP_HEADS) if w.endswith("s") and w not in
                        {"news", "data", "records", "filings", "documents", "emails", "polls", "surveys",
                         "studies", "organizations", "groups", "status"}) | {"others"}


def _role_word(lw: str) -> bool:
    return lw in _ALL_ROLE_SINGLE


_KIND_FOR_SOURCE = {"person": "person", "media": "media", "government": "government",
                    "organisation": "organisation", "anonymous": "anonymous"}
