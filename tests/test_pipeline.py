"""Pipeline: stages built from config and checked; one bad document never sinks the batch."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.config import load_config
from eventwire.errors import ConfigError, ProcessingError
from eventwire.pipeline import Pipeline, Resources, build_stages, register
from eventwire.records import Article, DocumentError


class ExplodingStage:
    """Raises on documents that mention 'BOOM', as a buggy third-party stage would."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, analysis):
        if "BOOM" in analysis.article.text:
            raise ValueError("boom")
        if "REFUSE" in analysis.article.text:
            raise ProcessingError("this document is refused", code="E131")
        return replace(analysis, extras={"seen": True})


register("test-exploding", f"{__name__}:ExplodingStage", reads=["doc"], writes=["extras"])


def test_pipeline_unknown_stage_is_refused():
    with pytest.raises(ConfigError, match="unknown stage"):
        build_stages(load_config(overrides={"stages": ["nope"]}), Resources(load_config()))


def test_pipeline_stage_reading_unwritten_field_is_refused():
    cfg = load_config(overrides={"stages": ["coder"]})  # coder reads actors, quotes: nobody wrote them
    with pytest.raises(ConfigError, match="reads"):
        build_stages(cfg, Resources(cfg))


def test_pipeline_bad_documents_are_recorded_and_batch_goes_on():
    cfg = load_config(overrides={"stages": ["test-exploding"], "batch_size": 2})
    pipe = Pipeline(cfg)
    items = [
        Article(id="ok1", text="Le gouvernement a annoncé des mesures.", language="fr"),
        Article(id="bug", text="Le texte dit BOOM ici.", language="fr"),
        DocumentError("line-3", "read", "E105", "line 3 is not JSON"),
        Article(id="ref", text="Le texte dit REFUSE ici.", language="fr"),
        Article(id="ok2", text="The government announced new measures.", language="en"),
    ]
    results = list(pipe.process(items))
    assert [r.article.id if r.article else r.error.article_id for r in results] == \
        ["ok1", "bug", "line-3", "ref", "ok2"]
    assert [r.ok for r in results] == [True, False, False, False, True]
    assert results[1].error.code == "E130" and "boom" in results[1].error.message
    assert results[3].error.code == "E131"


def test_pipeline_workers_give_the_same_results_in_order():
    cfg = load_config(overrides={"stages": ["test-exploding"], "batch_size": 1})
    items = [Article(id=f"a{i}", text=f"Le ministre a parlé {i} fois. BOOM" if i == 2 else f"Texte numéro {i}.",
                     language="fr") for i in range(4)]
    one = [(r.article.id, r.ok) for r in Pipeline(cfg).process(items)]
    two = [(r.article.id, r.ok) for r in Pipeline(cfg).process(items, workers=2)]
    assert one == two == [("a0", True), ("a1", True), ("a2", False), ("a3", True)]


def test_pipeline_extract_stays_callable_after_stages_load():
    """Regression: a subpackage named ``extract`` once shadowed ``eventwire.extract`` after the first run."""
    import eventwire
    import eventwire.actors  # noqa: F401 - what every pipeline run imports

    assert callable(eventwire.extract)


def test_a_stage_that_cannot_be_built_is_a_coded_config_error():
    """Regression: a stage whose module does not import raised UnboundLocalError, not a coded error."""
    register("broken-for-test", "eventwire.no_such_module:Stage", reads=["doc"], writes=["events"])
    pipe = Pipeline(load_config(overrides={"stages": ["broken-for-test"]}))
    with pytest.raises(ConfigError) as err:
        list(pipe.process([Article(id="t", text="Le Hezbollah a menacé Israël.", language="fr")]))
    assert err.value.code == "E007" and "broken-for-test" in str(err.value)
