"""The OpenAPI 3.1 description of the explorer's JSON API (served at ``/-/eventwire/openapi.json``).

Every page reads one of these endpoints: the events table, the map and the timeline read Datasette's
table JSON (so they share its filters), the article and actor pages have their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._version import __version__

_OBJECT = {"type": "object"}
_JSON = {"application/json": {"schema": _OBJECT}}


def _param(name: str, schema: dict[str, Any], where: str = "query", text: str = "") -> dict[str, Any]:
    p: dict[str, Any] = {"name": name, "in": where, "schema": schema, "description": text}
    if where == "path":
        p["required"] = True
    return p


def _events_params(facets: Sequence[str]) -> list[dict[str, Any]]:
    text = {"type": "string"}
    params = [
        _param("_search", text, text="full-text search in the events' articles (title and text)"),
        _param("_shape", {"type": "string", "enum": ["objects", "array", "arrays", "object"]}),
        _param("_size", {"oneOf": [{"type": "integer", "minimum": 1, "maximum": 5000},
                                   {"type": "string", "enum": ["max"]}]}),
        _param("_next", text, text="the `next` token of the previous page"),
        _param("_sort", text), _param("_sort_desc", text),
        _param("_nofacet", {"type": "string", "enum": ["1"]}), _param("_nocount", {"type": "string", "enum": ["1"]}),
        _param("date_value__gte", text, text="ISO date (prefix): events dated on or after"),
        _param("date_value__lte", text, text="ISO date (prefix): events dated on or before"),
        _param("confidence__gte", {"type": "number"}),
        _param("location_country", text), _param("source_country", text), _param("target_country", text),
    ]
    params += [_param(f, text, text=f"exact value of {f} (facet)") for f in facets]
    return params


def openapi_document(events_json: str, facets: Sequence[str]) -> dict[str, Any]:
    """The description; ``events_json`` is the path of Datasette's events table JSON."""
    ok_or_404 = {"200": {"description": "found", "content": _JSON},
                 "404": {"description": "not in the store", "content": _JSON}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "eventwire explorer", "version": __version__,
                 "description": "Read-only JSON over an eventwire store (docs/explorer.md)."},
        "paths": {
            events_json: {"get": {
                "summary": "Events, filtered, searched, paged (Datasette's table JSON)",
                "operationId": "events", "parameters": _events_params(facets),
                "responses": {"200": {"description": "a page of events", "content": _JSON},
                              "400": {"description": "bad filter", "content": _JSON}}}},
            "/-/eventwire/api/article/{article_id}": {"get": {
                "summary": "An article, its events (SCHEMA.md records), quotes and rejected candidates",
                "operationId": "article",
                "parameters": [_param("article_id", {"type": "string", "minLength": 1}, "path")],
                "responses": ok_or_404}},
            "/-/eventwire/api/actor/{name}": {"get": {
                "summary": "What an actor did (source), underwent (target) and said, by month",
                "operationId": "actor", "parameters": [_param("name", {"type": "string", "minLength": 1}, "path")],
                "responses": ok_or_404}},
            "/-/eventwire/api/summary": {"get": {
                "summary": "Counts: articles, events, quotes, located events, actors, events by type",
                "operationId": "summary", "responses": {"200": {"description": "counts", "content": _JSON}}}},
        },
    }
