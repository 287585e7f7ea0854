"""Find mentions of actors, organisations, people, places and media.

Two methods, one linear pass each over the headline span and body paragraphs:

* ``gazetteer``: aliases from ``data/gazetteer.csv`` (plus media outlets from
  ``data/outlets.csv`` when that file exists), compiled once at import into one
  trie-shaped regex (longest alias wins), each alias folded onto its canonical
  ``entity``. Matching is case-sensitive: "IS" and "US" are tagged, "is"/"us"
  never; in ALL-CAPS stretches (an all-caps headline) "IS" is the verb and is
  skipped. A possessive ("ISIS's", "Russia’s") is left out of the mention text.
* ``capitalised``: runs of capitalised words the gazetteer lacks, emitted only
  when a cue decides the kind (title, speech verb, first name, org or place
  word, locative preposition) or when the run repeats a name found earlier in
  the article (a surname alone folds onto the full name).

>>> from analysis.records import Article
>>> from analysis.map.parse import parse_article
>>> text = "Headline\\n\\nISIS fighters entered Aleppo, said Captain Omar Haddad.\\n\\nHaddad is wary."
>>> ms = find_mentions(parse_article(Article("a", "a.txt", text)))
>>> [(m.text, m.entity, m.kind, m.method) for m in ms]  # doctest: +NORMALIZE_WHITESPACE
[('ISIS', 'Islamic State', 'actor', 'gazetteer'), ('Aleppo', 'Aleppo', 'place', 'gazetteer'),
 ('Captain Omar Haddad', 'Omar Haddad', 'person', 'capitalised'),
 ('Haddad', 'Omar Haddad', 'person', 'capitalised')]
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, NamedTuple, Optional

from ..config import DATA_DIR
from ..records import Mention, Parsed

GAZETTEER_PATH = DATA_DIR / "gazetteer.csv"
OUTLETS_PATH = DATA_DIR / "outlets.csv"
GAZETTEER_COLUMNS = ("entity", "kind", "aliases", "role", "country", "lat", "lon")
KINDS = ("actor", "organisation", "person", "place", "media")

# ---------------------------------------------------------------- word lists
# Capitalised words that are ordinary English (sentence-initial, pronouns, ...):
# they break a run of capitalised words and are never names themselves.
STOPWORDS = frozenset("""
a an the and or nor but so yet for of to in on at by with without within from into onto upon
over under above below about after before since until till during through throughout across
against among amid amidst around along beside besides between beyond despite except like unlike
near off out outside inside toward towards via per than as if when whenever while whereas where
wherever whether why how what which who whom whose that this these those there here then thus
it its it's he him his she her hers they them their theirs we us our ours i me my mine you your
yours one ones all any some many much more most few fewer less least several both each every
either neither other another such no not nor none nothing nobody everyone everybody someone
somebody anyone anything something everything yes yeah ok okay oh well also still even just
only now today tonight yesterday tomorrow earlier later soon already again always never often
sometimes once twice instead indeed therefore hence however moreover furthermore meanwhile
nevertheless nonetheless otherwise perhaps maybe nearly almost apparently reportedly allegedly
finally overall further first second third last next old according following including
regarding although though because unless let please read see click share follow watch related
update updated updates editor editors note photo photos video videos image images caption
getty source sources is are was were be been being am do does did done has have had having can
could will would should may might must shall said says say told tells asked added what's
that's there's here's it's he's she's we're they're i'm i've we've they've don't doesn't didn't
can't won't isn't aren't wasn't weren't q a an
""".split())
MONTHS_DAYS = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
saturday sunday mon tue tues wed thu thur thurs fri sat sun
""".split())
# Nationality/religion/direction adjectives: stripped from the front of a run.
DEMONYMS = frozenset("""
russian russians syrian syrians iranian iranians iraqi iraqis turkish turk turks kurdish kurd
kurds american americans british briton britons english french german germans israeli israelis
saudi saudis arab arabs arabic persian lebanese jordanian jordanians egyptian egyptians qatari
emirati yemeni libyan afghan afghans pakistani pakistanis chinese european europeans western
eastern northern southern central sunni sunnis shia shiite shiites shi'ite alawite alawites druze
christian christians muslim muslims islamic islamist islamists jihadi jihadis jihadist jihadists
salafi salafist palestinian palestinians ukrainian ukrainians soviet turkmen armenian assyrian
yazidi yazidis chechen chechens gulf north south east west northeast northwest southeast
southwest democrat democrats democratic republican republicans gop liberal conservative
pro anti former acting senior junior top
""".split())
# Titles that mark the following name as a person ("Captain Mustafa", "spokesman John Kirby").
TITLES = frozenset("""
president vice-president minister premier chancellor king queen prince princess emir sheikh
sheik shaikh ayatollah imam mullah cleric pope general gen gen. lieutenant lt lt. colonel col
col. major maj maj. captain capt capt. sergeant sgt sgt. brigadier brig brig. admiral adm adm.
commander cmdr corporal cpl marshal dr dr. doctor prof prof. professor mr mr. mrs mrs. ms ms.
miss sir lord lady dame senator sen sen. rep rep. representative congressman congresswoman
governor gov gov. mayor secretary ambassador envoy spokesman spokeswoman spokesperson activist
analyst researcher journalist reporter correspondent editor director chief leader official
founder member fellow scholar expert author photographer judge attorney lawyer blogger
columnist writer chairman chairwoman ceo adviser advisor aide consul diplomat negotiator
mediator coordinator surgeon nurse resident witness defector mufti pastor father rabbi bishop
""".split())
#: Titles that also head other names ("Bureau of Justice Statistics", "Officer Down Memorial
#: Page"): they mark a person only before what looks like a personal name (see _personal_name)
TITLES_BEFORE_NAMES_ONLY = frozenset("""
commissioner administrator superintendent inspector detective ranger sheriff prosecutor trooper
officer chair whip justice treasurer comptroller
""".split())
TITLES = TITLES | TITLES_BEFORE_NAMES_ONLY
_INITIAL_RE = re.compile(r"[A-Z]\.")
# Words that may sit between/before titles ("Foreign Minister", "Defense Secretary").
TITLE_MODIFIERS = frozenset("""
prime vice deputy foreign defense defence interior finance state supreme grand chief senior
former acting assistant under army air naval military field staff general top
""".split())
# Lower-case words that, right before a name, mark it as a person.
PERSON_CUE_WORDS = frozenset("""
spokesman spokeswoman spokesperson activist analyst researcher journalist reporter
correspondent commander leader minister president secretary ambassador envoy official director
chief founder expert professor scholar fellow author photographer editor columnist blogger
cleric general colonel captain senator congressman congresswoman governor mayor chairman
adviser advisor aide diplomat negotiator lawyer doctor surgeon resident defector emir sheikh
""".split())
ORG_WORDS = frozenset("""
Army Front Brigade Brigades Battalion Battalions Division Regiment Corps Council Ministry
Department Dept Institute Institution Foundation Observatory Party Forces Force Group Alliance
Coalition Committee Commission Agency University College School Center Centre Association
Organization Organisation Union Federation Network Movement Company Corporation Corp Inc Ltd
Bank Fund Trust Society Office Bureau Administration Authority Service Services Guard Guards
Police Navy Academy Assembly Parliament Court Tribunal League Legion Unit Units Hospital Church
Club Project Initiative Program Programme Campaign Watch Caucus Senate Cabinet Directorate
Jaish Jabhat Harakat Liwa Kataib Kata'ib Faylaq Saraya Ansar Ahrar Suqour Suqur Jund Junud
Tajamul Firqa Fawj Hizb Majlis Tanzim
""".split())
MEDIA_WORDS = frozenset("""
News Times Post Journal Magazine Radio Television TV Tribune Herald Gazette Daily Weekly
Broadcasting Newspaper
""".split())
PLACE_WORDS = frozenset("""
City Province Governorate District County Valley Mountains Mountain Mount River Lake Sea Gulf
Strait Desert Plain Plains Heights Island Islands Peninsula Airport Airbase Camp Square Street
Road Highway Bridge Dam Crossing Region Oasis Bay Coast
""".split())
# Common given names (general knowledge, many languages): "<first name> <Capitalised>" is a person.
_GIVEN_NAMES = frozenset("""
Abu Umm Abd Abdul Abdel Abdal Abdullah Abdallah Abdulrahman Abdelrahman Mohammed Muhammad
Mohammad Mohamed Mohamad Muhammed Ahmed Ahmad Ali Hassan Hasan Hussein Husain Hossein Hussain
Omar Umar Khalid Khaled Mahmoud Mahmud Mustafa Mostafa Moustafa Ibrahim Ismail Youssef Yousef
Yusuf Yousif Karim Kareem Samir Sameer Sami Tarek Tariq Walid Waleed Nabil Bassam Bashir Fadi
Rami Ziad Ziyad Salim Saleh Salih Jamal Jamil Majid Maher Hamza Hamid Rashid Osama Usama Nour
Noura Nura Fatima Aisha Layla Leila Rana Rania Amal Hana Huda Zainab Zeinab Mariam Maryam Yasmin
Lina Dina Reem Raed Anas Bilal Firas Haitham Hisham Imad Issa Jaber Louay Loay Mazen Mouaz Munir
Nasser Nasir Nidal Qassem Qasim Riad Riyad Saad Safwan Suhail Suhair Talal Wael Yasser Yasir Zaid
Zaher Ayman Adel Adnan Akram Amer Amr Anwar Ayham Basel Basil Fawaz Ghassan Haidar Haider Hadi
Hazem Ihab Jihad Kamal Khalil Marwan Mohannad Mounir Nizar Omran Osman Ramzi Shadi Sherif Tamer
Yahya Zuhair Hamdi Fouad Fuad Hani Hatem Jawad Kassem Lutfi Muhannad Mundhir Nawaf Obaida Qais
Rafiq Rafik Sabri Sultan Taha Tawfiq Wissam Zakaria Zakariya Reza Mehdi Mahdi Mohsen Javad Amir
Ebrahim Saeed Abbas Farhad Hamidreza Mojtaba Morteza Gholam Parviz Shirin Masoud Massoud Mahmood
Mehmet Ahmet Recep Kemal Murat Emre Burak Selahattin Fethullah Binali Nihat Hakan Cemil Mevlut
Masrour Nechirvan Jalal Hemin Vladimir Sergei Sergey Dmitry Dmitri Alexei Alexey Aleksandr
Andrei Andrey Igor Ivan Mikhail Nikolai Oleg Pavel Yuri Yury Viktor Valery Maxim Boris Anatoly
Gennady Ramzan Maria Anna Olga Elena Natalia Tatiana Svetlana Irina John James Michael David
Robert William Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Donald Steven
Stephen Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan
Jacob Gary Nicholas Eric Jonathan Larry Justin Scott Brandon Benjamin Samuel Gregory Frank
Alexander Raymond Patrick Jack Dennis Jerry Tyler Aaron Jose Adam Henry Nathan Douglas Zachary
Peter Kyle Walter Ethan Jeremy Harold Keith Roger Noah Gerald Carl Terry Sean Arthur Lawrence
Jesse Dylan Bryan Joe Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph Randy
Eugene Vincent Russell Elijah Louis Bobby Philip Phillip Johnny Tom Tim Jim Mike Dave Bob Bill
Chris Matt Nick Rob Ben Sam Dan Tony Jeff Greg Steve Josh Ted Rick Ron Ken Doug Jon Hillary
Barack Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty
Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah
Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Brenda Pamela Nicole
Emma Samantha Katherine Christine Debra Rachel Catherine Carolyn Janet Ruth Heather Diane Julie
Joyce Victoria Olivia Kelly Christina Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah
Martha Jacqueline Frances Gloria Ann Anne Jean Alice Kathryn Sophie Sophia Jane Julia Grace
Claire Clare Genevieve Louise Charlotte Caroline Natalie Jenna Molly Kate Katie Liz Beth Jill
Meghan Abigail Erin Lindsey Marie Pierre Francois François Laurent Nicolas Emmanuel Jacques
Hans Klaus Wolfgang Jürgen Gerhard Ursula Staffan Lars Erik Jens Anders Marco Giuseppe Luca
Carlos Luis Miguel Antonio Manuel Ashton Lindsey Rex Marco Ted Bernie Hilary Nikki Jeb Rand
Chuck Mitch Nancy Harry Dianne Elise Roula Liz Rania Martin Lloyd Brett Josh Lynn Kim
""".split())


FIRST_NAMES_PATH = DATA_DIR / "first_names.csv"


def load_first_names() -> dict[str, str]:
    """first name -> 'male' / 'female' from ``data/first_names.csv``, the lexicon users extend
    (read once here; the speakers' gender rules use it too: attribution.lexicon.FIRST_NAMES)."""
    with open(FIRST_NAMES_PATH, encoding="utf-8", newline="") as fh:
        return {r["first_name"]: r["gender"] for r in csv.DictReader(fh) if r.get("first_name")}


FIRST_NAME_GENDERS = load_first_names()


#: Given names of ``data/first_names.csv`` that in news head other names more often than they
#: start a person's ("Virginia Republicans", "Beverly Hills", "the Rose Garden"): their gender
#: still counts, but "<name> <Capitalised>" is no person for that alone
PLACE_LIKE_GIVEN_NAMES = frozenset("""Virginia Beverly Rose
Will Grant Hope Faith Joy June April Summer Grace Holly Ivy Crystal Amber Autumn Rich Guy Earl Miles
Ward Dawn Olive Pearl Ruby Iris Jade Violet Misty Candy Daisy Ginger Rusty Buck Bud Chip Art""".split())
#: the given names above and those of ``data/first_names.csv``
FIRST_NAMES = _GIVEN_NAMES | (FIRST_NAME_GENDERS.keys() - PLACE_LIKE_GIVEN_NAMES)

# Particles allowed inside a name ("Suqour al Jabal", "Institute for the Study of War"),
# and lower-case prefixes glued to a name ("al-Sahu").
PARTICLES = ("al", "el", "bin", "ibn", "bint", "de", "du", "da", "van", "von", "der", "den",
             "la", "le", "of", "for", "the")
NAME_PREFIXES = frozenset("al el ad ar as ash at az an ul abu bin ibn de".split())
PLACE_PREPOSITIONS = frozenset("in near into inside outside towards toward around across throughout".split())
PLACE_OF_WORDS = frozenset("""
outskirts north south east west northeast northwest southeast southwest north-east north-west
south-east south-west town city village villages towns cities province district region suburb
suburbs neighbourhood neighborhood governorate countryside capital area port camp
""".split())
SPEECH_BEFORE = frozenset("said says added asked wrote explained".split())
_SPEECH = (r"said|says|told|tells|added|adds|explained|explains|wrote|writes|stated|states|"
           r"noted|notes|warned|warns|argued|argues|insisted|insists|observed|observes|recalled|"
           r"tweeted|asked|asks|replied|answered|admitted|acknowledged|testified|commented|"
           r"cautioned|believes|thinks")
_LOCATIVE = frozenset("in into inside across throughout within over near".split())
_CAPS_VERBS_BEFORE_US = frozenset(
    "LET TELL TELLS TOLD JOIN JOINS HELP HELPS GIVE GIVES SHOW SHOWS ASK ASKS AMONG BEHIND "
    "LIKE ABOUT WITH FOR TO".split())
_OUTLET_COMMON_WORDS = frozenset("salon slate time hill vox week nation independent".split())

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
_ABBR = r"(?:Gen|Lt|Col|Maj|Capt|Sgt|Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Brig|Adm|Cpl|St|Jr|Sr)\."
# a capitalised word: second letter lower-case (so ALL-CAPS words are not names); an
# internal apostrophe/hyphen part is kept ("Ala’Azza", "Abdul-Rahman"), a possessive is not.
_WORD = rf"[{_UP}](?:[{_LO}]|['\u2019][{_UP}])[^\W_]*(?:[-\u2010'\u2019](?![sS]\b)[A-Za-z][^\W_]*)*"
_TOKEN = rf"(?:{_ABBR}|[{_UP}]\.(?=[ \u00a0][{_UP}])|{_WORD})"
_TOKEN_RE = re.compile(_TOKEN)
_JOIN_RE = re.compile(rf"[ \u00a0]+(?:(?:{'|'.join(PARTICLES)})[ \u00a0]+)*(?:(?:al|el|bin|ibn|ad|ar|as|ash|at|az|an)[-\u2010])?")
_BREAKERS = STOPWORDS | MONTHS_DAYS
_PREFIX_TAILS = frozenset(p[-2:] for p in NAME_PREFIXES)
_NOT_NAMES = DEMONYMS | TITLES | TITLE_MODIFIERS
_ORG_MEDIA = ORG_WORDS | MEDIA_WORDS
_VERB_AFTER_RE = re.compile(rf"[ \t]*,?[ \t\n]*(?:also |later |then |has |had )?(?:{_SPEECH})\b")
_APPOSITIVE_RE = re.compile(
    r",[ \t]+(?:who is |who was |also )?(?:(?:a|an|the|its|his|her|their)[ \t]+)?"
    r"(?:[\w'\u2019-]+[ \t]+){0,3}?([a-z]+)\b")
_OF_GAP_RE = re.compile(r"\b(?:of|for|the)\b")
_LOWER_RE = re.compile(r"[a-z]")
_ALPHA_RE = re.compile(r"[A-Za-z]")
_HEAD_WORD_RE = re.compile(r"[A-Za-z][\w'\u2019-]{3,}")


# ---------------------------------------------------------------- gazetteer
class Entry(NamedTuple):
    entity: str
    kind: str
    role: str
    country: str
    lat: Optional[float]
    lon: Optional[float]
    aliases: tuple


@dataclass
class Gazetteer:
    """Aliases folded onto canonical entities, compiled into one scanner regex.

    Aliases are case-sensitive; each must start with a capital letter or with a
    lower-case particle glued to a capitalised word ("al-Qaeda", "bin Laden").

    >>> g = load_gazetteer([{"entity": "Tel Aran", "kind": "place", "aliases": "Tel Aran|Tal Aran"}])
    >>> g.lookup("Tal Aran").entity, g.lookup("ISIL").entity
    ('Tel Aran', 'Islamic State')
    """

    entries: dict = field(default_factory=dict)  # entity -> Entry
    aliases: dict = field(default_factory=dict)  # alias -> entity
    pattern: Optional[re.Pattern] = field(default=None, repr=False)  # aliases starting upper-case
    lower: Optional[re.Pattern] = field(default=None, repr=False)  # aliases starting "al-", "bin "...
    prefixes: frozenset = field(default=frozenset(), repr=False)  # first two chars of ``pattern`` aliases
    # last two chars of the NAME_PREFIXES that start a ``lower`` alias ("al" of "al-Qaeda"):
    # before a capital, no other particle can start a ``lower`` match
    lower_tails: frozenset = field(default=frozenset(), repr=False)
    caps: Optional[re.Pattern] = field(default=None, repr=False)  # capitalised words worth a look
    # ``caps`` that also says, in groups 1 and 2, where ``pattern`` and _TOKEN_RE match at
    # the capital (one C-level scan instead of two more regex calls per capital)
    scanner: Optional[re.Pattern] = field(default=None, repr=False)

    def __repr__(self) -> str:
        return f"Gazetteer({len(self.entries)} entities, {len(self.aliases)} aliases)"

    def lookup(self, alias: str) -> Optional[Entry]:
        """The entry an exact alias folds onto, or None."""
        e = self.aliases.get(alias)
        return self.entries.get(e) if e else None

    def add(self, row: dict, *, override: bool = True) -> None:
        """Add one row (dict with GAZETTEER_COLUMNS; ``aliases`` '|'-separated)."""
        entity = (row.get("entity") or "").strip()
        kind = (row.get("kind") or "").strip().lower()
        if not entity or kind not in KINDS:
            return
        als = [a.strip() for a in str(row.get("aliases") or "").split("|") if a.strip()]
        if entity not in als:
            als.insert(0, entity)
        old = self.entries.get(entity)
        merged = tuple(dict.fromkeys((old.aliases if old else ()) + tuple(als)))
        self.entries[entity] = Entry(entity, kind, (row.get("role") or "").strip(),
                                     (row.get("country") or "").strip(),
                                     _float(row.get("lat")), _float(row.get("lon")), merged)
        for a in als:
            if override or a not in self.aliases:
                self.aliases[a] = entity
            up = a.upper()  # all-caps form of a long alias, for all-caps headlines
            if len(a) >= 4 and up != a and up not in self.aliases:
                self.aliases[up] = entity
        self.pattern = None

    def compile(self) -> "Gazetteer":
        """Compile the alias regexes (a prefix trie, so one ``match`` per capital is cheap)."""
        upper = [a for a in self.aliases if a[:1].isupper()]
        lower = [a for a in self.aliases if not a[:1].isupper()
                 and re.match(r"[a-z]+[-\u2010 ][A-Z]", a)]
        self.pattern = re.compile(_trie_regex(upper) + r"(?![\w\u2010])")
        self.prefixes = frozenset(a[:2] for a in upper)
        heads = {re.match(r"[a-z]+", a).group() for a in lower}
        self.lower_tails = frozenset(p[-2:] for p in NAME_PREFIXES if p in heads)
        # capitals to visit: skip ordinary words ("The", "But", "May") in the regex itself,
        # unless an alias starts with one glued by a hyphen ("A-Raqqa")
        glued = {a.split("-", 1)[0].lower() for a in upper if "-" in a}
        stop = sorted({w.capitalize() for w in _BREAKERS if w.isalpha() and w not in glued})
        self.caps = re.compile(rf"(?=[{_UP}])(?!{_trie_regex(stop)}\b)[{_UP}]\w*")
        alias_here = "(?:(?=(" + self.pattern.pattern + "))|)"
        token_here = "(?:(?=(" + _TOKEN + "))|)"
        # ``caps`` with the lookaheads moved into a one-character lookbehind after the
        # capital: the same matches, but the pattern now starts with a character set, so
        # the regex engine skips to the next capital in C instead of trying every position
        checks = self.caps.pattern[len(rf"(?=[{_UP}])"):-len(rf"[{_UP}]\w*")]
        assert self.caps.pattern == rf"(?=[{_UP}]){checks}[{_UP}]\w*"
        self.scanner = re.compile(rf"[{_UP}](?<={checks}{alias_here}{token_here}[{_UP}])\w*")
        self.lower = re.compile(_trie_regex(lower) + r"(?![\w\u2010])") if lower else None
        return self


def _float(v) -> Optional[float]:
    try:
        return float(v) if v not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _trie_regex(words: Iterable[str]) -> str:
    """One regex matching any of ``words``; prefix-shared, so the longest match wins fast."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return "(?:" + build(trie) + ")"


def _read_rows(path: Path) -> list:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _outlet_rows(path: Path) -> list:
    rows = []
    for r in _read_rows(path):
        name = (r.get("outlet") or "").strip()
        als = [a.strip() for a in (r.get("aliases") or "").split("|")]
        als = [a for a in als if len(a) >= 2 and a.lower() not in _OUTLET_COMMON_WORDS
               and not a.endswith(")") and " - " not in a]
        if name:
            rows.append({"entity": name, "kind": "media", "aliases": "|".join(als), "role": "media"})
    return rows


def load_gazetteer(*sources, include_default: bool = True) -> Gazetteer:
    """Build a Gazetteer from CSV paths and/or iterables of rows (dicts or sequences).

    The default gazetteer (``data/gazetteer.csv``, then media outlets from
    ``data/outlets.csv`` if that file exists) comes first unless
    ``include_default=False``; later sources win when an alias is given twice.
    Outlet aliases never take over a non-media alias.

    >>> load_gazetteer([{"entity": "Jaysh X", "kind": "actor", "aliases": "JX"}]).lookup("JX").kind
    'actor'
    """
    g = Gazetteer()
    if include_default:
        for row in _read_rows(GAZETTEER_PATH):
            g.add(row)
        try:
            outlet_rows = _outlet_rows(OUTLETS_PATH) if OUTLETS_PATH.exists() else []
        except (OSError, csv.Error, UnicodeDecodeError):
            outlet_rows = []
        for row in outlet_rows:
            keep = [a for a in row["aliases"].split("|") if a and (
                a not in g.aliases or g.entries[g.aliases[a]].kind == "media")]
            if keep:
                g.add(dict(row, aliases="|".join(keep)))
    for src in sources:
        rows = _read_rows(Path(src)) if isinstance(src, (str, Path)) else list(src)
        for row in rows:
            g.add(row if isinstance(row, dict) else dict(zip(GAZETTEER_COLUMNS, row)))
    return g.compile()


DEFAULT = load_gazetteer()


# ---------------------------------------------------------------- helpers
def _caps_stretch(text: str, s: int, e: int) -> bool:
    """True when the text around [s, e) on the same line is (nearly) all upper case."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    around = text[max(ls, s - 40):s] + " " + text[e:min(le, e + 40)]
    alpha = len(_ALPHA_RE.findall(around))
    return alpha >= 4 and len(_LOWER_RE.findall(around)) <= 0.15 * alpha


def _headline_like(text: str, s: int, e: int) -> bool:
    """A short span, not ending in a full stop, whose longer words are (nearly) all capitalised."""
    if e - s > 300 or text[s:e].rstrip().endswith("."):
        return False
    words = _HEAD_WORD_RE.findall(text, s, e)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.85 * len(words)


def _sentence_initial(text: str, s: int, lo: int) -> bool:
    i = s - 1
    while i >= lo and text[i] in " \t\u00a0\"'“‘([—–-":
        i -= 1
    return i < lo or text[i] in ".!?:;\n|•*]"


def _prefix_start(text: str, s: int, lo: int) -> int:
    """Start of a lower-case particle glued before ``s`` ("al-" in "al-Sahu"), else -1."""
    if s - 2 < lo or text[s - 1] not in "-\u2010 ":
        return -1
    k = s - 2
    while k >= lo and s - k <= 5 and "a" <= text[k] <= "z":
        k -= 1
    k += 1
    if k < s - 1 and (k == lo or not text[k - 1].isalnum()) and text[k:s - 1] in NAME_PREFIXES:
        return k
    return -1


def _prev_words(text: str, s: int, lo: int) -> tuple:
    """The two words right before ``s`` when only spaces separate them from it."""
    if s <= lo or text[s - 1] not in " \t\u00a0":
        return "", ""
    parts = text[max(lo, s - 30):s].rsplit(None, 2)
    if not parts:
        return "", ""
    return (parts[-2] if len(parts) > 1 else ""), parts[-1]


def _person_or_place(text, s, e, lo, hi, first, n):
    """Kind from the context of a name without title/org words, or None."""
    w0, w1 = _prev_words(text, s, lo)
    if w1 in PERSON_CUE_WORDS:
        return "person"
    nxt = text[e:e + 1]
    if nxt not in ("'", "\u2019") and first not in FIRST_NAMES and (
            w1 in PLACE_PREPOSITIONS or (w1 == "of" and w0 in PLACE_OF_WORDS)):
        return "place"
    if n == 1 and _sentence_initial(text, s, lo):
        return None
    if w1 in SPEECH_BEFORE or (n > 1 and _VERB_AFTER_RE.match(text, e, hi)):
        return "person"
    if nxt == ",":
        am = _APPOSITIVE_RE.match(text, e, hi)
        if am and am.group(1) in TITLES:
            return "person"
    if n > 1 and first in FIRST_NAMES:
        return "person"
    return None


def _personal_name(name: list, surnames: dict) -> bool:
    """Do the (start, end, word) tokens ``name`` look like a personal name: a known first name or
    an initial and more ("Joe Arpaio", "R. Gil Kerlikowske"), a surname the article used before,
    or words no English dictionary holds in lower case ("Scalia"; not "Statistics", "Course")?"""
    words = [w for _, _, w in name]
    if len(words) > 1 and (words[0] in FIRST_NAMES or _INITIAL_RE.fullmatch(words[0])):
        return True
    if len(words) == 1 and surnames.get(words[0]):
        return True
    lexicon = _english_words()
    return not any(w.lower() in lexicon for w in words)


def _english_words():
    """The words of TextBlob's bundled English tagger lexicon (loaded on first use)."""
    from textblob.en import lexicon

    return lexicon


def _classify(text, s, e, lo, hi, surnames, known):
    """(start, end, entity, kind) for the capitalised run text[s:e], or None."""
    t = text[s:e]
    hit = known.get(t)
    if hit:
        return s, e, hit[0], hit[1]
    if " " not in t and "\u00a0" not in t:  # one token: the common, cheap case
        if t in surnames:
            ent = surnames[t]
            return (s, e, ent, "person") if ent else None
        lw = t.lower()
        if lw in _NOT_NAMES or len(t) < 3 or _sentence_initial(text, s, lo) or t in _ORG_MEDIA:
            return None  # (an organisation word alone, "University" of "University of Oklahoma", is no name)
        kind = _person_or_place(text, s, e, lo, hi, t, 1)
        return (s, e, t, kind) if kind else None
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, s, e)]
    w = tokens[0][2]
    if len(tokens) > 1 and w.endswith("ly") and _english_words().get(w.lower()) == "RB" \
            and _sentence_initial(text, s, lo):
        return _classify(text, tokens[1][0], e, lo, hi, surnames, known)  # "Recently Lee Bebout"
    if (len(tokens) > 1 and w not in _ORG_MEDIA and w.lower() not in TITLES
            and _OF_GAP_RE.search(text, tokens[0][1], tokens[1][0])
            and _sentence_initial(text, s, lo)):
        return _classify(text, tokens[1][0], e, lo, hi, surnames, known)  # "Fighters of the X"
    n = len(tokens)
    words = [w for _, _, w in tokens]
    lows = [w.lower() for w in words]
    # a title anywhere ("Captain Mustafa", "Senate Majority Leader Mitch McConnell")
    k = next((j for j, w in enumerate(lows) if w in TITLES), -1)
    while k >= 0:
        i = k
        while i < n and (lows[i] in TITLES or lows[i] in TITLE_MODIFIERS):
            i += 1
        name = tokens[i:]
        for j in range(1, len(name)):  # a person's name stops at "of"/"for"/"the"
            if _OF_GAP_RE.search(text, name[j - 1][1], name[j][0]):
                name = name[:j]
                break
        if name and lows[i - 1] in TITLES_BEFORE_NAMES_ONLY and not _personal_name(name, surnames):
            # "Justice Statistics", "Officer Course": no personal name after this title; a later
            # one may have one ("Justice Department Inspector General Michael Horowitz")
            k = next((j for j in range(i, n) if lows[j] in TITLES), -1)
            continue
        if name and not any(w in ORG_WORDS or w in MEDIA_WORDS for _, _, w in name):
            ent = text[name[0][0]:name[-1][1]]
            if len(name) == 1:
                ent = surnames.get(ent) or ent
            j = k
            while j > 0 and (lows[j - 1] in TITLE_MODIFIERS or lows[j - 1] in DEMONYMS):
                j -= 1
            return tokens[j][0], name[-1][1], ent, "person"
        break
    has_org = not _ORG_MEDIA.isdisjoint(words)
    if has_org:
        org = not ORG_WORDS.isdisjoint(words)
        return (s, e, t, "organisation" if org else "media") if n >= 2 else None
    i = 0
    while i < n and (lows[i] in DEMONYMS or lows[i] in TITLE_MODIFIERS):
        i += 1
    if i == n:
        return None
    if i:
        s, tokens, words = tokens[i][0], tokens[i:], words[i:]
        n = len(tokens)
        t = text[s:e]
        hit = known.get(t)
        if hit:
            return s, e, hit[0], hit[1]
        if n == 1 and t in surnames:
            return (s, e, surnames[t], "person") if surnames[t] else None
    if n > 1 and not PLACE_WORDS.isdisjoint(words[1:]):
        return s, e, t, "place"
    kind = _person_or_place(text, s, e, lo, hi, words[0], n)
    return (s, e, t, kind) if kind else None


def _register(m: Mention, surnames: dict, known: dict) -> None:
    if m.kind == "person":
        last = m.entity.rsplit(" ", 1)[-1]
        prev = surnames.get(last, m.entity)
        surnames[last] = m.entity if prev == m.entity else None  # None: ambiguous surname
        if " " in m.entity:
            known.setdefault(m.entity, (m.entity, "person"))
    elif m.method == "capitalised":
        known.setdefault(m.text, (m.entity, m.kind))


def _gazetteer_hit(text, s, e, alias, lo, gz, out, surnames, known):
    if alias in ("IS", "US") and _caps_stretch(text, s, e):
        if alias == "IS":
            return  # "WHY IS ..." in an all-caps headline is the verb
        pw = text[max(lo, s - 12):s].split()
        if pw and pw[-1].strip(",.:;") in _CAPS_VERBS_BEFORE_US:
            return  # "LET US"
    elif alias.isupper() and alias.lower() in _OUTLET_COMMON_WORDS and _caps_stretch(text, s, e):
        return
    ent = gz.entries[gz.aliases[alias]]
    kind = ent.kind
    if kind == "actor" and ent.lat is not None:
        pw = text[max(lo, s - 12):s].split()
        if pw and (pw[-1] in _LOCATIVE or (pw[-1] == "the" and len(pw) > 1 and pw[-2] in _LOCATIVE)):
            kind = "place"  # a state named as a location ("airstrikes in Syria")
    m = Mention(s, e, alias, ent.entity, kind, "gazetteer")
    out.append(m)
    if kind == "person":
        _register(m, surnames, known)


def _another_given_name(run: str, alias: str, gz) -> bool:
    """Is ``run``'s last word a given name before ``alias``, a one-word alias of a person in the
    gazetteer whose own name it is not ("Ivanka" before "Trump", not "Donald" or "President")?"""
    if " " in alias:
        return False
    ent = gz.entries[gz.aliases[alias]]
    if ent.kind != "person":
        return False
    word = run.rsplit(None, 1)[-1]
    return word in FIRST_NAMES and word not in ent.entity.split()


def _scan(text, lo, hi, gz, surnames, known, out):
    """One pass over text[lo:hi]: at each capital, a gazetteer alias or a name token."""
    lower, prefixes, lower_tails = gz.lower, gz.prefixes, gz.lower_tails
    tails = _PREFIX_TAILS
    skip = lo  # text before ``skip`` is already consumed
    run_s = run_e = -1  # pending capitalised-name run
    pending = []

    ncap = 0
    for cm in gz.scanner.finditer(text, lo, hi):
        ncap += 1
        s = cm.start()
        if s < skip:
            continue
        if s > lo:
            c = text[s - 1]
            if c.isalnum() or c == "_":
                continue  # a capital inside a word ("iPhone")
            if c in "-\u2010 " and lower is not None and text[s - 3:s - 1] in lower_tails:
                k = _prefix_start(text, s, lo)
                if k >= 0:
                    lm = lower.match(text, k, hi)
                    if lm:
                        if run_s >= 0:
                            pending.append((run_s, run_e))
                            run_s = -1
                        _gazetteer_hit(text, k, lm.end(), lm.group(), lo, gz, out, surnames, known)
                        skip = lm.end()
                        continue
        ge = cm.end(1)  # gz.pattern.match(text, s, hi), looked up only for a known prefix
        if ge >= 0 and (ge - s > 1 or text[s:s + 2] in prefixes):
            if run_s >= 0 and run_e + 1 == s and text[run_e] == " " \
                    and _another_given_name(text[run_s:run_e], cm.group(1), gz):
                run_e = skip = ge  # "Ivanka Trump", "Michelle Obama": not the gazetteer's Trump, Obama
                continue
            if run_s >= 0:
                pending.append((run_s, run_e))
                run_s = -1
            _gazetteer_hit(text, s, ge, cm.group(1), lo, gz, out, surnames, known)
            skip = ge
            continue
        te = cm.end(2)  # _TOKEN_RE.match(text, s, hi)
        if te < 0:  # ALL-CAPS word, single letter: not part of a name
            if run_s >= 0:
                pending.append((run_s, run_e))
                run_s = -1
            skip = cm.end()
            continue
        if run_s >= 0 and (run_e + 1 == s and text[run_e] == " " or _JOIN_RE.fullmatch(text, run_e, s)):
            run_e = te
        else:
            if run_s >= 0:
                pending.append((run_s, run_e))
            run_s, run_e = s, te
        skip = te
    if run_s >= 0:
        pending.append((run_s, run_e))
    if not pending:
        return
    if hi - lo < 300 and ncap * 3 > text.count(" ", lo, hi) and _headline_like(text, lo, hi):
        return
    for s, e in pending:
        if text[s - 1:s] in ("-", "\u2010") and text[s - 3:s - 1] in tails:
            k = _prefix_start(text, s, lo)
            if k >= 0:
                s = k  # "al-Saleh": keep the glued particle
        r = _classify(text, s, e, lo, hi, surnames, known)
        if r is not None:
            m = Mention(r[0], r[1], text[r[0]:r[1]], r[2], r[3], "capitalised")
            out.append(m)
            _register(m, surnames, known)


def find_mentions(parsed: Parsed, *, gazetteer: Optional[Gazetteer] = None) -> list:
    """Mentions in the headline span (if any) and body paragraphs, sorted by start.

    Gazetteer aliases fold onto their entity. Capitalised names the gazetteer
    lacks are emitted only when a cue decides the kind (title or speech verb ->
    person; org/media word -> organisation/media; place word or locative
    preposition -> place; "<first name> <Name>" -> person); otherwise nothing is
    emitted (precision over recall). A person's entity drops titles ("Captain
    Mustafa" -> "Mustafa"); a later surname alone folds onto the full name.
    Pronouns and descriptions ("the regime", "the group") are not mentions.
    Every mention satisfies ``parsed.article.text[m.start:m.end] == m.text``.

    >>> from analysis.records import Article
    >>> from analysis.map.parse import parse_article
    >>> p = parse_article(Article("x", "x.txt", "T\\n\\nThe U.S. and Russia’s allies hit IS."))
    >>> [(m.text, m.entity) for m in find_mentions(p)]
    [('U.S.', 'United States'), ('Russia', 'Russia'), ('IS', 'Islamic State')]
    """
    gz = gazetteer or DEFAULT
    if gz.pattern is None:
        gz.compile()
    text = parsed.article.text
    spans = [(p.start, p.end) for p in parsed.paragraphs]
    if parsed.headline is not None:
        spans.append((parsed.headline.start, parsed.headline.end))
    spans.sort()
    out: list = []
    surnames: dict = {}
    known: dict = {}
    last = 0
    for lo, hi in spans:
        lo = max(lo, last)
        if lo < hi:
            _scan(text, lo, hi, gz, surnames, known, out)
            last = hi
    out.sort(key=lambda m: m.start)
    return out


def entity_table(gazetteer: Optional[Gazetteer] = None) -> list:
    """One Entry per entity (aliases joined by '|'), e.g. to join roles/coordinates onto mentions.

    >>> next(e for e in entity_table() if e.entity == "Aleppo").country
    'Syria'
    """
    gz = gazetteer or DEFAULT
    return [e._replace(aliases="|".join(e.aliases)) for e in gz.entries.values()]
