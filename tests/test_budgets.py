"""Per-document budgets: a document over one is recorded with that budget's code, never truncated; the
batch goes on. The 20,000-word sentence ends within a second or two (it took 16 s and gave word-soup events)."""

from __future__ import annotations

import random
import time

import pytest

from eventwire.config import load_config
from eventwire.errors import ConfigError
from eventwire.pipeline import Pipeline
from eventwire.records import Article

pytestmark = pytest.mark.slow

GOOD = "Le gouvernement a menacé la Russie de nouvelles sanctions mardi à Paris."
WORDS = ("le la ministre armée a attaqué Paris Israël président menacé dit que les forces ont condamné "
         "manifestants police arrêté Russie sanctions").split()


def _soup(n: int, seed: int = 14) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def _codes(pipe: Pipeline, texts: list[str]) -> list[str | None]:
    arts = [Article(id=f"b{i}", text=t, language="fr") for i, t in enumerate(texts)]
    return [r.error.code if r.error else None for r in pipe.process(arts)]


def test_budgets_a_20000_word_sentence_is_refused_quickly_by_default(pipeline: Pipeline) -> None:
    pipeline.nlp("fr")
    t0 = time.perf_counter()
    results = list(pipeline.process([Article(id="soup", text=_soup(20_000), language="fr"),
                                     Article(id="good", text=GOOD, language="fr")]))
    took = time.perf_counter() - t0
    soup, good = results
    assert soup.error is not None and soup.error.code == "E142" and soup.events == ()
    assert "tokens" in soup.error.message and soup.error.stage == "parse"
    assert good.error is None and good.events                 # the batch goes on
    assert took < 5.0, took


def test_budgets_each_limit_has_its_own_code() -> None:
    many = " ".join(["Le ministre a parlé."] * 30)
    pipe = Pipeline(load_config(overrides={"max_sentences": 20, "max_sentence_tokens": 12, "max_chars": 400}))
    long_sentence = "Le ministre " + "très " * 20 + "a parlé."
    codes = _codes(pipe, [GOOD, many, long_sentence, GOOD + " " + "x" * 400])
    assert codes == [None, "E141", "E142", None]               # max_chars is checked when an Article is read
    from eventwire.ingest.clean import article_from_text

    with pytest.raises(Exception) as info:
        article_from_text(GOOD + " " + "x" * 400, config=pipe.config)
    assert getattr(info.value, "code", None) == "E140"


def test_budgets_seconds_stop_a_slow_document_with_e143() -> None:
    pipe = Pipeline(load_config(overrides={"max_seconds": 0.05}))
    pipe.nlp("fr")
    assert pipe.stages
    text = " ".join(_soup(60, seed=s)[:-1] + "." for s in range(40))   # 40 sentences of soup: slow stages
    t0 = time.perf_counter()
    (result,) = pipe.process([Article(id="slow", text=text, language="fr")])
    assert result.error is not None and result.error.code == "E143", result.error
    assert "max_seconds" in result.error.message and result.events == ()
    assert time.perf_counter() - t0 < 5.0
    (fine,) = Pipeline(load_config()).process([Article(id="ok", text=GOOD, language="fr")])
    assert fine.error is None


@pytest.mark.parametrize("key,value", [("max_sentences", 0), ("max_sentence_tokens", -3), ("max_seconds", 0),
                                       ("max_seconds", "1"), ("max_chars", 0), ("min_chars", -1)])
def test_budgets_bad_values_are_config_errors(key: str, value: object) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(overrides={key: value})
    assert info.value.code == "E003" and key in str(info.value)
