"""eventwire: news articles in, evidence-linked PLOVER events out.

>>> import eventwire
>>> events = eventwire.extract("Le Hezbollah a menacé Israël mercredi.", published="2020-11-05")  # doctest: +SKIP

Importing the package does no work: models and data load on first use.
"""

from __future__ import annotations

import logging

from ._version import __version__
from .config import Config, load_config
from .errors import EventwireError
from .pipeline import Pipeline, extract
from .records import Actor, Analysis, Article, Attribution, DocumentError, Event, Place, Quote, Result, When
from .store import open_store

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "__version__", "Actor", "Analysis", "Article", "Attribution", "Config", "DocumentError", "Event",
    "EventwireError", "Pipeline", "Place", "Quote", "Result", "When", "extract", "load_config", "open_store",
]
