"""read_inputs feeds the pipeline: articles are identified and parsed, errors pass through."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.ingest import read_inputs

DATA = Path(__file__).parent / "data" / "ingest"


@pytest.mark.slow
def test_ingest_pipeline_processes_fixture_directory(pipeline, config):
    results = list(pipeline.process(read_inputs([DATA], config=config)))
    ok = {r.article.id: r.article.language for r in results if r.ok}
    errors = [(r.error.article_id, r.error.code) for r in results if not r.ok]
    assert ok == {"article-cp1252": "fr", "article-en": "en", "article-fr": "fr", "communique-fr": "fr",
                  "fr-1": "fr", "en-2": "en", "fr-html": "fr", "statement-en": "en"}
    assert errors == [("no-article", "E110"), ("records:2", "E105"), ("records:5", "E105"),
                      ("records:6", "E106"), ("no-text", "E106")]
