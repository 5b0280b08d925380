"""Coding: PLOVER events from a parsed article (see ``docs/coding.md``).

The public face of the concern: the pipeline's ``coder``, ``merge`` and ``counterparts`` stages and the
``eventwire coverage`` report. The rest is private to the package: ``lexicon`` (trigger lexicons and the
coder's word lists, from the language folders), ``match`` (lexicon candidates in a sentence), ``arguments``
with ``arg_base``/``arg_actors``/``arg_verbs``/``arg_nouns`` (sources and targets over the dependency
parse), ``modality`` (negation, hypotheticals), ``judge`` (the learned judge), ``context_source``
(sources inferred from the article), ``coder`` (the stage), ``merge`` (one event per occasion),
``counterparts`` (targets checked and inferred), ``coverage`` and ``train`` (``make train``).
"""

from .coder import CoderStage
from .counterparts import CounterpartStage
from .coverage import STAGES as COVERAGE_STAGES
from .coverage import coverage, format_report
from .merge import MergeStage

__all__ = ["COVERAGE_STAGES", "CoderStage", "CounterpartStage", "MergeStage", "coverage", "format_report"]
