"""Build analysis/data/term_vectors.npz: word vectors over the project's own content terms.

The claim comparison (analysis/corpus/paraphrase.py) uses them to see that two claims say the same
thing in other words ("biggest advance" / "strongest gains"). They are trained with gensim's
word2vec (skip-gram) on the body texts of the public allsides-2015 corpus (Baly et al., EMNLP
2020, the Article-Bias-Prediction dataset; 3,230 news articles of 2015), tokenised exactly as
the claims are (``analysis.map.claims.terms``: lower-cased, stemmed content words), so a lookup
at run time needs no tokeniser of gensim's. Nothing is downloaded; gensim is needed only here:

    pip install -e '.[train]'
    python scripts/build_term_vectors.py [--corpus ../shared/corpora/allsides-2015]

The output is deterministic for a given corpus and gensim version (one worker thread, fixed
seed, PYTHONHASHSEED=0 set by the script itself): rerunning it reproduces the shipped file.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

if os.environ.get("PYTHONHASHSEED") != "0":  # word2vec's vocabulary order must not depend on hashing
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable, *sys.argv])

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.map import claims  # noqa: E402
from analysis.config import ALLSIDES_DIR, DATA_DIR  # noqa: E402

OUT = DATA_DIR / "term_vectors.npz"
DIM = 100
MIN_COUNT = 5
MAX_TERMS = 40_000
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")


def sentences(corpus: Path):
    """Content-term lists of every sentence of every article body, in file-name order."""
    for path in sorted(corpus.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        body = record.get("content_original") or ""
        for sent in _SENTENCE_END.split(body):
            toks = claims.terms(sent)
            if len(toks) >= 2:
                yield toks


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ALLSIDES_DIR)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"error: corpus folder {args.corpus} not found; pass --corpus DIR with the "
              "allsides-2015 JSON files", file=sys.stderr)
        return 2
    from gensim.models import Word2Vec

    sents = list(sentences(args.corpus))
    print(f"{len(sents):,} sentences, {sum(map(len, sents)):,} content terms")
    model = Word2Vec(sentences=sents, vector_size=DIM, window=5, min_count=MIN_COUNT, sg=1,
                     negative=10, sample=1e-4, epochs=15, workers=1, seed=1)
    words = model.wv.index_to_key[:MAX_TERMS]  # most frequent first
    vecs = np.stack([model.wv[w] for w in words]).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    # 8-bit quantised unit vectors: cosines within ~0.01 of float32, a quarter of the size
    q = np.clip(np.round(vecs * 127), -127, 127).astype(np.int8)
    np.savez_compressed(args.out, terms=np.array(words), vectors=q,
                        about=np.array(f"word2vec skip-gram dim={DIM} min_count={MIN_COUNT} "
                                       f"on {args.corpus.name} content terms; gensim"))
    print(f"{len(words):,} terms -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
