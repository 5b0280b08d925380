"""Shared fixtures: spaCy pipelines load once per test session."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from eventwire.config import load_config
from eventwire.pipeline import Pipeline, Resources, models_for

pytest_plugins = ["_postgres"]  # the pg_url fixture: a real PostgreSQL schema per test (skips without a server)

# every property test is derandomized under make test, so CI is repeatable and a red build is a change's
# doing; make fuzz (EVENTWIRE_FUZZ_EXAMPLES) explores at random and finds the new cases to pin with @example
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if "EVENTWIRE_FUZZ_EXAMPLES" in os.environ else "repeatable")


@pytest.fixture(scope="session")
def config():
    return load_config()


@pytest.fixture(scope="session")
def resources(config):
    return Resources(config)


@pytest.fixture(scope="session")
def date_stage(resources):
    """The date stage on the shared resources (the ``tests/test_dates_*`` stage tests). Session scope: its
    only state is a cache of which languages have a ``dates.yaml``, read from the same session config."""
    from eventwire.dates import DateStage

    return DateStage(resources)


@pytest.fixture(scope="session")
def pipeline(config):
    return Pipeline(config)


@pytest.fixture(scope="session")
def keep_sourceless_pipeline(config):
    """The shipped judges with every sourceless candidate kept (``null_threshold`` 0): for tests of which
    source, if any, the context gives an event whose clause names none, apart from the operating point
    the judge is trained to (French keeps no sourceless event without a context source)."""
    from dataclasses import replace

    from eventwire.coding.judge import load_judge, model_path

    pipe = Pipeline(config)
    for lang in ("fr", "en"):
        pipe.resources.put(f"coding-judge-{lang}", replace(load_judge(model_path(lang)), null_threshold=0.0))
    return pipe


@pytest.fixture(scope="session")
def rules_pipeline():
    """The rule coder alone (``judge = "rules"``): for tests of what a rule decides and how sure it is,
    apart from the learned judge that has the last word by default."""
    return Pipeline(load_config(overrides={"judge": "rules"}))


@pytest.fixture(scope="session")
def fr():
    """The compiled French date grammar."""
    from eventwire.dates.vocab import compile_grammar, load_vocab
    return compile_grammar(load_vocab("fr"))


@pytest.fixture(scope="session")
def en():
    """The compiled English date grammar."""
    from eventwire.dates.vocab import compile_grammar, load_vocab
    return compile_grammar(load_vocab("en"))


@pytest.fixture(scope="session")
def nlp_fr(config):
    from eventwire import nlp

    return nlp.get_nlp("fr", models_for(config, "fr"))  # the spaCy model alone, whichever coder a test runs


@pytest.fixture(scope="session")
def nlp_en(config):
    from eventwire import nlp

    return nlp.get_nlp("en", models_for(config, "en"))


@pytest.fixture(scope="session", autouse=True)
def _gazetteer_cache(tmp_path_factory):
    """Build the gazetteer in pytest's temp area, never in the user's real cache, and read no GeoNames
    dump the user imported (``EVENTWIRE_DATA``: an empty folder of this run).

    The cache folder sits beside pytest's per-run base dir, so later runs reuse the build."""
    import os

    cache = tmp_path_factory.getbasetemp().parent / "eventwire-cache"
    saved = {k: os.environ.get(k) for k in ("EVENTWIRE_CACHE", "EVENTWIRE_DATA")}
    os.environ["EVENTWIRE_CACHE"] = str(cache)
    os.environ["EVENTWIRE_DATA"] = str(tmp_path_factory.mktemp("eventwire-data"))
    yield cache
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def collected():
    """``collected(text, lang)``: the candidates the coder asks the judge about, with their features
    (the records ``make train`` learns from): every candidate is recorded, whatever the judge would
    keep. One pipeline per language (actors, quotes, coder), a fresh collecting judge per text."""
    from eventwire.coding.judge import Judge
    from eventwire.records import Article

    pipes: dict[str, Pipeline] = {}

    def run(text: str, lang: str) -> list[dict]:
        pipe = pipes.get(lang)
        if pipe is None:
            pipe = pipes[lang] = Pipeline(load_config(overrides={"languages": [lang],
                                                                 "stages": ["actors", "quotes", "coder"]}))
        judge = Judge(collect=[])
        pipe.resources.put(f"coding-judge-{lang}", judge)
        pipe.analyze(Article(id="t", text=text, language=lang, published="2019-03-02"))
        return [r for r in judge.collect or [] if "span" in r]
    return run


@pytest.fixture(scope="session")
def analysed(pipeline):
    """``analysed(text, lang)``: every stage of the default pipeline on one short article."""
    from eventwire.records import Article

    def run(text: str, lang: str):
        return pipeline.analyze(Article(id="t", text=text, language=lang, published="2019-03-02"))
    return run


@pytest.fixture(scope="session")
def events_of(analysed):
    """``events_of(text, lang)``: the events of :func:`analysed`."""
    return lambda text, lang: analysed(text, lang).events
