"""The eventwire explorer: a Datasette plugin over a store (``eventwire serve``, docs/explorer.md).

Datasette gives the events table (FTS search, facets, filters, CSV/JSON, its JSON API); this plugin
adds the pages Datasette has no notion of: the home page, an article with every event's evidence
highlighted, an actor over time, the map and the timeline (which read Datasette's own table JSON
with the table's query string, so their filters are the table's), a Parquet download of the current
filter, and an OpenAPI description of the JSON API. Everything it serves ships in the package
(``static/vendor`` holds the pinned front-end libraries, ``web/`` rebuilds it).

Importing this module imports Datasette; ``eventwire serve`` is the only caller.
"""

from __future__ import annotations

import io
import logging
import re
import urllib.parse
from pathlib import Path
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import Response, asgi_static
from markupsafe import Markup, escape

from ..records import PLOVER_TYPES
from . import queries
from .openapi import openapi_document

log = logging.getLogger(__name__)

PREFIX = "/-/eventwire"
STATIC = Path(__file__).resolve().parent / "static"

# one colour per PLOVER type (the map, the timeline, the article's event list)
TYPE_COLOURS: dict[str, str] = dict(zip(PLOVER_TYPES, (
    "#1b9e77", "#66a61e", "#a6d854", "#8da0cb", "#4daf4a", "#17becf", "#bcbd22", "#7570b3",
    "#e6ab02", "#a6761d", "#d95f02", "#e7298a", "#984ea3", "#666666", "#ff7f00", "#e41a1c"), strict=True))

# the columns the events table shows by default (the rest stay one click away: "columns")
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "article_pk", "type", "mode", "source_name", "source_country", "target_name", "target_country",
    "location_name", "location_country", "location_precision", "date_value", "date_precision",
    "attribution_kind", "attribution_speaker", "trigger_text", "negated", "hypothetical", "confidence", "rule",
)
FACETS: tuple[str, ...] = (
    "type", "mode", "source_name", "target_name", "location_country", "location_precision", "date_precision",
    "attribution_kind", "negated", "hypothetical", "source_inferred", "target_inferred",
)


def database_name(datasette: Any) -> str:
    """The store's database name in Datasette's URLs (the file's stem, or the plugin setting)."""
    config = datasette.plugin_config("eventwire") or {}
    return str(config.get("database") or next(iter(datasette.databases)))


def events_url(datasette: Any, query: str = "") -> str:
    """The events table with the default columns, plus ``query`` (already encoded)."""
    cols = "&".join(f"_col={c}" for c in EVENT_COLUMNS[1:])
    base = datasette.urls.table(database_name(datasette), "events")
    return f"{base}?{cols}" + (f"&{query}" if query else "")


def article_url(article_id: str, event_id: str | None = None) -> str:
    url = f"{PREFIX}/article/{urllib.parse.quote(article_id, safe='')}"
    return url + (f"#ev-{event_id}" if event_id else "")


def actor_url(name: str) -> str:
    return f"{PREFIX}/actor/{urllib.parse.quote(name, safe='')}"


# -- pages ---------------------------------------------------------------------------------------


async def _render(datasette: Any, request: Any, template: str, **context: Any) -> Response:
    base = {"ew_prefix": PREFIX, "ew_db": database_name(datasette), "ew_events_url": events_url(datasette),
            "ew_type_colours": TYPE_COLOURS, "ew_article_url": article_url, "ew_actor_url": actor_url}
    html = await datasette.render_template(f"eventwire/{template}", base | context, request=request)
    return Response.html(html)


def _var(request: Any, name: str) -> str:
    """A path variable, percent-decoded (Datasette routes on the raw path)."""
    return urllib.parse.unquote(request.url_vars[name])


async def _not_found(datasette: Any, request: Any, message: str) -> Response:
    response = await _render(datasette, request, "not_found.html", message=message)
    response.status = 404
    return response


def _db(datasette: Any) -> Any:
    return datasette.get_database(database_name(datasette))


async def home(datasette: Any, request: Any) -> Response:
    counts = await queries.home_counts(_db(datasette))
    return await _render(datasette, request, "home.html", counts=counts)


async def article(datasette: Any, request: Any) -> Response:
    page = await queries.article_page(_db(datasette), _var(request, "article_id"))
    if page is None:
        return await _not_found(datasette, request, f"no article {_var(request, 'article_id')!r} in the store")
    events = [queries.event_json(e) for e in page.events]
    return await _render(datasette, request, "article.html", page=page, events=events,
                         data={"events": events, "quotes": [q.to_dict() for q in page.quotes]})


async def article_json(datasette: Any, request: Any) -> Response:
    page = await queries.article_page(_db(datasette), _var(request, "article_id"))
    if page is None:
        return Response.json({"ok": False, "error": "no such article"}, status=404)
    return Response.json(page.to_dict())


async def event(datasette: Any, request: Any) -> Response:
    event_id = _var(request, "event_id")
    article_id = await queries.article_id_of_event(_db(datasette), event_id)
    if article_id is None:
        return await _not_found(datasette, request, f"no event {event_id!r} in the store")
    return Response.redirect(article_url(article_id, event_id))


async def article_pk(datasette: Any, request: Any) -> Response:
    article_id = await queries.article_id_of_pk(_db(datasette), int(request.url_vars["pk"]))
    if article_id is None:
        return await _not_found(datasette, request, "no such article")
    return Response.redirect(article_url(article_id))


async def actor(datasette: Any, request: Any) -> Response:
    page = await queries.actor_page(_db(datasette), _var(request, "name"))
    if page is None:
        return await _not_found(datasette, request, f"no actor named {_var(request, 'name')!r} in the store")
    return await _render(datasette, request, "actor.html", page=page)


async def actor_json(datasette: Any, request: Any) -> Response:
    page = await queries.actor_page(_db(datasette), _var(request, "name"))
    if page is None:
        return Response.json({"ok": False, "error": "no such actor"}, status=404)
    return Response.json(page.to_dict())


async def map_page(datasette: Any, request: Any) -> Response:
    query = _filters(request)
    return await _render(datasette, request, "map.html", query=query,
                         table_json=datasette.urls.table(database_name(datasette), "events", format="json"),
                         table_url=events_url(datasette, query))


async def timeline(datasette: Any, request: Any) -> Response:
    """The timeline lives on the map page (brushing it filters the map): same filters, scrolled to it."""
    query = _filters(request)
    return Response.redirect(f"{PREFIX}/map" + (f"?{query}" if query else "") + "#ew-timeline")


async def summary_json(datasette: Any, request: Any) -> Response:
    return Response.json(await queries.home_counts(_db(datasette)))


async def openapi(datasette: Any, request: Any) -> Response:
    db = database_name(datasette)
    return Response.json(openapi_document(datasette.urls.table(db, "events", format="json"), FACETS))


def _filters(request: Any) -> str:
    """The request's query string less Datasette's paging and display arguments."""
    drop = {"_next", "_size", "_col", "_nocol", "_shape", "_facet", "_labels"}
    pairs = [(k, v) for k, v in urllib.parse.parse_qsl(request.query_string) if k not in drop]
    return urllib.parse.urlencode(pairs)


@hookimpl
def register_routes(datasette: Any) -> list[tuple[str, Any]]:
    return [
        (r"^/$", home),
        (rf"^{PREFIX}/?$", home),
        (rf"^{PREFIX}/static/(?P<path>.*)$", asgi_static(STATIC)),
        (rf"^{PREFIX}/api/article/(?P<article_id>.+)$", article_json),
        (rf"^{PREFIX}/api/actor/(?P<name>.+)$", actor_json),
        (rf"^{PREFIX}/api/summary$", summary_json),
        (rf"^{PREFIX}/openapi\.json$", openapi),
        (rf"^{PREFIX}/article/(?P<article_id>.+)$", article),
        (rf"^{PREFIX}/article-pk/(?P<pk>[0-9]+)$", article_pk),
        (rf"^{PREFIX}/event/(?P<event_id>[^/]+)$", event),
        (rf"^{PREFIX}/actor/(?P<name>.+)$", actor),
        (rf"^{PREFIX}/map$", map_page),
        (rf"^{PREFIX}/timeline$", timeline),
    ]


# -- the events table ------------------------------------------------------------------------------


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    """Events rows link to their article, the event highlighted (the article_pk column), and to their
    actors' pages; actors' names link to their pages."""
    if table == "actors" and column == "name" and value is not None:
        return Markup('<a href="{}">{}</a>').format(actor_url(str(value)), value)
    if table != "events" or value is None:
        return None
    if column == "article_pk":  # a foreign key: Datasette passes {"value": pk, "label": article id}
        label = value.get("label") if isinstance(value, dict) else value
        return Markup('<a href="{}" title="the article, this event highlighted">{}</a>').format(
            f"{PREFIX}/event/{urllib.parse.quote(str(row['event_id']), safe='')}", label)
    if column in ("source_name", "target_name", "attribution_speaker"):
        return Markup('<a href="{}">{}</a>').format(actor_url(str(value)), value)
    if column == "type":
        colour = TYPE_COLOURS.get(str(value), "#999")
        return Markup('<span class="ew-type" style="border-color:{}">{}</span>').format(colour, value)
    if column in ("record", "explanation") and isinstance(value, str) and len(value) > 200:
        return escape(value[:200] + "…")
    return None


# Content-Security-Policy: nothing is loaded from, or sent to, another origin; the explorer's own pages
# run no inline script at all (Datasette's table pages have a few inline scripts of their own).
_CSP_COMMON = ("default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
CSP_EXPLORER = _CSP_COMMON + "; script-src 'self'"
CSP_DATASETTE = _CSP_COMMON + "; script-src 'self' 'unsafe-inline'"


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    """Only GET and HEAD reach Datasette: the explorer has nothing to write (405 for the rest). Every
    response carries a Content-Security-Policy that keeps the page on this origin."""

    def wrap(app: Any) -> Any:
        async def read_only(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            if scope["method"] not in ("GET", "HEAD", "OPTIONS"):
                await Response.text("read-only: this explorer accepts GET only", status=405,
                                    headers={"allow": "GET, HEAD"}).asgi_send(send)
                return
            ours = scope["path"] == "/" or scope["path"].startswith(PREFIX)
            policy = (CSP_EXPLORER if ours else CSP_DATASETTE).encode()

            async def with_policy(message: dict[str, Any]) -> None:
                if message["type"] == "http.response.start":
                    headers = [h for h in message.get("headers", []) if h[0].lower() != b"content-security-policy"]
                    message = {**message, "headers": [*headers, (b"content-security-policy", policy),
                                                      (b"x-content-type-options", b"nosniff")]}
                await send(message)

            await app(scope, receive, with_policy)

        return read_only

    return wrap


# Datasette 0.65 answers these bad table arguments (?_sort=nosuchcolumn, ?_col=nosuchcolumn) with a 500;
# they are the client's mistake: 400 (found by the OpenAPI property test, tests/test_serve_app.py).
_BAD_ARGUMENTS = re.compile(r"^(Cannot sort table by |Cannot use _sort and _sort_desc|_(no)?col=.* - invalid columns)")


@hookimpl(tryfirst=True)
def handle_exception(datasette: Any, request: Any, exception: Exception) -> Any:
    """Errors as Datasette shows them, without its rich traceback printer: with rich installed, 0.65
    turns every plain 404 into a 500 (``print_exception`` outside an ``except`` block). Unexpected
    exceptions are logged with their traceback and answered 500."""
    from datasette.utils.asgi import Base400
    from datasette.views.base import DatasetteError

    title = None
    if isinstance(exception, Base400):
        status, message = exception.status, str(exception.args[0] if exception.args else "error")
    elif isinstance(exception, DatasetteError):
        status, message, title = exception.status, exception.message, exception.title
        if status == 500 and _BAD_ARGUMENTS.match(message):
            status = 400
    elif isinstance(exception, OverflowError):  # ?date_value__gte=9223372036854775808: SQLite has no such integer
        status, message = 400, f"a number in the request is out of range: {exception}"
    elif isinstance(exception, ValueError) and str(exception).startswith("invalid literal for int()"):
        # Datasette tests str.isdigit() before int(): "²" and other non-ASCII digits pass the one, fail the other
        status, message = 400, f"a number in the request is not a number: {exception}"
    else:
        log.error("explorer: %s %s failed", request.method, request.path, exc_info=exception)
        status, message = 500, "internal error (see the server's log)"

    async def respond() -> Response:
        info = {"ok": False, "error": message, "status": status, "title": title}
        if request.path.endswith(".json") or request.path.startswith(f"{PREFIX}/api/"):
            return Response.json(info, status=status)
        template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
        html = await template.render_async(dict(info, urls=datasette.urls, app_css_hash=datasette.app_css_hash(),
                                                menu_links=lambda: []))
        return Response.html(html, status=status)

    return respond


@hookimpl
def prepare_connection(conn: Any, database: str, datasette: Any) -> None:
    """Every connection Datasette opens on the store refuses writes (belt and braces: it opens the
    file with ``mode=ro`` already, and no page of the explorer writes)."""
    if database == database_name(datasette):
        conn.execute("PRAGMA query_only = 1")


@hookimpl
def extra_css_urls(datasette: Any) -> list[str]:
    return [f"{PREFIX}/static/explorer.css"]


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    return [{"href": PREFIX + "/", "label": "eventwire explorer"}, {"href": events_url(datasette), "label": "Events"},
            {"href": f"{PREFIX}/map", "label": "Map and timeline"}]


@hookimpl
def table_actions(datasette: Any, database: str, table: str, request: Any) -> list[dict[str, str]]:
    """The events table's cog menu: the map and timeline of the rows shown (same filters)."""
    if table != "events" or database != database_name(datasette):
        return []
    query = _filters(request)
    return [{"href": f"{PREFIX}/map" + (f"?{query}" if query else ""), "label": "Map and timeline of these events"}]


@hookimpl
def register_output_renderer(datasette: Any) -> dict[str, Any]:
    return {"extension": "parquet", "render": _parquet, "can_render": _can_parquet}


def _can_parquet(table: str | None, database: str, datasette: Any) -> bool:
    return table == "events" and database == database_name(datasette)


async def _parquet(datasette: Any, request: Any, database: str, table: str | None) -> Response:
    """Every event of the current filter (all pages), with the columns of ``eventwire export``."""
    from ..export import EVENT_EXPORT_COLUMNS, write_parquet

    ids: list[str] = []
    query = _filters(request)
    next_token: str | None = None
    base = datasette.urls.table(database, "events", format="json")
    while True:
        extra = "&_col=event_id&_shape=objects&_size=max&_nofacet=1&_nocount=1" + (
            f"&_next={urllib.parse.quote(next_token)}" if next_token else "")
        response = await datasette.client.get(f"{base}?{query}{extra}")
        if response.status_code != 200:
            return Response.text(response.text, status=response.status_code)
        body = response.json()
        ids += [r["event_id"] for r in body["rows"]]
        next_token = body.get("next")
        if not next_token:
            break
    rows = await _db(datasette).execute_fn(lambda conn: queries.export_rows(conn, ids))
    out = io.BytesIO()
    write_parquet(rows, EVENT_EXPORT_COLUMNS, out)
    headers = {"content-disposition": 'attachment; filename="events.parquet"'}
    return Response(out.getvalue(), content_type="application/vnd.apache.parquet", headers=headers)


def metadata(database: str, title: str = "eventwire explorer") -> dict[str, Any]:
    """Datasette metadata for a store: titles, default facets, the events search over the articles' FTS."""
    tables = {
        "events": {"facets": list(FACETS), "fts_table": "articles_fts", "fts_pk": "article_pk",
                   "sort_desc": "date_value", "label_column": "event_id",
                   "description": "Coded events; search looks in the articles' title and text."},
        "articles": {"label_column": "id", "sort_desc": "published"},
        "actors": {"label_column": "name"}, "places": {"label_column": "name"},
    }
    return {"title": title, "allow_sql": False, "plugins": {"eventwire": {"database": database}},
            "databases": {database: {"allow_sql": False, "tables": tables}}}


__all__ = ["PREFIX", "TYPE_COLOURS", "metadata"]
