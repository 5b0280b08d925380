"""Actors: placeholder (NER only) until the actor dictionary lands."""
from __future__ import annotations
from dataclasses import replace
from ..records import Actor, Analysis

class ActorStage:
    def __init__(self, resources) -> None:
        self.resources = resources
    def __call__(self, a: Analysis) -> Analysis:
        acts = tuple(Actor(text=e.text, name=e.text, span=(e.start_char, e.end_char))
                     for e in a.doc.ents if e.label_ in ("PER", "PERSON", "ORG", "NORP", "GPE", "LOC"))
        return replace(a, actors=acts)


class ActorResolver:
    """Interface the coder uses: the actor a noun phrase (spaCy Span) refers to."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def resolve(self, span) -> Actor | None:  # span: spacy.tokens.Span
        for e in span.ents:
            return Actor(text=e.text, name=e.text, span=(e.start_char, e.end_char))
        return None


def resolver_for(resources, lang: str) -> ActorResolver:
    return resources.get(f"actor-resolver-{lang}", lambda cfg: ActorResolver(lang))
