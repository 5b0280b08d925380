"""The pipeline stage ``actors``: every actor mention of an article, from the shared resolver."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import Analysis
from .resolve import resolver_for

if TYPE_CHECKING:
    from ..pipeline import Resources


class ActorStage:
    """Pipeline stage ``actors``: fills ``analysis.actors`` with every actor mention."""

    name = "actors"
    reads = ("doc",)
    writes = ("actors",)

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, analysis: Analysis) -> Analysis:
        resolver = resolver_for(self.resources, analysis.article.language or "en")
        actors = resolver.mentions(analysis.doc, analysis.article.published)
        return replace(analysis, actors=actors)
