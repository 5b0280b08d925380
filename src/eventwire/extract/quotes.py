"""Quotes and attribution: placeholder until the quote module lands."""
from __future__ import annotations
from dataclasses import replace
from ..records import Analysis, Attribution

class QuoteStage:
    def __init__(self, resources) -> None:
        self.resources = resources
    def __call__(self, a: Analysis) -> Analysis:
        return a

class AttributionStage:
    def __init__(self, resources) -> None:
        self.resources = resources
    def __call__(self, a: Analysis) -> Analysis:
        return replace(a, events=tuple(replace(e, attribution=e.attribution or Attribution("author")) for e in a.events))
