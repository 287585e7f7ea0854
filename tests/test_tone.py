"""Target-dependent tone (analysis/map/tone.py): sentences of our own, the shipped model, held-out dev."""
from __future__ import annotations

import doctest
import hashlib
import importlib.util
import json
import math
import sys

import pytest

from analysis.map import tone as T
from analysis.config import ROOT, SHARED_DIR
from analysis.map.sentiment import target_tone

NEWSMTSC = SHARED_DIR / "corpora" / "newsmtsc" / "train.jsonl"
needs_newsmtsc = pytest.mark.skipif(not NEWSMTSC.exists(), reason=f"{NEWSMTSC} absent (shared NewsMTSC train split)")


def tone_of(sentence: str, mention: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = sentence.index(mention, start + 1)
    return target_tone(sentence, start, start + len(mention))


def _script():
    spec = importlib.util.spec_from_file_location("build_tone_model", ROOT / "scripts" / "build_tone_model.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_tone_model", mod)
    spec.loader.exec_module(mod)
    return mod


def test_doctests():
    res = doctest.testmod(T)
    assert res.attempted > 0 and res.failed == 0


# (sentence, more negative target, less negative target): a reader sees a clear difference
TWO_TARGETS = [
    ("Police arrested Johnson after Miller reported the theft.", "Johnson", "Miller"),
    ("Smith thanked Jones for her generous help.", "Smith", "Jones"),  # Jones is the one praised (ROLE:OBJ)
    ("Voters rejected Taylor and elected Brown by a wide margin.", "Taylor", "Brown"),
    ("Williams defeated Davis in a landslide.", "Davis", "Williams"),
    ("Garcia accused Wilson of lying about the payments.", "Wilson", "Garcia"),
    ("The committee honored Martinez, while Anderson was charged with fraud.", "Anderson", "Martinez"),
    pytest.param("“Clark is a disgrace,” said Lewis.", "Clark", "Lewis",  # labels right, scores not ordered
                 marks=pytest.mark.xfail(strict=True, reason="known miss: 'disgrace' is rare in the training data; "
                                         "Clark scores near 0 (+0.04 with newsmtsc-logreg-v2)")),
    ("“Walker has been a wonderful mayor,” Hall said.", "Hall", "Walker"),
    ("Trump attacked Clinton.", "Clinton", "Trump"),
]


@pytest.mark.parametrize("sentence, lower, higher", TWO_TARGETS)
def test_two_targets_in_one_sentence_differ(sentence, lower, higher):
    a, b = tone_of(sentence, lower), tone_of(sentence, higher)
    assert a.score < b.score, f"{sentence!r}: {lower} {a.score:+.2f} should be below {higher} {b.score:+.2f}"


@pytest.mark.parametrize("sentence, lower, higher", [
    ("Trump attacked Clinton.", "Clinton", "Trump"),
    pytest.param("“Clark is a disgrace,” said Lewis.", "Clark", "Lewis",
                 marks=pytest.mark.xfail(strict=True, reason="known miss since newsmtsc-logreg-v2 (balanced "
                                         "classes): 'disgrace' is unknown to the training data and the lexicon "
                                         "(a vice/virtue class did not help cross-validation), Clark scores ~0")),
])
def test_two_targets_get_different_labels(sentence, lower, higher):
    # the clearest pairs: one target's label is negative, the other's is not
    assert tone_of(sentence, lower).label == "negative"
    assert tone_of(sentence, higher).label != "negative"


# (sentence, mention, label a reader gives); written before looking at the model's answers
LABELLED = [
    ("Thomas is a corrupt and dishonest politician.", "Thomas", "negative"),
    ("Young was sentenced to ten years in prison for fraud.", "Young", "negative"),
    ("Scott resigned amid a growing sexual harassment scandal.", "Scott", "negative"),
    ("Critics say Moore did a terrible job.", "Moore", "negative"),
    ("King won the award for her brilliant reporting.", "King", "positive"),
    ("Hill was widely celebrated for the historic peace deal.", "Hill", "positive"),
    ("Wright will travel to Ohio on Tuesday.", "Wright", "neutral"),
    ("Lopez announced the schedule for the meeting.", "Lopez", "neutral"),
    ("Green was born in Texas and studied law.", "Green", "neutral"),
    ("Adams is a brave and honest leader, her colleagues say.", "Adams", "positive"),
]


@pytest.mark.parametrize("sentence, mention, label", LABELLED)
def test_labels_of_clear_sentences(sentence, mention, label):
    t = tone_of(sentence, mention)
    assert t.label == label, f"{sentence!r}: {mention} got {t.label} ({t.score:+.2f}), a reader says {label}"


# negation: the negated sentence must be scored above the plain one
NEGATION = [
    ("Thomas is a corrupt politician.", "Thomas is not a corrupt politician.", "Thomas"),
    ("Baker lied to investigators.", "Baker never lied to investigators.", "Baker"),
]


@pytest.mark.parametrize("plain, negated, mention", NEGATION)
def test_negation_raises_the_tone(plain, negated, mention):
    assert tone_of(negated, mention).score > tone_of(plain, mention).score


def test_quoted_subject_versus_speaker():
    s = "“Evans is a liar and a fraud,” Parker told reporters."
    assert tone_of(s, "Evans").score < tone_of(s, "Parker").score
    assert T.features(s, s.index("Evans"), s.index("Evans") + 5).get("Q:inside") == 1.0
    assert "Q:inside" not in T.features(s, s.index("Parker"), s.index("Parker") + 6)


def test_name_itself_is_not_a_feature():
    # the tone comes from the sentence, not from who is named
    a = tone_of("Obama was booed by the angry crowd.", "Obama")
    b = tone_of("Bloggs was booed by the angry crowd.", "Bloggs")
    assert a == b


def test_tone_object():
    t = tone_of("Critics slammed Smith for the disastrous deal.", "Smith")
    assert t.label in T.LABELS and -1 <= t.score <= 1
    assert math.isclose(t.negative + t.neutral + t.positive, 1.0)
    assert math.isclose(t.score, t.positive - t.negative)
    assert t.label == max(zip((t.negative, t.neutral, t.positive), T.LABELS))[1]


def test_sentence_found_in_a_longer_text():
    first = "Critics slammed Smith for the disastrous deal."
    text = f"Jones opened the meeting on Monday. {first} Brown will speak next.\n\nAnother paragraph."
    s = text.index("Smith")
    whole = target_tone(text, s, s + 5)
    alone = tone_of(first, "Smith")
    given = target_tone(text, s, s + 5, sentence=(text.index(first), text.index(first) + len(first)))
    assert whole == alone == given


@pytest.mark.parametrize("text, start, end, error", [
    ("Smith won.", 3, 20, ValueError),
    ("Smith won.", -1, 2, ValueError),
    ("Smith won.", 5, 2, ValueError),
    (None, 0, 0, TypeError),
])
def test_bad_offsets_say_what_was_wrong(text, start, end, error):
    with pytest.raises(error, match="target_tone"):
        target_tone(text, start, end)


def test_empty_mention_context_is_neutral():
    assert target_tone("   ", 1, 2).label == "neutral"
    assert target_tone("", 0, 0).score == 0.0


@pytest.mark.parametrize("scores", [[0.1, 0.3], [-1.0, 1.0, 0.0, 0.5], [0.2] * 10, [0.9, 0.95, 1.0]])
def test_mean_interval_contains_mean_and_stays_in_range(scores):
    mean, low, high = T.mean_interval(scores)
    assert -1 <= low <= mean <= high <= 1
    assert math.isclose(mean, sum(scores) / len(scores))


def test_mean_interval_narrows_with_more_mentions():
    few = T.mean_interval([0.1, -0.3, 0.4, -0.2])
    many = T.mean_interval([0.1, -0.3, 0.4, -0.2] * 10)
    assert many[2] - many[1] < few[2] - few[1]
    with pytest.raises(ValueError):
        T.mean_interval([])


def test_t_quantiles_near_exact():
    assert abs(T._t975(40) - 2.021) < 0.002 and abs(T._t975(120) - 1.980) < 0.002


def test_distinct_spans_drop_overlaps():
    assert T.distinct_spans([(0, 5, 1), (0, 13, 1), (6, 13, 1), (20, 25, 2)]) == [(0, 13, 1), (20, 25, 2)]


# --------------------------------------------------------------------------- the model file

def test_model_file_is_small_and_names_its_method():
    data = json.loads(T.MODEL_FILE.read_text(encoding="utf-8"))
    assert T.MODEL_FILE.stat().st_size < 5_000_000
    assert data["method"] == T.method() == "newsmtsc-logreg-v2"
    assert data["features_version"] == T.FEATURES_VERSION
    assert data["classes"] == list(T.LABELS)
    assert len(data["weights"]) == data["training"]["features"]
    assert all(len(w) == 3 for w in data["weights"].values())


def test_no_scikit_learn_at_run_time():
    import subprocess

    # scikit-learn made unimportable: scoring still works (it is only the [train] extra)
    code = ("import sys; sys.modules['sklearn'] = None; import analysis.map.tone as T; "
            "print(T.target_tone('Critics slammed Smith.', 16, 21).label)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() in T.LABELS


@needs_newsmtsc
@pytest.mark.shared
def test_model_was_built_from_the_shared_train_split():
    data = json.loads(T.MODEL_FILE.read_text(encoding="utf-8"))
    assert data["training"]["data_sha256"] == hashlib.sha256(NEWSMTSC.read_bytes()).hexdigest()


@needs_newsmtsc
@pytest.mark.shared
def test_dev_split_keeps_articles_on_one_side():
    B = _script()
    items = B.read_items(NEWSMTSC)
    sides: dict[str, set] = {}
    for it in items:
        sides.setdefault(it["article"], set()).add(it["dev"])
    assert all(len(v) == 1 for v in sides.values())
    dev = sum(it["dev"] for it in items)
    assert 0.15 < dev / len(items) < 0.25


@needs_newsmtsc
@pytest.mark.shared
def test_held_out_dev_figures():
    B = _script()
    dev = [it for it in B.read_items(NEWSMTSC) if it["dev"]]
    tones = [target_tone(it["sentence"], it["start"], it["end"], sentence=(0, len(it["sentence"]))) for it in dev]
    got = B.f1_scores([it["label"] for it in dev], [t.label for t in tones])
    base = B.f1_scores([it["label"] for it in dev],
                       [B.baseline_label(B.sentiment(it["sentence"])[0]) for it in dev])
    assert got["macro_f1"] >= 0.58, got
    assert got["macro_f1"] >= base["macro_f1"] + 0.1, (got, base)
    assert min(got["f1"].values()) >= 0.5, got
    r = B.person_r(dev, [t.score for t in tones], min_mentions=5)
    assert r["persons"] >= 20 and r["r"] >= 0.5, r
    # the figures shipped in the model file are these
    shipped = T.model_info()["evaluation"]["dev"]
    assert math.isclose(shipped["macro_f1"], got["macro_f1"], abs_tol=1e-4)


@needs_newsmtsc
@pytest.mark.shared
@pytest.mark.slow
def test_shipped_model_is_what_the_script_builds():
    pytest.importorskip("sklearn", reason="scikit-learn (the [train] extra) is needed to rebuild the model")
    B = _script()
    shipped = json.loads(T.MODEL_FILE.read_text(encoding="utf-8"))
    rebuilt = B.build(NEWSMTSC, C=shipped["training"]["C"])
    assert rebuilt["intercept"] == pytest.approx(shipped["intercept"], abs=2e-3)
    a, b = shipped["weights"], rebuilt["weights"]
    common = a.keys() & b.keys()
    assert len(common) >= 0.99 * max(len(a), len(b))
    assert max(abs(x - y) for k in common for x, y in zip(a[k], b[k])) < 2e-3
    assert rebuilt["evaluation"]["dev"]["macro_f1"] == pytest.approx(shipped["evaluation"]["dev"]["macro_f1"],
                                                                     abs=2e-3)


def _reference_tone(sentence: str, start: int, end: int):
    return T.score_features(T.features(sentence, start, end))


def test_fast_scorer_equals_features_then_weights_bit_for_bit():
    # repeated words, negation, quotes, lexicon classes, mentions at either end and mid-token
    sentences = [
        "Critics slammed Smith for the disastrous, corrupt deal, and the deal failed, the critics said.",
        "“Jones is not a bad mayor,” Brown said, but Brown didn't praise Jones, and never praised the mayor.",
        "The the the, the; Smith: the (the) Smith's Smith’s allies attacked, attacked and attacked him.",
        "İstanbul’s “mayor” didn't say \"no\" — not ever, said Kelvin Ｋ.",
        "Smith",
    ]
    rnd = __import__("random").Random(7)
    n = 0
    for s in sentences:
        for _ in range(60):
            a = rnd.randrange(len(s))
            b = min(len(s), a + rnd.randrange(0, 20))
            assert T._fast_tone(s, a, b) == _reference_tone(s, a, b), (s, a, b)
            n += 1
    assert n == 300


@needs_newsmtsc
def test_fast_scorer_equals_reference_on_newsmtsc_targets():
    n = 0
    with open(NEWSMTSC, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % 7:
                continue
            item = json.loads(line)
            for t in item.get("targets", []):
                s = item["sentence_normalized"]
                assert T._fast_tone(s, t["from"], t["to"]) == _reference_tone(s, t["from"], t["to"])
                n += 1
    assert n > 500


def test_token_table_is_each_tokens_own_lookups():
    # _tokens looks each distinct token up once (tone._Words); the columns must be what looking
    # every token up in the lexicons one by one gives, negated scopes included
    pol = T._polarities()
    sentences = ["Critics never praised the corrupt deal, and the deal didn't fail, critics said.",
                 "“Jones is not a bad mayor,” Brown said; no one attacked him.",
                 "Smith’s allies won't stop: they attacked, attacked and attacked him.", ""]
    for s in sentences:
        T.clear_caches()
        starts, ends, toks, neg, depth, keys, lexc, pol_, brk, recs, kind, breaks, polar, lexi = T._tokens(s)
        assert [s[a:b].lower() for a, b in zip(starts, ends)] == list(toks)
        assert keys == tuple(("~" if n else "") + t for t, n in zip(toks, neg))
        assert lexc == tuple(None if T.LEXICON.get(t) is None else ("~" if n else "") + T.LEXICON[t]
                             for t, n in zip(toks, neg))
        assert pol_ == tuple(-0.5 * pol.get(t, 0.0) if n else pol.get(t, 0.0) for t, n in zip(toks, neg))
        assert recs == tuple(T._RECORDS[k] for k in keys)
        assert brk == tuple(t in T.CLAUSE_BREAK for t in toks)
        assert breaks == [i for i, b in enumerate(brk) if b] and polar == [i for i, p in enumerate(pol_) if p]
        assert lexi == [i for i, c in enumerate(lexc) if c is not None]
        if s:
            assert any(neg)


# --------------------------------------------------------------------------- roles (features v3)

def _roles(sentence: str, mention: str) -> dict:
    a = sentence.index(mention)
    return {k: v for k, v in T.features(sentence, a, a + len(mention)).items() if k.startswith(("ROLE:", "KC:"))}


@pytest.mark.parametrize("sentence, mention, feature", [
    ("Smith attacked Jones.", "Smith", "ROLE:SUBJ:attack"),
    ("Smith has repeatedly attacked Jones.", "Smith", "ROLE:SUBJ:attack"),  # 'has' is not passive
    ("Smith attacked Jones.", "Jones", "ROLE:OBJ:attack"),
    ("Smith attacked the former President Jones.", "Jones", "ROLE:OBJ:attack"),
    ("Jones was praised by Smith.", "Jones", "ROLE:PAT:praise"),
    ("Jones was praised by Smith.", "Smith", "ROLE:AGENT:praise"),
    ("Smith’s allies thanked Jones.", "Jones", "ROLE:OBJ:praise"),
    ("Smith did not praise Jones.", "Smith", "ROLE:SUBJ:~praise"),  # negated: its own class
])
def test_mention_roles(sentence, mention, feature):
    assert feature in _roles(sentence, mention)


def test_role_needs_the_verb_in_the_mentions_clause():
    # the verb is past a clause break: no role, and the class counts as outside the clause
    f = _roles("Smith, meanwhile, attacked Jones.", "Smith")
    assert not any(k.startswith("ROLE:SUBJ") for k in f)
    assert f["KC:Rout:attack"] == 1.0 and "KC:Rin:attack" not in f
    g = _roles("Critics slammed and attacked Smith.", "Smith")
    assert g["KC:Lin:attack"] == 3.0  # critics, slammed, attacked


def test_use_model_swaps_weights_and_forgets_their_caches():
    s = "Critics slammed Smith for the disastrous, corrupt deal."
    before = target_tone(s, 16, 21)
    saved = T.use_model(T._Model("empty", (0.0, 0.0, 0.0), {}, {}))
    try:
        t = target_tone(s, 16, 21)
        assert t.score == 0.0 and t.neutral == pytest.approx(1 / 3)  # no weights: uniform
    finally:
        T.use_model(saved)
    assert target_tone(s, 16, 21) == before
