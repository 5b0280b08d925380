"""DateStage: English wire copy names the day of every act but the dispatch's own, so a stance told
with no date of its own after a dated sentence is the article's day (``article_day_types``);
French keeps the narrative frame (hand-written sentences)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from _dates import run  # noqa: E402
from eventwire.records import Analysis

pytestmark = pytest.mark.slow  # parses with the spaCy models


def _typed(date_stage, nlp, text, triggers, types, published, lang):
    """Run the stage with the events typed as given (``run`` makes ASSAULT events)."""
    first = run(date_stage, nlp, text, triggers, published=published, lang=lang)
    events = tuple(replace(e, type=t, date=None) for e, t in zip(first.events, types, strict=True))
    return date_stage(Analysis(article=first.article, doc=first.doc, events=events)).events


def test_english_stance_after_a_dated_sentence_is_the_article_day(date_stage, nlp_en):
    text = ("The two rival parties signed a truce on Monday after talks in the capital. "
            "The opposition leader rejected a call for early elections.")
    agreed, rejected = _typed(date_stage, nlp_en, text, ["signed", "rejected"], ["AGREE", "REJECT"],
                              "2022-05-11", "en")
    assert agreed.date.value == "2022-05-09"
    assert (rejected.date.value, rejected.date.flags) == ("2022-05-11", ("from-published",))


def test_english_act_after_a_dated_sentence_keeps_the_frame(date_stage, nlp_en):
    text = ("The two rival parties signed a truce on Monday after talks in the capital. "
            "Gunmen attacked a convoy near the border.")
    _, attacked = _typed(date_stage, nlp_en, text, ["signed", "attacked"], ["AGREE", "ASSAULT"], "2022-05-11", "en")
    assert attacked.date.value == "2022-05-09" and "via-context" in attacked.date.flags


def test_french_stance_keeps_the_narrative_frame(date_stage, nlp_fr):
    text = ("Les deux partis rivaux ont signé une trêve lundi après des pourparlers dans la capitale. "
            "Le chef de l'opposition a rejeté un appel à des élections anticipées.")
    _, rejected = _typed(date_stage, nlp_fr, text, ["ont signé", "a rejeté"], ["AGREE", "REJECT"], "2022-05-11", "fr")
    assert rejected.date.value == "2022-05-09"  # the frame (via-context or via-story)
