"""Build analysis/data/first_names_derived.csv: first name -> gender, for ``speaker_gender`` only.

Source: the given-name lists of Faker's person providers (https://github.com/joke2k/faker, MIT
licence; ``first_names_female`` / ``first_names_male`` of every locale written in Latin letters;
en_US's are the US Social Security Administration's top names of the 1960s-1990s with their
counts, the others national lists). Faker is only needed to rebuild this file (the ``[train]``
extra); the analysis reads the CSV.

A name gets a gender only when every locale that lists it agrees:

* in a locale whose lists carry counts (en_US), at least ``MIN_SHARE`` of its bearers are of
  that gender; in the others, it is in one of the two lists only;
* a name that one locale gives to women and another to men ("Andrea", "Jean", "Simone") is
  left out, as are names in both lists of one locale ("Jordan", "Hillary" in Faker's ``en``).

Also left out: names that are also lower-case English words of TextBlob's lexicon ("Will",
"Hope", "Major", "Judge", "Dean"), titles, months and weekdays, every word of the gazetteer's
places, media and organisations, of the US states and of ``data/demonyms.csv`` ("Nevada",
"Georgia", "York"), the surnames of
its people ("Clinton", "Sanders"), and the names of the curated
``data/first_names.csv`` (which wins: it is the list users edit, and its empty genders, such as
Pat or Robin, stay undecided). A name with accents also gets its unaccented spelling
("Fran\u00e7ois" -> "Francois") unless that spelling is another name.

This list is used for gender alone, and only for the word right before a person's surname
(analysis.map.attribution.gender): it never makes a capitalised word a person (that is the
curated list's job).

    pip install -e '.[train]'
    python scripts/build_first_names.py
"""
from __future__ import annotations

import csv
import importlib
import pkgutil
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.config import DATA_DIR  # noqa: E402

OUT = DATA_DIR / "first_names_derived.csv"
CURATED = DATA_DIR / "first_names.csv"
#: the words of the US states' names, which head names in US news ("Georgia Republican Tom Price")
US_STATES = """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan
Minnesota Mississippi Missouri Montana Nebraska Nevada Hampshire Jersey Mexico York Carolina Dakota
Ohio Oklahoma Oregon Pennsylvania Rhode Island Tennessee Texas Utah Vermont Virginia Washington
Wisconsin Wyoming"""
#: the Faker release the shipped file was built with (another may list other names)
BUILT_WITH = "40.63.0"
#: in a locale with counts, the share of one gender a name needs
MIN_SHARE = 0.9
_LATIN = re.compile(r"[A-Z][a-z\u00c0-\u00ff\u0100-\u017f']*[a-z\u00c0-\u00ff\u0100-\u017f]")


def _counts(names) -> dict[str, float]:
    """name -> count (1.0 each when the list has no counts)."""
    if names is None:
        return {}
    if hasattr(names, "items"):
        return {str(k): float(v) for k, v in names.items()}
    return {str(k): 1.0 for k in names}


def locale_votes() -> dict[str, dict[str, str]]:
    """name -> {locale: 'female' | 'male' | 'both'} over Faker's person providers."""
    import faker.providers.person as person

    votes: dict[str, dict[str, str]] = defaultdict(dict)
    for mod in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        provider = importlib.import_module(f"faker.providers.person.{mod}").Provider
        female = _counts(getattr(provider, "first_names_female", None))
        male = _counts(getattr(provider, "first_names_male", None))
        weighted = hasattr(getattr(provider, "first_names_female", None), "items")
        for name in set(female) | set(male):
            if not _LATIN.fullmatch(name):
                continue
            f, m = female.get(name, 0.0), male.get(name, 0.0)
            if weighted:
                share = f / (f + m)
                vote = "female" if share >= MIN_SHARE else "male" if share <= 1 - MIN_SHARE else "both"
            else:
                vote = "both" if f and m else "female" if f else "male"
            votes[name][mod] = vote
    return votes


def _excluded() -> set[str]:
    """Lower-case lexicon words, titles, calendar words and the curated names."""
    from analysis.map.attribution import lexicon

    words = {w.lower() for w in lexicon.LEXICON_TAGS if w.islower()}
    words |= {w.lower() for w in lexicon.TITLES} | {w.lower() for w in lexicon.WEEKDAYS}
    words |= {w.lower() for w in lexicon.MONTHS}
    with open(CURATED, encoding="utf-8", newline="") as fh:
        words |= {r["first_name"].lower() for r in csv.DictReader(fh)}
    # every word of the gazetteer's places, media and organisations ("Nevada", "Lincoln" as in
    # Nebraska, "York"), and the demonyms' countries
    with open(DATA_DIR / "gazetteer.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            names = [r["entity"], *r["aliases"].split("|")]
            if r["kind"] != "person":
                for name in names + [r.get("country") or ""]:
                    words |= {w.lower() for w in re.findall(r"[A-Za-z\u00c0-\u017f]+", name)}
            else:  # a known person's surname ("Clinton", "Sanders")
                words |= {name.split()[-1].lower() for name in names if len(name.split()) > 1}
    words |= {w.lower() for w in US_STATES.split()}
    with open(DATA_DIR / "demonyms.csv", encoding="utf-8", newline="") as fh:
        for r in csv.reader(fh):
            for cell in r:
                words |= {w.lower() for w in re.findall(r"[A-Za-z\u00c0-\u017f]+", cell)}
    return words


def _unaccented(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def build() -> list[tuple[str, str, int]]:
    """(name, gender, number of locales listing it), sorted by name."""
    excluded = _excluded()
    decided: dict[str, tuple[str, int]] = {}
    ambiguous: set[str] = set()
    for name, by_locale in locale_votes().items():
        kinds = set(by_locale.values())
        if len(kinds) != 1 or "both" in kinds:
            ambiguous.add(name)
            continue
        decided[name] = (kinds.pop(), len(by_locale))
    for name, (g, n) in list(decided.items()):
        plain = _unaccented(name)
        if plain == name:
            continue
        if plain in ambiguous or (plain in decided and decided[plain][0] != g):
            ambiguous.add(plain)
            decided.pop(plain, None)
        elif plain not in decided:
            decided[plain] = (g, n)
    rows = [(name, g, n) for name, (g, n) in decided.items()
            if name not in ambiguous and name.lower() not in excluded and len(name) > 1]
    return sorted(rows)


def main() -> int:
    rows = build()
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["first_name", "gender", "locales"])
        w.writerows(rows)
    print(f"{len(rows)} names ({sum(g == 'female' for _, g, _ in rows)} female) -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
