"""Quotes, speakers and attribution.

The public face is the two pipeline stages and :func:`quote_at` (the coder asks it who speaks at
an offset); the rest is private to the package (``docs/attribution.md``): ``marks`` (quotations
from their marks), ``lexicon`` (``data/lang/<code>/reporting.yaml``), ``cues`` (reporting verbs
and phrases), ``speaker`` (speaker phrases), ``stage`` (the quote stage) and ``attribution``
(who says so, for every event).
"""

from .attribution import AttributionStage, quote_at
from .stage import QuoteStage

__all__ = ["AttributionStage", "QuoteStage", "quote_at"]
