"""PLOVER coder: placeholder until the rule coder lands."""
from __future__ import annotations
from ..records import Analysis

class CoderStage:
    def __init__(self, resources) -> None:
        self.resources = resources
    def __call__(self, a: Analysis) -> Analysis:
        return a
