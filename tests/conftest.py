"""Shared fixtures: spaCy pipelines load once per test session."""

from __future__ import annotations

import pytest

from eventwire.config import load_config
from eventwire.pipeline import Pipeline, Resources


@pytest.fixture(scope="session")
def config():
    return load_config()


@pytest.fixture(scope="session")
def resources(config):
    return Resources(config)


@pytest.fixture(scope="session")
def pipeline(config):
    return Pipeline(config)


@pytest.fixture(scope="session")
def nlp_fr(pipeline):
    return pipeline.nlp("fr")


@pytest.fixture(scope="session")
def nlp_en(pipeline):
    return pipeline.nlp("en")
