"""Direct quotes, their speakers, scare quotes, and cited sources.

Two entry points:

* :func:`find_quotes` pairs double quotation marks (straight ``"`` and curly
  ``“ ”``) inside body paragraphs, finds who said each quote (cue verb before or
  after it, pronoun, continuation of the previous quote) and separates speech from
  scare quotes / titles (returned as :class:`ScareQuote`).
* :func:`find_sources` lists every cited source: quoted speakers (one row per
  citation phrase, i.e. per distinct speaker span) plus indirect attributions
  ("Reuters reported", "according to X", "Moscow says", "X told Reuters",
  "NAME believes ...:" before a block quote).

Both work with ``mentions == []`` (own capitalised-name heuristics) and use
mentions when given (canonical names, person/media/place kinds).

Rules are general news-writing conventions; word lists are UPPER_CASE constants.

>>> from analysis.records import Article
>>> from analysis.parse import parse_article
>>> p = parse_article(Article("a", "", 'Title\\n\\n"We will win," said John Smith, a rebel commander.'))
>>> q, s = find_quotes(p, [])
>>> q[0].quote, q[0].speaker, q[0].speaker_role, q[0].how
('We will win,', 'John Smith', 'rebel', 'after')
"""
from __future__ import annotations

import bisect
import csv
import re
from typing import Optional

from .config import DATA_DIR
from .records import Mention, Parsed, Quote, ScareQuote, Source, Span

# --------------------------------------------------------------------------- word lists

CUES_PATH = DATA_DIR / "cues.csv"


def _load_quote_cues(path=CUES_PATH) -> dict[str, tuple[str, ...]]:
    """The cue lexicon's words by their role for quotes (``quotes`` column of ``data/cues.csv``):
    ``verb`` (introduces a quote: "said"), ``participle`` ("saying"), ``source_only`` (marks an
    indirect source, never a quote: "believes", "quoted by")."""
    out: dict[str, list[str]] = {"verb": [], "participle": [], "source_only": []}
    with open(path, encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh), start=2):
            role = (row.get("quotes") or "").strip()
            if not role:
                continue
            if role not in out:
                raise ValueError(f"{path}, line {i}: cue {row.get('cue')!r} has quotes={role!r}; "
                                 f"use one of {', '.join(out)} or leave it empty")
            out[role].append(row["cue"].strip())
    return {k: tuple(v) for k, v in out.items()}


_QUOTE_CUES = _load_quote_cues()
#: cue verbs and phrases that introduce a quote ("said", "according to"), from data/cues.csv
CUE_VERBS = _QUOTE_CUES["verb"]
#: participles that introduce a quote after a clause ("..., saying “...”")
PARTICIPLE_CUES = _QUOTE_CUES["participle"]
# cues that only mark an indirect source (never introduce a direct quote on their own)
SOURCE_ONLY_CUES = _QUOTE_CUES["source_only"]
PRONOUNS = {"he": "person", "she": "person", "they": "any", "we": "any", "i": "person"}
DETERMINERS = {
    "a", "an", "one", "the", "some", "several", "two", "three", "four", "another", "other",
    "many", "most", "few", "their", "his", "her", "its", "our", "both", "all", "these", "those",
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
    "despite", "because", "following", "given",
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
}
#: Heads of a definite description that points back to a document issued by someone named
#: before ("X said in a statement ... “…,” the statement said").
STATEMENT_HEADS = {"statement", "report", "letter", "release", "memo", "communique", "email",
                   "announcement", "complaint", "lawsuit", "filing", "brochure"}
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
_CALENDAR_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august",
                   "september", "october", "november", "december", "monday", "tuesday",
                   "wednesday", "thursday", "friday", "saturday", "sunday"}
FIRST_NAMES_PATH = DATA_DIR / "first_names.csv"
#: How far back a pronoun or a definite description looks for the person it means.
ANTECEDENT_SENTENCES = 6
ANTECEDENT_CHARS = 3000
SUBJECT_WINDOW = 350
INTRO_WORDS = {"but", "and", "yet", "so", "however", "meanwhile", "still", "also", "now",
               "then", "indeed", "instead", "later", "earlier"}

# --------------------------------------------------------------------------- compiled regexes


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


_CUE_RE = re.compile(r"(?<![\w’'-])(?:%s)(?![\w’'-])" % _alt(CUE_VERBS))
_PART_RE = re.compile(r"(?<![\w’'-])(?:%s)(?![\w’'-])" % _alt(PARTICIPLE_CUES))
NOT_SOURCE_CUES = {"continued", "continues", "went on", "asked", "asks", "answered", "sighed",
                   "concluded", "replied", "replies", "responded", "cried", "shouted", "whispered",
                   "joked", "quipped", "agreed", "recounted", "remarked", "asking", "writing",
                   "adds", "added", "adding", "began", "wondered", "mused", "scoffed", "snapped",
                   "demanded", "pleaded"}
_SRC_CUE_RE = re.compile(r"(?<![\w’'-])(?:%s)(?![\w’'-])"
                         % _alt([c for c in CUE_VERBS + PARTICIPLE_CUES + SOURCE_ONLY_CUES if c not in NOT_SOURCE_CUES]))
_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W_][\w’'\-]*(?:\.(?=\w))?[\w’'\-]*")
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
# a sentence end: punctuation before a space, or run straight into the next sentence in
# scraped text that lost its spaces ('... Boehner.In a column', 'he wrote."Instead')
# (one pattern that starts with the punctuation class, so the scan is fast)
_SENT_END_RE = re.compile(r"[.!?;](?:(?<=[a-z][.!?])[\"”’]?(?=[\"“]?[A-Z][a-z])|[.!?;]*[\"”’)]*(?=\s|$))")
# "(R-La.)", "(D-N.Y.)": a full stop inside a short parenthesis ends no sentence
_SHORT_PAREN_RE = re.compile(r"\([^\s()]{1,10}$")
_NOT_END_BEFORE = re.compile(r"(?:^|[^\w.])(?:[A-Z]|%s)$" % "|".join(
    a.capitalize() for a in ("dr", "mr", "mrs", "ms", "st", "gen", "sen", "rep", "gov", "lt", "col",
                             "capt", "maj", "sgt", "prof", "adm", "rev", "no", "oct", "sept", "nov",
                             "dec", "jan", "feb", "aug", "mt", "ft", "vs", "calif", "fla", "mass", "wash",
                             "ariz", "conn", "ill", "mich", "minn", "tenn", "va", "pa", "md", "ga",
                             "ky", "la", "mo", "wis", "colo", "ore", "okla", "ala", "miss", "nev",
                             "del", "jr", "sr", "inc", "corp", "co")))
_MARK_RE = re.compile(r"[\"“”]")
_ANON_POST_RE = re.compile(r",?\s+who\s+(?:asked|spoke|requested|declined|was|were|is|are|did)\b"
                           r"[^.,;“”\"]{0,60}?\b(?:named|anonymity|identified|publicly|record|"
                           r"authori[sz]ed)\b")
_VIA_RE = re.compile(r"\b(?:quoted\s+by|cited\s+by|told|tells|telling|speaking\s+to|speaking\s+with|"
                     r"in\s+an\s+interview\s+with|interviewed\s+by|obtained\s+by|published\s+by|"
                     r"according\s+to)\s+")
_AGENT_RE = re.compile(r"\b(?:obtained|published|released|quoted|cited|reported|posted|"
                       r"translated)\s+by\s+")
_WS_RE = re.compile(r"\s+")
_OF_PLACE_RE = re.compile(r"\s(?:of|in|from)\s+(?:the\s+)?[A-Z]")
# a phrase of lower-case words ending in a two-word capitalised name (the speaker's name)
_ROLE_NAME_RE = re.compile(r"^(?:[a-z0-9][\w’'-]*\s+){1,5}[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}$")
# a sentence whose subject is a he/she pronoun ("He later added", "But she said")
_PRONOUN_SUBJECT_RE = re.compile(r"[\"“”‘’'(\s]*(?:(?:But|And|Then|Later|Still|However|Meanwhile|Yet|So),?\s+)?(He|She)\b")
#: ", NAME" closing a description after a cue ("said his best friend at Lehigh, Bruce Turry,")
_APPOS_NAME_AFTER_RE = re.compile(r"[^,.;:“”\"]{0,70}?,\s+((?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'-]+)"
                                  r"(?=\s*(?:[,.;]|$|\s+(?:who|whose|said|says)\b))")
_LONG_APPOS_GAP_RE = re.compile(r"\s*,[^;:“”\"]{2,200}?,\s*(?:(?:also|later|then)\s+)?")
_NAME_ENDS_CLAUSE_RE = re.compile(r"(?:[A-Z][\w’'.-]*\s?){1,4}\s*(?:[,.;]|$)")
_CLAUSE_BREAK_RE = re.compile(r"[.,;:!?“”\"]")
# a sentence whose subject is a he/she after a subjectless opening clause ("Asked about Clinton, she replied")
_PARTICIPLE_SUBJECT_RE = re.compile(r"[\"“”‘’'(\s]*(?:Asked|Pressed|Questioned|Speaking|Responding|Reached|"
                                    r"Interviewed|Talking|Writing|Appearing|Addressing|Reacting|Campaigning)"
                                    r"\b[^.;:!?“”\"]{0,200}?,\s*([Hh]e|[Ss]he)\b")
# a sentence that opens with a subordinate clause: its people are not the sentence's subject
_LEADING_CLAUSE_RE = re.compile(r"[\"“”‘’'(\s]*(?:(?:But|And|Yet|So),?\s+)?(?:[Ww]hen|[Aa]s|[Aa]fter|[Bb]efore|[Ww]hile|"
                                r"[Ii]f|[Aa]lthough|[Tt]hough|[Ss]ince|[Bb]ecause|[Oo]nce|[Uu]ntil|[Uu]nless|"
                                r"[Ww]hereas)\b[^,;:.!?]{0,150},")
_GENDER_TITLE_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
_AFFIL_RE = re.compile(r"((?:[A-Z][\w’'.-]*|al|bin|ibn|abu|de|van|von)(?:\s+(?:[A-Z][\w’'.-]*|al|bin|ibn|abu|de|van|von))*)"
                       r"\s+(?:at|of|from|with)\s+(?:the\s+)?[A-Z(]")
_TITLE_ONLY_RE = re.compile(r"(?:(?:%s)\.?\s*)+" % _alt(TITLES))


# --------------------------------------------------------------------------- small helpers


def _load_first_names() -> dict[str, str]:
    """first name -> 'male' / 'female' from ``data/first_names.csv`` (read once)."""
    with open(FIRST_NAMES_PATH, encoding="utf-8", newline="") as fh:
        return {r["first_name"]: r["gender"] for r in csv.DictReader(fh)}


FIRST_NAMES = _load_first_names()


class _Tok:
    __slots__ = ("s", "e", "w", "lw")

    def __init__(self, s, e, w):
        self.s, self.e, self.w, self.lw = s, e, w, w.lower()


def _toks(text: str, s: int, e: int) -> list:
    return [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, s, e)]


def _gap(text: str, a: _Tok, b: _Tok) -> str:
    """'space' | 'comma' | 'break' for the characters between tokens a and b."""
    g = text[a.e:b.s]
    if not g.strip():
        return "space" if g.count("\n") <= 1 else "break"
    if g.strip() == "." and (a.lw in ABBREVIATIONS or len(a.w) == 1 and a.w.isupper()):
        return "space"  # "Gov. Perry", "Robert W. Goodlatte"
    if g.strip() == ",":
        return "comma"
    return "break"


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
        if not _ROLE_HINT_RE.search(low):
            return ""  # no role word anywhere (most calls)
        matches = _ROLE_LOWER_RE.finditer(low)
    best = ""
    for m in matches:
        role = m.lastgroup
        if not best or _ROLE_RANK[role] < _ROLE_RANK[best]:
            best = role
    return best


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
    if len(words) > 4:
        return "organisation"
    return "person"


def _strip_title(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop leading titles/nationality words: 'Syrian President Bashar al-Assad' -> name."""
    last = None
    for m in _TITLE_RE.finditer(text, s, e):
        last = m
    if last is not None and last.end() < e:
        return last.end(), e
    return s, e


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:—–-("):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
        e -= 1
    return s, e


# --------------------------------------------------------------------------- noun phrases


#: Lower-case heads a source phrase may end in besides ANON_HEADS ("the actress", "a new poll").
NP_HEADS = PERSON_HEADS | {"supporter", "supporters", "voters", "advocates", "delegate", "delegates",
                           "poll", "polls", "survey", "study", "investigation", "document", "filing",
                           "aide", "staffer", "staffers", "allies", "ally", "donors", "donor", "friend",
                           "economists", "lawyers", "attorneys", "scientists", "historians", "strategists",
                           "operatives", "advisers", "advisors", "democrats", "republicans", "conservatives",
                           "liberals", "progressives", "organizations", "groups", "polls", "surveys",
                           "studies", "data", "records", "filings", "documents", "emails", "campaign",
                           "commission", "committee", "council", "spokesmen", "protesters", "candidates",
                           "pollsters", "leaders", "members", "sources", "people"}


def _word_ok(t: _Tok, first: bool) -> bool:
    lw = t.lw
    return (t.w[:1].isupper() or lw in NAME_CONNECTORS or lw in NP_HEADS or lw in MODIFIERS or lw in ANON_HEADS
            or lw in MEDIA_HEADS or lw in MEDIA_MODIFIERS or lw in ORG_WORDS or lw == "family" or _role_word(lw) or (first and lw in DETERMINERS) or lw.startswith(("al-", "el-")))


_ALL_ROLE_SINGLE = {w for ws in ROLE_WORDS.values() for w in ws if " " not in w}


def _role_word(lw: str) -> bool:
    return lw in _ALL_ROLE_SINGLE


def _np_back(text: str, lo: int, p: int) -> Optional[tuple[int, int]]:
    """Noun phrase ending just before ``p`` (skipping auxiliaries/adverbs), or None.

    >>> t = "State Department spokesman John Kirby also said"
    >>> s, e = _np_back(t, 0, t.index(" also"))
    >>> t[s:e]
    'State Department spokesman John Kirby'
    """
    toks = _toks(text, max(lo, p - 110), p)
    # skip auxiliaries / adverbs directly before the cue ("He later added")
    while toks and (toks[-1].lw in ADVERBS_BEFORE_CUE or toks[-1].lw.endswith("ly") and not toks[-1].w[:1].isupper()):
        if len(toks) >= 2 and _gap(text, toks[-2], toks[-1]) != "space":
            break
        if text[toks[-1].e:p].strip(" \n") not in ("", ","):
            break
        p = toks.pop().s
    if not toks or text[toks[-1].e:p].strip(" \n") not in ("", ","):
        return None
    if toks[-1].lw in PRONOUNS:
        return toks[-1].s, toks[-1].e
    i = len(toks) - 1
    start = None
    while i >= 0:
        t = toks[i]
        if i < len(toks) - 1 and _gap(text, t, toks[i + 1]) != "space":
            break
        if t.lw in DETERMINERS and not (t.lw == "the" and i + 1 < len(toks) and toks[i + 1].w[:1].isupper()
                                         and i > 0 and (toks[i - 1].lw in ("of", "for") or toks[i - 1].w[:1].isupper())
                                         and _gap(text, toks[i - 1], t) == "space"):
            start = i
            # "Name at the Institute" -> extend to the person before the preposition
            if (t.lw == "the" and i >= 2 and toks[i - 1].lw in ("at", "of", "from", "with")
                    and toks[i - 2].w[:1].isupper() and _gap(text, toks[i - 2], toks[i - 1]) == "space"
                    and _gap(text, toks[i - 1], t) == "space"):
                j = i - 2
                while j - 1 >= 0 and toks[j - 1].w[:1].isupper() and _gap(text, toks[j - 1], toks[j]) == "space":
                    j -= 1
                start = j
            break
        if not _word_ok(t, False):
            break
        start = i
        i -= 1
    if start is None:
        return None
    # no leading connectors; sentence-initial common words are not names
    while start < len(toks) and toks[start].lw in NAME_CONNECTORS and toks[start].lw != "the":
        start += 1
    if start >= len(toks):
        return None
    if toks[start].lw in COMMON_SENTENCE_STARTERS and toks[start].lw not in DETERMINERS and start + 1 < len(toks):
        start += 1
    words = toks[start:]
    if not any(w.w[:1].isupper() or w.lw in ANON_HEADS or w.lw in MEDIA_HEADS or w.lw in NP_HEADS for w in words):
        return None
    return toks[start].s, toks[-1].e


def _np_fwd(text: str, p: int, hi: int) -> Optional[tuple[int, int]]:
    """Noun phrase starting at ``p`` ("one rebel commander", "John Kirby"), or None.

    >>> t = "one rebel commander, who spoke"
    >>> s, e = _np_fwd(t, 0, len(t)); t[s:e]
    'one rebel commander'
    """
    toks = _toks(text, p, min(hi, p + 110))
    if not toks or text[p:toks[0].s].strip():
        return None
    if toks[0].lw in PRONOUNS:
        return toks[0].s, toks[0].e
    if toks[0].lw in COMMON_SENTENCE_STARTERS and toks[0].lw not in DETERMINERS:
        return None
    end = None
    i = 0
    if toks[0].lw in DETERMINERS:
        end = 0
        i = 1
    while i < len(toks) and i < 12:
        t = toks[i]
        if i > 0 and _gap(text, toks[i - 1], t) != "space":
            break
        if not _word_ok(t, i == 0):
            break
        # a lowercase word after a capitalised run ends a name ("Smith in a statement")
        if (not t.w[:1].isupper() and t.lw not in NAME_CONNECTORS and i > 0 and toks[i - 1].w[:1].isupper()
                and not (t.lw in ANON_HEADS or t.lw in ORG_WORDS or t.lw in ("family", "lawyers", "attorneys")
                         or _role_word(t.lw))):
            break
        end = i
        i += 1
    if end is None:
        return None
    while end > 0 and toks[end].lw in NAME_CONNECTORS | DETERMINERS:
        end -= 1
    if end == 0 and toks[0].lw in DETERMINERS:
        return None  # "The announcement": a determiner alone names nobody
    words = toks[:end + 1]
    if not any(w.w[:1].isupper() or w.lw in ANON_HEADS or w.lw in MEDIA_HEADS or w.lw in NP_HEADS for w in words):
        return None
    e = toks[end].e
    m = _ANON_POST_RE.match(text, e, hi)
    if m and toks[0].lw in DETERMINERS:
        e = m.end()
    return toks[0].s, e


_APPOS1_RE = re.compile(r",\s*(?:a|an|the|who|one|[a-z]+ (?:of|for|at))\b[^.;:“”\"]{0,120}?(?=[,.;:]|$)")
_APPOS2_RE = re.compile(r"\s+(?:of|at|from|with)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s*|(?:of|the|for|al|and)\s+|\([A-Z]{2,}\)\s*){1,8}")
_TRAIL_ADV_RE = re.compile(r"(?:\s+(?:%s))+$" % "|".join(sorted(ADVERBS_BEFORE_CUE)))


def _appos_after(text: str, e: int, hi: int) -> str:
    """', a rebel commander,' / ' of the FSA' right after a name: words for the role."""
    m = _APPOS1_RE.match(text, e, hi)
    if m:
        return m.group()
    m = _APPOS2_RE.match(text, e, hi)
    return m.group() if m else ""


# --------------------------------------------------------------------------- article context


class _Ctx:
    """Per-article state: text, blocks, mentions index, people seen so far."""

    def __init__(self, parsed: Parsed, mentions: list):
        self.source_text = parsed.article.text
        self.text = text = _marks_view(parsed.article.text)
        paras = sorted(parsed.paragraphs or [], key=lambda s: s.start)
        if not paras:
            lo = getattr(parsed, "body_start", 0) or 0
            paras = [Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text[lo:])]
            paras = [Span(s.start + lo, s.end + lo, s.text) for s in paras if s.text.strip()]
        # merge paragraphs split by a single line break inside a sentence (hard wraps)
        blocks: list[list[int]] = []
        for sp in paras:
            if blocks:
                gap = text[blocks[-1][1]:sp.start]
                prev_last = text[blocks[-1][1] - 1] if blocks[-1][1] > 0 else "."
                nxt = text[sp.start:sp.start + 1]
                if (not gap.strip() and gap.count("\n") <= 1
                        and (nxt.islower() or prev_last not in ".!?:\"”’)]|")):
                    blocks[-1][1] = sp.end
                    continue
            blocks.append([sp.start, sp.end])
        self.blocks = [(s, e) for s, e in blocks]
        ms = sorted(mentions, key=lambda m: m.start)
        self.mentions = ms
        self.m_starts = [m.start for m in ms]
        self.person_at: list[tuple[int, str]] = []  # (position, name) of people seen
        self.roles: dict[str, str] = {}
        self.scanned = False
        self.spoken: list = []  # named speakers found before the lazy scan
        self.quoted: list = []  # (open, close) of every pair of quotation marks, for antecedents
        self.anon_heads: set = set()  # heads of anonymous speaker descriptions seen ("official")
        self.anon_at: list = []  # (position, description, role) of anonymous speakers found
        self.after_quote = None  # (block start, quote start) while resolving a speaker after its quote
        self.titled_cache: dict = {}
        self.gender_cache: dict = {}
        self.byline = (parsed.byline or "").split(" and ")[0].split(",")[0].strip() or None

    def people(self) -> list:
        """Persons seen in the article (scanned lazily, only when a quote needs them)."""
        if not self.scanned:
            self.scanned = True
            _scan_people(self)
            self.person_at.extend(self.spoken)
            self.person_at.sort()
        return self.person_at

    def mention_in(self, s: int, e: int) -> Optional[Mention]:
        """Longest mention overlapping [s, e), preferring ones inside it."""
        i = bisect.bisect_left(self.m_starts, s - 80)
        best = None
        while i < len(self.mentions) and self.mentions[i].start < e:
            m = self.mentions[i]
            if m.end > s and (best is None or m.end - m.start > best.end - best.start):
                best = m
            i += 1
        return best

    def head_mention(self, s: int, e: int) -> Optional[Mention]:
        """The mention that names a speaker phrase text[s:e].

        In English the head of a noun phrase comes last ("State Department spokesman John
        Kirby" names Kirby), so: the last person mention inside the phrase, else the last
        mention inside it, else a mention overlapping it by at most a character each side.
        """
        i = bisect.bisect_left(self.m_starts, s - 80)
        inside, loose = [], None
        while i < len(self.mentions) and self.mentions[i].start < e:
            m = self.mentions[i]
            if m.start >= s and m.end <= e:
                inside.append(m)
            elif m.end > s and m.start >= s - 1 and m.end <= e + 1:
                loose = m
            i += 1
        people = [m for m in inside if m.kind == "person"]
        if people:
            return people[-1]
        if inside:
            return max(inside, key=lambda m: (m.end, m.end - m.start))
        return loose

    def gender(self, name: str, at: int) -> str:
        """'male' / 'female' when a title before ``at`` or a known first name says so, else ''."""
        m = _GENDER_TITLE_RE.search(self.text, max(0, at - 8), at)
        if m:
            return GENDER_WORDS[m.group(1).lower()]
        parts = name.split()
        if len(parts) == 1:  # a surname: use a fuller name seen in the article
            for _, full in reversed(self.people()):
                if full != name and full.split()[-1] == name:
                    parts = full.split()
                    break
        for w in parts[:-1]:
            g = FIRST_NAMES.get(w) or GENDER_WORDS.get(w.lower().rstrip("."))
            if g:
                return g
        return ""

    def _in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted, (pos, 1 << 62)) - 1
        return i >= 0 and self.quoted[i][0] < pos < self.quoted[i][1]

    def antecedent(self, pos: int, want: str = "", anonymous: bool = False, prefer=None,
                   skip_own: bool = False):
        """The person a he/she pronoun or a definite description at ``pos`` most likely means.

        Walks back sentence by sentence (at most ``ANTECEDENT_SENTENCES`` and
        ``ANTECEDENT_CHARS``): a sentence whose subject is itself "he"/"she" hands over to the
        sentence before it; otherwise the first person it names outside quotation marks (in news
        English, the subject) whose gender does not clash with ``want``. Falls back to the
        nearest compatible person within reach. With ``anonymous``, unnamed speakers found
        before ("said one rebel commander") count too, and the answer is (name, kind). With
        ``prefer`` (a set of names), those are tried first; with ``skip_own``, people named in
        the sentence of ``pos`` itself are left out ("Mr. Carter is “...,” the spokesman said":
        Carter is the topic, not the speaker).
        """
        text = self.text
        lo = max(0, pos - ANTECEDENT_CHARS)
        cands = {}
        i = bisect.bisect_left(self.m_starts, lo)
        while i < len(self.mentions) and self.mentions[i].start < pos:
            m = self.mentions[i]
            if m.kind == "person":
                cands.setdefault(m.start, m.entity)
            i += 1
        people = self.people()
        j = bisect.bisect_left(people, (lo, ""))
        while j < len(people) and people[j][0] < pos:
            cands.setdefault(people[j][0], people[j][1])
            j += 1
        order = sorted((p, n) for p, n in cands.items()
                       if not self._in_quote(p) and n.lower() not in COMMON_SENTENCE_STARTERS
                       and n.lower() not in _CALENDAR_WORDS)
        if want:
            cache = self.gender_cache
            ok = []
            for c in order:
                g = cache.get(c)
                if g is None:
                    g = cache[c] = self.gender(c[1], c[0])
                if g in ("", want):
                    ok.append(c)
        else:
            ok = order
        anon = {}
        if anonymous:
            for p, desc, _ in self.anon_at:
                if lo <= p < pos and not (want and any(GENDER_WORDS.get(w, want) != want for w in desc.split())):
                    anon[p] = desc
            ok = sorted(ok + list(anon.items()))
        if prefer:
            ok = [c for c in ok if c[1] in prefer] or ok
        if not ok:
            return None
        answer = (lambda c: (c[1], "anonymous" if c[0] in anon else "named")) if anonymous \
            else (lambda c: c[1])
        starts, ends = _sent_index(text)
        sent_of = lambda p: bisect.bisect_right(ends, p)  # noqa: E731 - sentence number
        k = sent_of(pos)
        first_k = max(0, k - ANTECEDENT_SENTENCES)
        if skip_own and not isinstance(skip_own, bool):
            bs, o = skip_own
            skip_own = _CUE_RE.search(text, _sent_start(text, bs, o), o) is None
        own = k if skip_own else -1
        by_sent: dict[int, list] = {}
        for p, n in ok:
            by_sent.setdefault(sent_of(p), []).append((p, n))
        while k >= first_k:
            s0 = ends[k - 1] if k > 0 else 0
            if s0 < lo:
                break
            # the subject of a run-on "sentence" (text without spaces after full stops) is far
            # away: look only at its last SUBJECT_WINDOW characters
            s_end = min(ends[k] if k < len(ends) else len(text), pos)
            in_sent = [c for c in by_sent.get(k, []) if max(s0, s_end - SUBJECT_WINDOW) <= c[0] < pos
                       and k != own]
            sub = _LEADING_CLAUSE_RE.match(text, s0) if len(in_sent) > 1 else None
            if sub:  # "When Quintanilla tried to follow up, ... Carson took the out": the main clause first
                in_sent = [c for c in in_sent if c[0] >= sub.end()] + [c for c in in_sent if c[0] < sub.end()]
            ps = _PRONOUN_SUBJECT_RE.match(text, s0) or _PARTICIPLE_SUBJECT_RE.match(text, s0)
            if ps and ps.start(1) <= pos and (not want or PRONOUN_GENDER[ps.group(1).lower()] == want) \
                    and not (in_sent and in_sent[0][0] < ps.start(1)):
                k -= 1  # "He said that ... Obama": the subject is the pronoun's own antecedent
                continue
            rs = self._reporting_subject(in_sent, s0, s_end, want) if k != own else None
            if rs is not None:
                return answer(rs)
            if in_sent:
                return answer(in_sent[0])
            k -= 1
        return answer(ok[-1])

    def _reporting_subject(self, cands: list, s0: int, s_end: int, want: str = ""):
        """The subject of a reporting verb in text[s0:s_end] ("..., Biden said."; "said Biden";
        "Barden says"), the likeliest person a following "he said" means; else None. A name
        right before the verb counts even when no other rule took it for a person."""
        text = self.text
        for cm in _CUE_RE.finditer(text, s0, s_end):
            if self._in_quote(cm.start()):
                continue
            for c in cands:
                p = c[0]
                if p < cm.start() and len(text[p:cm.start()].split()) <= len(c[1].split()) + 2 \
                        and not _CLAUSE_BREAK_RE.search(text, p, cm.start()):
                    return c
                if 0 <= p - cm.end() <= 2 and _NAME_ENDS_CLAUSE_RE.match(text, p):
                    return c  # "..., said Biden." (not "said Obamacare allows ...")
            np = _np_back(text, s0, cm.start())
            if np and text[np[1]:cm.start()].strip():  # "X, a professor at ... Act, said"
                subj = _subject(self, s0, cm.start())
                np = subj if subj and _LONG_APPOS_GAP_RE.fullmatch(text, subj[1], cm.start()) else None
            if np and text[np[0]:np[0] + 1].isupper() and np[0] >= s0:
                words = text[np[0]:np[1]].split()
                if 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) \
                        and words[0].lower() not in COMMON_SENTENCE_STARTERS and words[0].lower() not in PRONOUNS:
                    m = self.mention_in(*np)
                    if m is not None and m.kind != "person":
                        continue
                    name = m.entity if m is not None else " ".join(words)
                    if _entity_kind(name, m) != "person":
                        continue
                    if " " not in name:  # a surname: the fuller name it was introduced with
                        name = next((f for _, f in reversed(self.people()) if f.split()[-1] == name), name)
                    if want and self.gender(name, np[0]) not in ("", want):
                        continue
                    return (np[0], name)
        return None

    def titled(self, head: str) -> set:
        """People the article names with the title ``head`` anywhere ("President Barack Obama",
        "Gov. Rick Perry"): the likely referents of "the president", "the governor"."""
        got = self.titled_cache.get(head)
        if got is None:
            titles = TITLE_FORMS.get(head, (head.capitalize(),))
            text = self.text
            got = self.titled_cache[head] = {
                m.entity for m in self.mentions if m.kind == "person"
                and text[max(0, m.start - 30):m.start].split()[-1:]
                and text[max(0, m.start - 30):m.start].split()[-1].rstrip(".") in titles}
        return got

    def group_antecedent(self, pos: int):
        """(name, kind) of the group "they"/"we" at ``pos`` most likely means: the nearest
        organisation, government or medium named, or unnamed people described in the plural
        ("two officials"), in this sentence or the two before it; None when there is none."""
        starts, ends = _sent_index(self.text)
        k = bisect.bisect_right(ends, pos)
        lo = ends[k - 3] if k >= 3 else 0
        best = None
        i = bisect.bisect_left(self.m_starts, lo)
        while i < len(self.mentions) and self.mentions[i].start < pos:
            m = self.mentions[i]
            if m.kind in ("organisation", "actor", "government", "media") and not self._in_quote(m.start):
                best = (m.start, m.entity, "group")
            i += 1
        for p, desc, _ in self.anon_at:
            if lo <= p < pos and desc.split()[-1].endswith("s") and (best is None or p > best[0]):
                best = (p, desc, "anonymous")
        return (best[1], best[2]) if best else None

    def last_media(self, pos: int) -> Optional[str]:
        """The news medium named last before ``pos`` (for "the paper reported")."""
        i = bisect.bisect_left(self.m_starts, pos) - 1
        while i >= 0 and pos - self.mentions[i].start < ANTECEDENT_CHARS:
            if self.mentions[i].kind == "media" and not self._in_quote(self.mentions[i].start):
                return self.mentions[i].entity
            i -= 1
        return None

    def add_person(self, pos: int, name: str) -> None:
        if self.scanned:
            bisect.insort(self.person_at, (pos, name))
        else:
            self.spoken.append((pos, name))


# the look-behind comes after the first capital (same test) so ``re`` can skip to capitals
_NAME_RUN_RE = re.compile(r"[A-Z](?<![\w’'-][A-Z])[\w’'-]+(?:\.(?= [A-Z]))?(?: (?:[A-Z][\w’'-]+|al-[\w’'-]+|(?:al|bin|ibn|abu|de|van|von)(?= [A-Z]))){0,4}")
_TITLE_SET = {t.lower() for t in TITLES if " " not in t}
_PERSON_CUE_WORDS = {"spokesman", "spokeswoman", "activist", "commander", "analyst", "researcher",
                     "reporter", "correspondent", "minister", "official", "professor", "expert",
                     "fellow", "editor", "diplomat", "resident", "president", "ambassador", "envoy"}
_TITLE_OR_ROLE = _TITLE_SET | _PERSON_CUE_WORDS
# ", a researcher at ...", ", co-founder of ...", ", chief economist at ..."
_APPOS_START_RE = re.compile(r",\s+(?:(?:a|an|the)\s|[a-z][\w-]+(?:\s+[a-z][\w-]+)?\s+(?:of|at|for|with)\s)[^,.;]{0,80}")


def _after_title(text: str, lo: int, rs: int) -> bool:
    """Is the word before ``rs`` (within 20 characters) a title or role word ("spokesman John")?"""
    pre = text[max(lo, rs - 20):rs].split()
    if not pre or (pre[-1][-1:] in ".!?:;,\"”" and pre[-1].rstrip(".").lower() not in _TITLE_SET):
        return False  # "... the president. No one": a sentence end is no title
    return pre[-1].rstrip(".").lower() in _TITLE_OR_ROLE


def _scan_people(ctx: _Ctx) -> None:
    """Record person names introduced by a title/role word or an apposition (no mentions needed).

    One pass over capitalised runs: "Captain Mustafa", "spokesman John Kirby",
    "Jane Roe, a researcher at ...".
    """
    text = ctx.text
    if not ctx.blocks:
        return
    lo, hi = ctx.blocks[0][0], ctx.blocks[-1][1]
    for m in _NAME_RUN_RE.finditer(text, lo, hi):
        run = m.group()
        if " " not in run and not _after_title(text, lo, m.start()):
            continue  # one word is a name only after a title or role word (most runs)
        rs, re_ = m.span()
        parts = run.split()
        if len(parts) > 1:
            acr = [i for i, w in enumerate(parts) if w.isupper() and len(w) > 1 or w.endswith(("’s", "'s"))]
            if acr:  # an acronym or an owner is no part of a name: "EPA Administrator Gina McCarthy",
                # "NPR's Arnie Seipel"
                parts = parts[acr[-1] + 1:]
                if len(parts) < 2:
                    continue  # "GOP House"
                rs = re_ - len(" ".join(parts))
                run = text[rs:re_]
        n = len(parts)
        name_s = rs
        k = 0
        while k < n - 1 and parts[k].rstrip(".").lower() in _TITLE_SET:
            k += 1
        titled = k > 0
        if titled:
            name_s = rs + len(" ".join(parts[:k])) + 1
        else:
            titled = _after_title(text, lo, rs)
        if any(w in ("The", "A", "An") for w in parts[1:]):
            continue  # "Image The French ...": a caption label run into a sentence
        if not titled and (n == 1 or parts[0].lower() in COMMON_SENTENCE_STARTERS):
            continue  # untitled: a plain or appositive name needs 2+ words, not a sentence opener
        ap = _APPOS_START_RE.match(text, re_, hi)
        plain = n <= 3 and all(w.isalpha() for w in parts) and text[re_ + 1:re_ + 2].islower()
        if not titled and not plain and not ap:
            continue
        name = text[name_s:re_]
        if _entity_kind(name, None) != "person":
            continue
        m = ctx.mention_in(name_s, re_)
        if m is not None and m.kind != "person" and m.start < re_ and m.end > name_s:
            continue  # "New Jersey", "Center for Economic Policy": the mentions know better
        ctx.person_at.append((name_s, name))
        ctx_words = text[max(lo, rs - 40):rs] + run + (ap.group() if ap else _appos_after(text, re_, min(hi, re_ + 200)))
        r = _role_of(ctx_words)
        if r:
            ctx.roles.setdefault(name, r)
    ctx.person_at.sort()


# --------------------------------------------------------------------------- speaker phrases


_CTX_CACHE: list = [None, None, None]


def _context(parsed: Parsed, mentions: list) -> _Ctx:
    """Per-article context, reused when find_sources follows find_quotes on the same article."""
    if _CTX_CACHE[0] is parsed and _CTX_CACHE[1] == mentions:
        return _CTX_CACHE[2]
    ctx = _Ctx(parsed, mentions)
    _CTX_CACHE[:] = [parsed, list(mentions), ctx]
    return ctx


class _Speaker:
    __slots__ = ("name", "kind", "role", "s", "e", "ekind", "how")

    def __init__(self, name, kind, role, s, e, ekind, how=""):
        self.name, self.kind, self.role, self.s, self.e, self.ekind = name, kind, role, s, e, ekind
        self.how = how  # "pronoun" / "description" when the name was resolved from elsewhere


def _statement_author(ctx: _Ctx, pos: int, head: str) -> Optional[_Speaker]:
    """Who issued the statement (report, letter ...) written about before ``pos``, when named."""
    text = ctx.text
    pat = _STATEMENT_CACHE.get(head)
    if pat is None:
        pat = _STATEMENT_CACHE[head] = re.compile(
            r"\b(?:issued|released|put out|published|sent|posted|said in|wrote in|in)\s+"
            r"(?:an?|its|their|his|her)\s+(?:[\w’'-]+\s+){0,2}%s\b" % re.escape(head))
    last = None
    for m in pat.finditer(text, max(0, pos - ANTECEDENT_CHARS // 2), pos):
        last = m
    if last is None or ctx._in_quote(last.start()):
        return None
    i = bisect.bisect_right(ctx.blocks, (last.start(), 1 << 62)) - 1
    ss = _sent_start(text, ctx.blocks[i][0] if i >= 0 else 0, last.start())
    np = _subject(ctx, ss, last.start())
    if np is None:
        return None
    spk = _classify(ctx, np[0], np[1], "", np[0])
    return spk if spk is not None and spk.kind == "named" and spk.name else None


_STATEMENT_CACHE: dict = {}


def _introduced_anonymously(text: str, head: str, pos: int) -> bool:
    """Was "a/an/one ... <head>" written before ``pos`` ("A French official ... said")?

    Then "the official" means that unnamed person, not the last person named.
    """
    pat = _INDEF_CACHE.get(head)
    if pat is None:
        pat = _INDEF_CACHE[head] = re.compile(
            r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w’'.-]+\s+){0,4}%ss?\b" % re.escape(head))
    return pat.search(text, max(0, pos - ANTECEDENT_CHARS), pos) is not None


_INDEF_CACHE: dict = {}


def _classify(ctx: _Ctx, s: int, e: int, extra: str = "", pos: int = 0) -> Optional[_Speaker]:
    """Turn a speaker phrase text[s:e] (maybe with apposition) into a _Speaker."""
    text = ctx.text
    s, e = _trim(text, s, e)
    if s >= e:
        return None
    phrase = text[s:e]
    # head = before the first comma / parenthesis
    cut = len(phrase)
    for ch in (",", "("):
        k = phrase.find(ch)
        if 0 < k < cut:
            cut = k
    hs, he = _trim(text, s, s + cut)
    head = text[hs:he]
    appos = phrase[cut:] + " " + extra
    am = _AFFIL_RE.match(head)
    if am and _entity_kind(am.group(1), None) == "person" and not _TITLE_ONLY_RE.fullmatch(am.group(1)):
        appos = head[am.end(1):] + " " + appos
        he = hs + am.end(1)
        head = am.group(1)
    words = head.split()
    if not words:
        return None
    first = words[0].lower()
    if len(words) == 1 and first in PRONOUNS:
        kind = "named"
        if first in PRONOUN_GENDER:
            found = ctx.antecedent(pos if pos else hs, PRONOUN_GENDER[first], anonymous=True,
                                   skip_own=ctx.after_quote)
            name, kind = found if found else (None, "")
        elif first in ("they", "we"):  # a group: an organisation or unnamed people, never one person
            found = ctx.group_antecedent(pos if pos else hs)
            name, kind = found if found else (None, "")
        else:  # "I": the writer
            name = ctx.byline
        if name is None:
            return _Speaker(None, "unattributed", "", hs, he, "pronoun", "pronoun")
        if kind == "group":
            return _Speaker(name, "named", "", hs, he, _entity_kind(name, None), "pronoun")
        if kind == "anonymous":  # "“...,” said one rebel commander. “...,” he added."
            role = next((r for p, d, r in reversed(ctx.anon_at) if d == name), "")
            return _Speaker(name, "anonymous", role, hs, he, "anonymous", "pronoun")
        return _Speaker(name, "named", ctx.roles.get(name, ""), hs, he, "pronoun", "pronoun")
    # "X, a rebel commander" with X a description and the apposition a name? keep head.
    m = ctx.head_mention(hs, he)
    place_modified = False
    if first == "the" and (m is None or m.kind == "place"):
        # "the former Republican governor of Texas": a description, its head before "of"
        of = _OF_PLACE_RE.search(head)
        if m is not None and not of and words[-1].islower() and m.end <= he - len(words[-1]):
            m, place_modified = None, True  # "The Benghazi committee": a committee, not the place
        if of:
            before = head[:of.start()].split()
            lw = before[-1].lower()
            if len(before) >= 2 and before[-1].islower() and (lw in PERSON_HEADS or lw in ANON_HEADS
                                                               or _role_word(lw)):
                words = before
                m = None
    last = words[-1].lower().strip("’'")
    cap_last = words[-1][:1].isupper() and last not in ACRONYM_ROLES  # "president and CEO"
    anon = (first in DETERMINERS and not (first == "the" and len(words) > 1 and last not in ANON_HEADS
                                           and (words[1][:1].isupper() or cap_last))) \
        or (last in ANON_HEADS and not cap_last and m is None) or place_modified
    if anon:
        desc = head[0].lower() + head[1:] if first in DETERMINERS else head
        role = _role_of(head + " " + appos)
        named_in_appos = not (not appos.strip() or appos.lstrip(" ,").startswith(("who ", "whose ", "which ")))
        if first == "the" and last in STATEMENT_HEADS and not named_in_appos:
            # "X said in a statement ... “…,” the statement said": X
            author = _statement_author(ctx, hs, last)
            if author is not None:
                return _Speaker(author.name, "named", author.role, hs, he, author.ekind, "description")
        if (first == "the" and len(words) >= 2 and last not in ctx.anon_heads and not named_in_appos
                and (last in PERSON_HEADS or last in MEDIA_HEADS) and not _introduced_anonymously(text, last, hs)):
            # a definite description points back: "the former Florida governor" -> Jeb Bush
            if last in PERSON_HEADS:
                name = ctx.antecedent(pos if pos else hs, GENDER_WORDS.get(last, ""),
                                      prefer=ctx.titled(last), skip_own=ctx.after_quote)
                if name:
                    return _Speaker(name, "named", role or ctx.roles.get(name, ""), hs, he, "person",
                                    "description")
            elif last in MEDIA_HEADS:
                name = ctx.last_media(pos if pos else hs)
                if name:
                    return _Speaker(name, "named", "media", hs, he, "media", "description")
        ctx.anon_heads.add(last)
        ctx.anon_at.append((hs, desc, role))
        return _Speaker(desc, "anonymous", role, hs, he, "anonymous")
    if not any(w[:1].isupper() for w in words):
        return None
    # named: prefer the mention's canonical name
    if m is not None:
        name, ns, ne = m.entity, m.start, m.end
    else:
        # last capitalised run of the head, titles stripped
        toks = _toks(text, hs, he)
        j = len(toks) - 1
        while j >= 0 and not (toks[j].w[:1].isupper() or toks[j].lw.startswith(("al-", "el-", "bin-", "abu-"))):
            j -= 1
        if j < 0:
            return None
        k = j
        while k - 1 >= 0 and (toks[k - 1].w[:1].isupper() or toks[k - 1].lw in NAME_CONNECTORS
                              or toks[k - 1].lw.startswith(("al-", "el-"))) \
                and _gap(text, toks[k - 1], toks[k]) == "space":
            k -= 1
        while toks[k].lw in NAME_CONNECTORS and toks[k].lw != "the" and k < j:
            k += 1
        while k < j and toks[k].lw in COMMON_SENTENCE_STARTERS:
            k += 1
        if toks[k].lw in COMMON_SENTENCE_STARTERS:
            return None
        if toks[j].lw.endswith(("’s", "'s")):
            if j == len(toks) - 1:
                return None
            desc = head[0].lower() + head[1:] if first in DETERMINERS else head
            return _Speaker(desc, "anonymous", _role_of(head + " " + appos), hs, he, "anonymous")
        ns, ne = _strip_title(text, toks[k].s, toks[j].e)
        if text[ns:ns + 4] in ("the ", "The ") and not _MEDIA_RE.fullmatch(text[ns:ne]):
            ns += 4
        name = _WS_RE.sub(" ", text[ns:ne])
    ekind = _entity_kind(name, m)
    if ekind == "person" and " " not in name:
        # surname only: reuse a fuller name seen before ("Mustafa" <- "Captain Mustafa")
        people = ctx.people()
        full = next((f for _, f in reversed(people) if f.split()[-1] == name), None)
        if full is None:  # a first name: "Arnie reports" <- "NPR's Arnie Seipel"
            full = next((f for _, f in reversed(people) if " " in f and f.split()[0] == name), None)
        name = full or name
    role = "media" if ekind == "media" else _role_of(head + " " + appos)
    if not role and ekind == "government":
        role = "official"
    if not role and ekind == "person":
        ctx.people()
        role = ctx.roles.get(name, "")
    if ekind == "person":
        ctx.add_person(ns, name)
        if role:
            ctx.roles.setdefault(name, role)
    return _Speaker(name, "named", role, hs, he, ekind)


# --------------------------------------------------------------------------- quote marks

_TWO_SINGLE_RE = re.compile(r"'''|''")


def _marks_view(text: str) -> str:
    """The text with each two-single-quote mark ('') as one double quote plus a space.

    Wire and archive copies (LexisNexis, the New York Times) print ``''`` for both quotation
    marks. The view keeps every offset: an opening '' becomes ' "', a closing one '" ', so the
    quote's words keep their places; three single quotes are a double mark beside a single one
    (a quote inside a quote that opens or closes with it). Strings reported to users are cut
    from the real text.

    >>> _marks_view("He said ''We won,'' twice.")
    'He said  "We won,"  twice.'
    """
    if "''" not in text:
        return text

    def rep(m):
        i = m.start()
        prev = text[i - 1] if i > 0 else " "
        opening = prev.isspace() or prev in "([—–-"
        if len(m.group()) == 3:
            return " \"'" if opening else "'\" "
        return ' "' if opening else '" '

    return _TWO_SINGLE_RE.sub(rep, text)



def _pair_marks(text: str, s: int, e: int) -> list[list]:
    """[[open, close_or_None], ...] for double quote marks in text[s:e]."""
    out = []
    open_at = None
    for m in _MARK_RE.finditer(text, s, e):
        i = m.start()
        ch = text[i]
        prev = text[i - 1] if i > s else " "
        nxt = text[i + 1] if i + 1 < e else " "
        if ch == "“":
            kind = "open"
            if open_at is not None and (nxt.isspace() or nxt in ",.;:!?)") and not prev.isspace():
                kind = "close"  # “ used as a closing mark
        elif ch == "”":
            kind = "close"
            if open_at is None and (prev.isspace() or prev in "([—–-") and not nxt.isspace():
                kind = "open"  # ” used as an opening mark
        else:
            if open_at is None:
                if prev.isdigit() or (prev.isalpha() and not nxt.isalnum()):
                    continue  # inch mark (5' 11") or stray
                kind = "open"
            else:
                kind = "close"
                if (prev.isspace() or prev in "([") and nxt.isalnum() and i - open_at > 1:
                    kind = "open"
        if kind == "open":
            if open_at is not None:
                out.append([open_at, None])  # previous never closed
            open_at = i
        else:
            if open_at is None:
                continue
            out.append([open_at, i])
            open_at = None
    if open_at is not None:
        out.append([open_at, None])
    return out


_SE_CACHE: list = [None, [], []]


def _sent_index(text: str) -> tuple[list, list]:
    """(match starts, match ends) of sentence-final punctuation in ``text``, cached per text."""
    if _SE_CACHE[0] is not text:
        starts, ends = [], []
        for m in _SENT_END_RE.finditer(text):
            a = m.start()
            if text[a] == "." and m.end() - a == 1 and _NOT_END_BEFORE.search(text, max(0, a - 6), a):
                continue  # "Dr. Smith", "John F. Kennedy"
            if text[a] == "." and text[a + 1:m.end()] == ")" and _SHORT_PAREN_RE.search(text, max(0, a - 11), a):
                continue
            starts.append(a)
            ends.append(m.end())
        _SE_CACHE[:] = [text, starts, ends]
    return _SE_CACHE[1], _SE_CACHE[2]


def _sent_start(text: str, lo: int, pos: int) -> int:
    """Start of the sentence containing ``pos`` (not before ``lo``)."""
    starts, ends = _sent_index(text)
    i = bisect.bisect_right(ends, pos) - 1
    last = ends[i] if i >= 0 and ends[i] > lo else lo
    while last < pos and text[last].isspace():
        last += 1
    return last


def _sent_end(text: str, pos: int, hi: int) -> int:
    """End of the sentence that contains ``pos`` (at most ``hi``)."""
    starts, ends = _sent_index(text)
    i = bisect.bisect_left(starts, pos)
    return ends[i] if i < len(starts) and ends[i] <= hi else hi


def _subject(ctx: _Ctx, ss: int, hi: int) -> Optional[tuple[int, int]]:
    """Subject noun phrase of the sentence starting at ``ss`` (skipping 'In May,', 'But')."""
    text = ctx.text
    if text[ss:ss + 1] in "\"“”":
        return None  # the sentence opens with a quote: "“...,” he said, adding, “...”"
    toks = _toks(text, ss, min(hi, ss + 200))
    i = 0
    while i < len(toks) and toks[i].lw in INTRO_WORDS and i < 2:
        i += 1
    # leading adverbial ending with a comma within 7 words ("In May,", "On Oct. 7,")
    for j in range(i, min(i + 10, len(toks) - 1)):
        if _gap(text, toks[j], toks[j + 1]) == "comma":
            if toks[i].lw in COMMON_SENTENCE_STARTERS and toks[i].lw not in DETERMINERS | {"one", "two"}:
                i = j + 1
            break
    if i >= len(toks):
        return None
    return _np_fwd(text, toks[i].s, hi)


# --------------------------------------------------------------------------- find_quotes


# words just before a quoted title: "his book, “...”", "CNN's “...”", "a symposium titled “...”"
_WORK_CUE_RE = re.compile(
    r"(?:\b(?:book|titled|entitled|called|named|show|program|programme|film|movie|series|column|"
    r"op-ed|article|headline|song|album|novel|documentary|symposium|conference|essay|memoir|"
    r"slogan|tagline|campaign|hashtag)[,:]?|[A-Za-z][’']s)\s*$")


# words after which the quoted words are a printed text, in any case: 'running the headline “...”'
_PRINTED_CUE_RE = re.compile(
    r"\b(?:headline|headlined|titled|entitled|slogan|tagline|hashtag|motto|banner|placards?|signs?"
    r"(?: that)? (?:read|reading|said)|(?:sign|banner|placard|headline) (?:read|reading))[,:]?\s*$")


def _names_a_work(text: str, ss: int, o: int, q: str) -> bool:
    """Is the quote the title of a work (after "book", "titled", a possessive) or a printed text
    (after "the headline", "a sign reading")?"""
    core = q.rstrip(" ,.:;")
    tail = text[max(ss, o - 30):o]
    low = tail.lower()
    lo = max(ss, o - 30)
    if any(w in low for w in _PRINTED_HINTS) and _PRINTED_CUE_RE.search(text, lo, o) and len(core.split()) <= 12:
        return True
    return (_looks_title(core) and not core.endswith(("!", "?"))
            and _WORK_CUE_RE.search(text, lo, o) is not None)


_PRINTED_HINTS = ("head", "titl", "slogan", "tagline", "hashtag", "motto", "banner", "placard", "sign")


#: Lower-case words a title in Title Case may contain ("Conquest of Aleppo", "State of the Union").
TITLE_SMALL_WORDS = NAME_CONNECTORS | {"a", "an", "in", "on", "to", "is", "as", "at", "by", "&"}


def _looks_title(q: str) -> bool:
    words = q.split()
    if not words or q.rstrip()[-1:] in ".!?,":
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    fits = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or w in TITLE_SMALL_WORDS)
    return caps >= 1 and words[0][:1].isupper() and fits == len(words) and len(words) <= 10


def find_quotes(parsed: Parsed, mentions: list[Mention]) -> tuple[list[Quote], list[ScareQuote]]:
    """Direct quotes with speakers, and scare quotes/titles, in the body paragraphs.

    >>> from analysis.records import Article
    >>> from analysis.parse import parse_article
    >>> t = 'T\\n\\n“We are ready,” he said. Rebels hold the “capital” of the region.'
    >>> q, s = find_quotes(parse_article(Article("a", "", t)), [])
    >>> q[0].quote, q[0].speaker_kind, s[0].text, s[0].reason
    ('We are ready,', 'unattributed', 'capital', 'short fragment')
    """
    ctx = _context(parsed, mentions)
    found, scare = _find_quotes(ctx)
    real = ctx.source_text
    if real is not ctx.text:  # cut the strings from the text as written
        found = [q._replace(quote=real[q.start:q.end]) for q in found]
        scare = [x._replace(text=real[x.start:x.end]) for x in scare]
    return found, scare


def _cue_speaker(ctx: _Ctx, lo: int, ss: int, o: int):
    """(speaker phrase span, cue match) for a quote opening at ``o`` after a cue in text[lo:o].

    "X said: “", "X, a rebel commander, said “", "saying, “", "according to X, “",
    ", said X: “", "As X, professor of ..., wrote in an op-ed: “". (None, None) when none.
    """
    text = ctx.text
    cms = list(_CUE_RE.finditer(text, lo, o)) + list(_PART_RE.finditer(text, lo, o))
    if not cms:
        return None, None
    cm = max(cms, key=lambda m: m.start())
    cueword = cm.group().lower()
    if _PART_RE.fullmatch(cueword):
        if text[lo:cm.start()].rstrip().endswith(","):
            return _subject(ctx, ss, o), cm  # "X ..., saying: “"
        if text[cm.end():o].strip() in (":", ",", ""):
            return _np_back(text, lo, cm.start()), cm  # "with correspondent Nancy Cordes announcing: “"
        return None, cm
    if cueword.startswith("according"):
        return _np_fwd(text, cm.end() + 1, o), cm
    pre = _TRAIL_ADV_RE.sub("", text[lo:cm.start()].rstrip())
    if pre.split()[-1:] in (["and"], ["but"]):
        # "Kerry vowed to destroy the Islamic State and said": the subject of the sentence
        return _subject(ctx, ss, cm.start()), cm
    np = _np_back(text, lo, cm.start())
    if np and text[np[1]:cm.start()].strip().startswith(","):
        np = None
    if np is None and pre.endswith(","):
        # appositive: "X, a rebel commander, said"
        k2 = text.rfind(",", lo, lo + len(pre) - 1)
        if k2 > lo:
            np0 = _np_back(text, lo, k2)
            before = text[max(lo, np0[0] - 6):np0[0]].split() if np0 else []
            if np0 and not (before and before[-1].lower() in ("in", "at", "of", "from", "for", "on")):
                np = (np0[0], lo + len(pre) - 1)  # (a name after a preposition is no subject)
        if np is None:
            # a long appositive with commas of its own: the sentence's subject, before its first
            # comma ("As Phil Zuckerman, professor of ... in Claremont, Calif., wrote")
            toks = _toks(text, lo, min(cm.start(), lo + 60))
            i = 1 if toks and toks[0].lw in INTRO_WORDS | {"as"} else 0
            if i < len(toks):
                np0 = _np_fwd(text, toks[i].s, cm.start())
                if np0 and text[np0[1]:np0[1] + 1] == "," and any(t.w[:1].isupper() for t in _toks(text, *np0)):
                    np = np0
    if np is None and text[lo:cm.start()].rstrip().endswith(","):
        q0 = cm.end()
        while q0 < o and text[q0].isspace():
            q0 += 1
        np = _np_fwd(text, q0, o)  # ", said X: “"
    return np, cm


def _find_quotes(ctx: _Ctx):
    text = ctx.text
    raw = []  # dicts with positions
    nb = len(ctx.blocks)
    for bi, (bs, be) in enumerate(ctx.blocks):
        for o, c in _pair_marks(text, bs, be):
            s, e = o + 1, (c if c is not None else be)
            s2, e2 = s, e
            while s2 < e2 and text[s2].isspace():
                s2 += 1
            while e2 > s2 and text[e2 - 1].isspace():
                e2 -= 1
            if s2 >= e2:
                continue
            cont_next = False
            if c is None and bi + 1 < nb:
                ns = ctx.blocks[bi + 1][0]
                cont_next = text[ns:ns + 1] in "\"“”"
            raw.append({"o": o, "c": c, "s": s2, "e": e2, "b": bi, "cont_next": cont_next})
    ctx.quoted = sorted((r["o"], r["c"] if r["c"] is not None else r["e"]) for r in raw)
    scares: list[ScareQuote] = []
    kept = []  # (raw, Quote)
    prev_close_in_block = {}
    for k, r in enumerate(raw):
        o, c, s, e, bi = r["o"], r["c"], r["s"], r["e"], r["b"]
        bs, be = ctx.blocks[bi]
        qtext = text[s:e]
        nwords = len(qtext.split())
        spk, how, cue = None, "", ""
        adjacent = False
        # ---- after: “...,” said X / “...,” X said
        if c is not None:
            p = c + 1
            nxt_mark = _MARK_RE.search(text, p, be)
            hi = min(be, p + 220, nxt_mark.start() if nxt_mark else be)
            se = _sent_end(text, p, hi)
            lead = p
            while lead < se and (text[lead].isspace() or text[lead] in ",—–-"):
                lead += 1
            soft = qtext[-1:] in ",?!—–-…" or text[c - 1:c] in ",?!"
            cm = _CUE_RE.search(text, lead, se)
            ctx.after_quote = (bs, o)  # (is there no cue before the quote? decided when needed)
            if cm and lead < se and (soft or text[lead:lead + 1].islower()
                                     or len(text[cm.end():se].split()) <= 4):
                phrase = text[lead:cm.start()]
                if not phrase.strip():
                    if cm.group().startswith("according"):
                        np = _np_fwd(text, cm.end() + 1, se)
                    else:
                        q0 = cm.end()
                        while q0 < se and text[q0].isspace():
                            q0 += 1
                        np = _np_fwd(text, q0, se)
                    if np:
                        extra = _appos_after(text, np[1], se)
                        spk = _classify(ctx, np[0], np[1], extra, o)
                    if (spk is None or spk.kind == "anonymous") and not cm.group().startswith("according"):
                        # "said his best friend at Lehigh, Bruce Turry," / "said a spokeswoman for
                        # the hotels, Jennifer Rodstrom.": the name in apposition is the speaker
                        am = _APPOS_NAME_AFTER_RE.match(text, np[1] if np else cm.end(), se)
                        if am:
                            alt = _classify(ctx, am.start(1), am.end(1), "", o)
                            if alt is not None and alt.kind == "named" and alt.ekind == "person":
                                spk = alt
                elif (len(phrase.split()) <= (26 if "," in phrase else 12) and not _MARK_RE.search(phrase)
                      and (phrase.split()[0].lower() in PRONOUNS or phrase.split()[0].lower() in DETERMINERS
                           or phrase[:1].isupper() or phrase.split()[0].lower() in MODIFIERS | _ALL_ROLE_SINGLE
                           or phrase.split()[0].lower() in ANON_HEADS
                           # "communications director Adrienne Watson", "31-year-old fan Robert Williams"
                           or (len(phrase.split()) <= 8 and "," not in phrase
                               and _ROLE_NAME_RE.search(phrase.rstrip())))):
                    cut = phrase.find(",")
                    head_end = lead + cut if cut > 0 else cm.start()
                    # "X, a rebel commander, told" or "A rebel commander, X, told"
                    spk = _classify(ctx, lead, cm.start(), "", o)
                    if spk and spk.kind == "anonymous" and cut > 0:
                        alt = _classify(ctx, head_end + 1, cm.start(), phrase[:cut], o)
                        if alt and alt.kind == "named":
                            spk = alt
                if spk:
                    how, cue, adjacent = "after", _WS_RE.sub(" ", cm.group()), True
            ctx.after_quote = None
        # ---- before: X said: “...” / saying, “...” / X said the plan was “...”
        if spk is None:
            ss = _sent_start(text, bs, o)
            lo = max(ss, prev_close_in_block.get(bi, bs))
            clause = text[lo:o]
            tail = clause.rstrip()
            ends_punct = tail[-1:] in (",", ":", "—", "–")
            np, cm = _cue_speaker(ctx, lo, ss, o)
            if np:
                spk = _classify(ctx, np[0], np[1], "", np[0])
                if spk:
                    how, cue = "before", _WS_RE.sub(" ", cm.group())
                    adjacent = ends_punct and len(text[cm.end():o].split()) <= 5
            if spk is None and tail.endswith(":"):
                np = _subject(ctx, ss, o) if ss < o - 1 else None
                if np:
                    spk = _classify(ctx, np[0], np[1], "", np[0])
                    if spk:
                        how, cue, adjacent = "colon", ":", True
            # previous paragraph ends with "X said:" / "As X wrote," and this one opens with the quote
            if spk is None and not clause.strip() and o == bs and bi > 0:
                pbs, pbe = ctx.blocks[bi - 1]
                ptail = text[pbs:pbe].rstrip()
                if ptail.endswith((":", ",")):
                    pend = pbs + len(ptail) - 1
                    pss = _sent_start(text, pbs, pend)
                    np, cm = _cue_speaker(ctx, pss, pss, pend)
                    if np:
                        spk = _classify(ctx, np[0], np[1], "", np[0])
                        if spk:
                            how, cue, adjacent = "before", _WS_RE.sub(" ", cm.group()), True
                    if spk is None and ptail.endswith(":"):
                        np = _subject(ctx, pss, pbe)
                        if np:
                            spk = _classify(ctx, np[0], np[1], "", np[0])
                            if spk:
                                how, cue, adjacent = "colon", ":", True
        if spk is not None and spk.how:
            how = spk.how if spk.name else how
        # ---- not attributed: scare quote, title, fragment, continuation?
        ss = _sent_start(text, bs, o)
        before = text[ss:o].strip()
        embedded = bool(before) and not before.endswith((":",)) and not (before.endswith(",") and spk)
        starts_upper = qtext[:1].isupper() or qtext[:1] in "‘'(["
        reason = ""
        if nwords <= 12 and not r.get("prev_cont") and _names_a_work(text, ss, o, qtext):
            reason = "title"  # “The Hidden Welfare State,” after "in his book,"; CNN’s “State of the Union”
        elif spk is None or not adjacent:
            if _looks_title(qtext) and nwords <= 8 and not adjacent:
                reason = "title"
            elif nwords <= 3 and not r.get("prev_cont") and (
                    embedded or not starts_upper or qtext.rstrip()[-1:] not in ".!?"):
                reason = "short fragment"
            elif spk is None and embedded and not starts_upper:
                reason = "unattributed fragment"
            elif spk is None and embedded and nwords <= 5:
                reason = "short fragment"
        if reason and not r.get("prev_cont"):
            scares.append(ScareQuote(s, e, qtext, reason))
            r["scare"] = True
            if c is not None and reason != "title":  # "in his book, “Title,” “quote”": the cue still counts
                prev_close_in_block[bi] = c + 1
            continue
        if spk is None:
            # continuation of previous quote (same or previous block)
            prevq = kept[-1] if kept else None
            if prevq and (prevq[0]["b"] == bi or (prevq[0]["b"] == bi - 1 and o == bs) or r.get("prev_cont")) \
                    and prevq[1].speaker is not None:
                pq = prevq[1]
                quotes_row = Quote(s, e, qtext, pq.speaker, pq.speaker_kind, pq.speaker_role, "",
                                   None, None, "continuation")
            else:
                quotes_row = Quote(s, e, qtext, None, "unattributed", "", "", None, None, "")
        else:
            kind = "named" if spk.name and spk.kind == "named" else spk.kind
            quotes_row = Quote(s, e, qtext, spk.name, kind if spk.name else "unattributed",
                               spk.role, cue, spk.s, spk.e, how)
        if r["cont_next"] and k + 1 < len(raw):
            raw[k + 1]["prev_cont"] = True
        kept.append((r, quotes_row))
        if c is not None:
            prev_close_in_block[bi] = c + 1
    # multi-paragraph chains: fill unattributed members from an attributed member
    out = [q for _, q in kept]
    for i in range(len(kept) - 2, -1, -1):
        r, q = kept[i]
        if r["cont_next"] and q.speaker is None and kept[i + 1][1].speaker is not None:
            n = kept[i + 1][1]
            out[i] = q._replace(speaker=n.speaker, speaker_kind=n.speaker_kind,
                                speaker_role=n.speaker_role, how="continuation")
            kept[i] = (r, out[i])
    # roles learnt later in the article fill earlier rows of the same speaker
    for i, q in enumerate(out):
        if q.speaker and not q.speaker_role and q.speaker_kind == "named" and ctx.people() is not None:
            role = ctx.roles.get(q.speaker, "")
            if role:
                out[i] = q._replace(speaker_role=role)
    return out, scares


# --------------------------------------------------------------------------- find_sources

_KIND_FOR_SOURCE = {"person": "person", "media": "media", "government": "government",
                    "organisation": "organisation", "anonymous": "anonymous"}


def _via(ctx: _Ctx, p: int, hi: int) -> str:
    """Medium named right after a speaker/cue: 'told Reuters', 'quoted by AP', "tells X's Y"."""
    text = ctx.text
    m = _VIA_RE.search(text, p, min(hi, p + 90))
    if not m:
        return ""
    word = m.group().split()[0].lower()
    if word == "according":
        a = _AGENT_RE.search(text, m.end(), min(hi, m.end() + 60))
        if not a:
            return ""
        np = _np_fwd(text, a.end(), hi)
    else:
        np = _np_fwd(text, m.end(), hi)
    if not np:
        return ""
    s, e = np
    phrase = text[s:e]
    pm = re.search(r"^(.*?)[’']s\b", phrase)
    if pm and pm.group(1)[:1].isupper():  # "Syria Direct’s Noura al-Hourani"
        return pm.group(1)
    mention = ctx.mention_in(s, e)
    name = mention.entity if mention else (phrase[4:] if phrase.lower().startswith("the ") and not _MEDIA_RE.fullmatch(phrase) else phrase)
    kind = _entity_kind(name, mention)
    if kind == "media" or word in ("quoted", "cited", "obtained", "published", "interviewed"):
        return name if name[:1].isupper() else ""
    return ""


class _SpanCover:
    """``cover(pos)``: is ``pos`` inside one of the spans (``start <= pos < end``)?

    Spans may overlap; a bisect over the starts plus the running maximum of the ends.

    >>> cover = _SpanCover([(10, 50), (20, 30), (60, 70)])
    >>> [cover(p) for p in (5, 10, 45, 50, 65, 70)]
    [False, True, True, False, True, False]
    """

    __slots__ = ("starts", "max_ends")

    def __init__(self, spans) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.max_ends, top = [], -1
        for _, e in spans:
            top = max(top, e)
            self.max_ends.append(top)

    def __call__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos)
        return i > 0 and self.max_ends[i - 1] > pos


#: a subject's apposition up to its cue: ", another activist group, "
_APPOS_GAP_RE = re.compile(r"\s*,[^,;:“”\"]{2,80},\s*(?:also\s+|later\s+)?")


def find_sources(parsed: Parsed, quotes: list[Quote], mentions: list[Mention]) -> list[Source]:
    """Every cited source: quoted speakers and indirect attributions, one row per citation phrase.

    >>> from analysis.records import Article
    >>> from analysis.parse import parse_article
    >>> p = parse_article(Article("a", "", "T\\n\\nThe town fell, Reuters reported."))
    >>> [(s.source, s.source_kind, s.cue) for s in find_sources(p, [], [])]
    [('Reuters', 'media', 'reported')]
    """
    ctx = _context(parsed, mentions)
    text = ctx.text
    out: list[Source] = []
    taken: list[tuple[int, int]] = []

    def overlaps(s, e):
        return any(s < te and ts < e for ts, te in taken)

    def block_of(pos):
        for bs, be in ctx.blocks:
            if bs <= pos < be:
                return bs, be
        return pos, min(len(text), pos + 300)

    # 1) quoted speakers (rows with a stated speaker phrase)
    for q in quotes:
        if q.speaker_start is None or q.speaker is None:
            continue
        s, e = q.speaker_start, q.speaker_end
        if overlaps(s, e):
            continue
        bs, be = block_of(s)
        se = _sent_end(text, e, be)
        kind = "anonymous" if q.speaker_kind == "anonymous" else _entity_kind(q.speaker, ctx.mention_in(s, e))
        if q.how == "pronoun" and q.speaker_kind == "named":  # he/she: a person; they/we: a group
            kind = _entity_kind(q.speaker, None)
        via = _via(ctx, e, se)
        if via and via == q.speaker:
            via = ""
        out.append(Source(s, e, text[s:e], q.speaker, _KIND_FOR_SOURCE.get(kind, "person"), via, q.cue))
        taken.append((s, e))
    # quote spans: indirect cues inside a direct quote are not attributions
    in_quote = _SpanCover((q.start, q.end) for q in quotes)
    # 2) indirect attributions
    for bs, be in ctx.blocks:
        for cm in _SRC_CUE_RE.finditer(text, bs, be):
            cs, ce = cm.span()
            if in_quote(cs):
                continue
            cue = _WS_RE.sub(" ", cm.group())
            low = cue.lower()
            if low == "according to":
                cue = low
            ss = _sent_start(text, bs, cs)
            se = _sent_end(text, ce, be)
            # a source already taken next to this cue in the same sentence
            if low != "according to" and any(ss <= ts and te <= se and (0 <= cs - te < 200 or 0 <= ts - ce < 5)
                                             for ts, te in taken):
                continue
            np = None
            if low == "according to":
                a = _AGENT_RE.search(text, ce, min(se, ce + 80))
                q0 = a.end() if a else ce + 1
                np = _np_fwd(text, q0, se)
            elif low in ("quoted by", "cited by"):
                np = _np_back(text, ss, cs)
            elif _PART_RE.fullmatch(cue):
                np = _subject(ctx, ss, cs) if text[ss:cs].rstrip().endswith(",") else None
            else:
                np = _np_back(text, max(ss, cs - 150), cs)
                if np is None:
                    pre = text[ss:cs].rstrip()
                    pre2 = _TRAIL_ADV_RE.sub("", pre)
                    if pre2.endswith(",") and not pre.endswith(("“", '"')):
                        # "X, a commander, told" / "A commander, X, also told"
                        k2 = text.rfind(",", ss, ss + len(pre2) - 1)
                        if k2 > ss:
                            seg = _np_fwd(text, k2 + 1 + (text[k2 + 1:k2 + 2] == " "), ss + len(pre2) - 1)
                            if seg and seg[0] > k2 and text[seg[0]:seg[0] + 1].isupper() \
                                    and _entity_kind(text[seg[0]:seg[1]], None) == "person":
                                np = seg
                            else:
                                np = _np_back(text, ss, k2)
                        # ", said X" inversion
                        if np is None and pre.endswith(","):
                            q0 = ce
                            while q0 < se and text[q0].isspace():
                                q0 += 1
                            np = _np_fwd(text, q0, se)
                    elif not pre.strip():
                        np = None
            if not np or overlaps(*np):
                continue
            s, e = np
            if in_quote(s):
                continue
            extra = _appos_after(text, e, se)
            spk = _classify(ctx, s, e, extra, s)
            if spk is not None and spk.kind == "anonymous" and ss < s:
                # "The Local Councils, another activist group, said": the name before the apposition
                subj = _subject(ctx, ss, s)
                if subj and subj[1] <= s and _APPOS_GAP_RE.fullmatch(text, subj[1], cs):
                    alt = _classify(ctx, subj[0], subj[1], "", subj[0])
                    if alt is not None and alt.kind == "named" and alt.name:
                        spk = alt
            if spk is None or spk.name is None:
                continue
            if spk.ekind == "pronoun" and low in ("believes", "believe", "estimated", "estimates"):
                continue
            if text[s:e].lower() == "i":
                continue  # "I say", "I argued": the writer's own view is no cited source
            kind = spk.ekind if spk.kind == "named" else "anonymous"
            if spk.ekind == "pronoun":
                kind = "person"
            via = ""
            if low in ("quoted by", "cited by"):
                np2 = _np_fwd(text, ce + 1, se)
                if np2:
                    m2 = ctx.mention_in(*np2)
                    via = m2.entity if m2 else text[np2[0]:np2[1]]
                    if via.lower().startswith("the ") and not _MEDIA_RE.fullmatch(via):
                        via = via[4:]
            else:
                via = _via(ctx, cs if low.startswith(("told", "tell")) else e, se)
            if via == spk.name:
                via = ""
            # block quote introduced by a name and a colon
            sent_tail = text[ce:se].rstrip()
            if text[se - 1:se] == ":" or (sent_tail.endswith(":") and se >= be - 1):
                cue = ":"
            elif se >= be and text[be - 1:be] == ":":
                cue = ":"
            ss_, es_ = spk.s, spk.e
            out.append(Source(ss_, es_, text[ss_:es_], spk.name, _KIND_FOR_SOURCE.get(kind, "person"), via, cue))
            taken.append((ss_, es_))
    out.sort(key=lambda r: r.start)
    if ctx.source_text is not text:
        out = [r._replace(text=ctx.source_text[r.start:r.end]) for r in out]
    return out
