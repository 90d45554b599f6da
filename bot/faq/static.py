"""Static word vectors distilled from a sentence-embedding model, for meaning without torch.

The optional ``semantic`` extra runs all-MiniLM-L6-v2 on every question: accurate, but it
needs torch and milliseconds of CPU. ``bench/faq_distill.py`` instead ran that model once on
each word of a general English vocabulary and shipped the result (``bot/data/faq_vectors.bin``,
64 dimensions, int8, about 2.4 MB). A text's vector is the normalised sum of its words' unit
vectors; comparing a question with an entry then costs one small matrix product, and a word
no synonym list links to the FAQ still counts ("pricey" lies nearer "price" than "parking").

numpy is imported only when the vectors are loaded, so importing the bot stays light.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from collections.abc import Iterable
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["FILE_NAME", "StaticVectors", "encode_file", "load_static_vectors", "read_header"]

FILE_NAME = "faq_vectors.bin"
MAGIC = b"IOPFAQVEC1\n"
_LENGTH_BYTES = 4

log = logging.getLogger(__name__)


class StaticVectors:
    """Word -> vector lookups over the shipped table, and unit vectors for whole texts."""

    def __init__(self, words: list[str], values: NDArray[np.int8], scales: NDArray[np.float32]) -> None:
        self.dims = int(values.shape[1])
        self._index = {word: row for row, word in enumerate(words)}
        self._values = values
        self._scales = scales

    def __contains__(self, word: object) -> bool:
        return word in self._index

    def text_vector(self, words: Iterable[str]) -> NDArray[np.float32] | None:
        """Unit-length sum of the known words' vectors; None when none is known."""
        rows = [self._index[w] for w in words if w in self._index]
        if not rows:
            return None
        # float32 before the product: in int8 it would overflow
        vector = self._scales[rows] @ self._values[rows].astype("float32")
        norm = float((vector @ vector) ** 0.5)
        return vector / norm if norm else None


def encode_file(words: list[str], values: bytes, scales: bytes, dims: int, settings: dict[str, object]) -> bytes:
    """The file layout: magic, header length, JSON header, then the payload it describes."""
    blob = "\n".join(words).encode("utf-8")
    payload = len(blob).to_bytes(_LENGTH_BYTES, "little") + blob + values + scales
    header = {
        **settings,
        "count": len(words),
        "dims": dims,
        "payload_sha256": hashlib.sha256(payload).hexdigest(),
    }
    encoded = json.dumps(header, sort_keys=True).encode("utf-8")
    return MAGIC + len(encoded).to_bytes(_LENGTH_BYTES, "little") + encoded + payload


def read_header(data: bytes) -> tuple[dict[str, Any], bytes]:
    """The header and the payload; ValueError if the file is not one of ours or is damaged."""
    if not data.startswith(MAGIC):
        raise ValueError("not an FAQ vector file")
    start = len(MAGIC) + _LENGTH_BYTES
    length = int.from_bytes(data[len(MAGIC) : start], "little")
    header: dict[str, Any] = json.loads(data[start : start + length])
    payload = data[start + length :]
    if hashlib.sha256(payload).hexdigest() != header["payload_sha256"]:
        raise ValueError("FAQ vector file is damaged: checksum differs")
    return header, payload


def decode_file(data: bytes) -> StaticVectors:
    """The vectors in a file written by ``encode_file``."""
    import numpy

    header, payload = read_header(data)
    count, dims = int(header["count"]), int(header["dims"])
    blob_end = _LENGTH_BYTES + int.from_bytes(payload[:_LENGTH_BYTES], "little")
    words = payload[_LENGTH_BYTES:blob_end].decode("utf-8").split("\n")
    values_end = blob_end + count * dims
    values = numpy.frombuffer(payload, dtype=numpy.int8, count=count * dims, offset=blob_end).reshape(count, dims)
    scales = numpy.frombuffer(payload, dtype="<f2", count=count, offset=values_end).astype(numpy.float32)
    if len(words) != count:
        raise ValueError("FAQ vector file is damaged: word count differs")
    return StaticVectors(words, values, scales)


@functools.cache
def load_static_vectors() -> StaticVectors | None:
    """The shipped vectors, read once per process; None if the file or numpy is missing.

    Without them the lookup still works, a little less accurately, so a broken install
    costs accuracy, not the FAQ.
    """
    try:
        data = resources.files("bot").joinpath("data", FILE_NAME).read_bytes()
        return decode_file(data)
    except (FileNotFoundError, ImportError):
        log.warning("FAQ word vectors unavailable (file or numpy missing): lookup runs without them")
    except ValueError as exc:
        log.warning("FAQ word vectors unusable (%s): lookup runs without them", exc)
    return None
