"""spaCy loading: once per process, and a line break always ends a sentence."""

from __future__ import annotations

import pytest

from eventwire import nlp as _nlp
from eventwire.errors import ModelError


def test_nlp_loads_once_per_process(pipeline):
    assert pipeline.nlp("fr") is pipeline.nlp("fr")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_nlp_line_break_starts_a_sentence(pipeline, lang):
    text = {"fr": "Le Parlement a voté une résolution\nLes forces américaines sont arrivées à la base.",
            "en": "Parliament voted a resolution\nUS forces arrived at the base."}[lang]
    doc = pipeline.nlp(lang)(text)
    assert all("\n" not in s.text.strip() for s in doc.sents)
    assert len(list(doc.sents)) == 2


def test_nlp_missing_model_is_a_clear_error():
    with pytest.raises(ModelError, match="no spaCy model installed for 'xx'"):
        _nlp.model_name("xx", ("xx_no_such_model_sm",))
