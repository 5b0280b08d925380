"""The ``eventwire`` command line: thin commands over the Python API.

Every command calls the library; a library error (:class:`~eventwire.errors.EventwireError`)
becomes one ``Error: [Exxx] ...`` line and exit status 1 (a traceback only with
``--debug``). Documented, with examples, in ``docs/cli.md``.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from ._version import __version__
from .errors import EventwireError
from .records import PLOVER_TYPES, Actor, Article, Event, Quote, Result
from .store.base import RunStats, Store, Summary

F = TypeVar("F", bound=Callable[..., Any])

STYLES = {"evidence": "underline", "source": "bold green", "target": "bold magenta",
          "location": "bold cyan", "date": "bold yellow", "trigger": "bold white on red"}


@dataclass(frozen=True)
class CliState:
    """Global options, passed to commands as ``ctx.obj``."""

    debug: bool = False
    verbose: int = 0


class _Group(click.Group):
    """Turns library errors into one clean line (unless ``--debug``)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EventwireError as exc:
            if isinstance(ctx.obj, CliState) and ctx.obj.debug:
                raise
            raise click.ClickException(str(exc)) from exc
        except OSError as exc:
            if isinstance(ctx.obj, CliState) and ctx.obj.debug:
                raise
            raise click.ClickException(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-v info, -vv debug).")
@click.pass_context
def main(ctx: click.Context, debug: bool, verbose: int) -> None:
    """eventwire: news articles in, evidence-linked PLOVER events out."""
    ctx.obj = CliState(debug=debug, verbose=verbose)
    level = logging.DEBUG if verbose > 1 or debug else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(stream=sys.stderr, level=level, format="%(levelname)s %(name)s: %(message)s")


# -- reusable options ---------------------------------------------------------------------------


class StoreTarget(click.ParamType):
    """A store path (must exist unless ``create``) or a store URL (checked by ``open_store``)."""

    name = "PATH"

    def __init__(self, create: bool = False) -> None:
        self.create = create

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        if "://" in text or self.create:
            return text
        return str(click.Path(exists=True, dir_okay=False).convert(text, param, ctx))


def db_option(*, create: bool = False) -> Callable[[F], F]:
    helptext = "SQLite file (created if missing) or store URL." if create else "SQLite file or store URL."
    return click.option("--db", "db", required=True, type=StoreTarget(create), help=helptext)


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from .ingest import normalize_published

    if value is None:
        return None
    iso, warning = normalize_published(value)
    if iso is None:
        raise click.BadParameter(warning or "expected YYYY-MM-DD")
    return iso


def _date_bound(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--since/--until: YYYY-MM-DD, YYYY-MM or YYYY; anything else is an invalid date (exit 2)."""
    from .export import DateBoundError, bound

    if value is None:
        return None
    try:
        bound(value, param.name or "date", first=True)
    except DateBoundError as exc:
        raise click.BadParameter(str(exc).removeprefix("[E402] ")) from None
    return value.strip()


def _iso3(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"[A-Za-z]{3}", value):
        raise click.BadParameter("expected an ISO 3166-1 alpha-3 code such as IRQ")
    return value.upper() if value else None


def input_options(f: F) -> F:
    """INPUT... plus --published, --lang, --config."""
    f = click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False),
                     help="TOML file overriding the default settings.")(f)
    f = click.option("--lang", metavar="CODE",
                     help="Language of every input, one of the configured languages (skip detection).")(f)
    f = click.option("--published", callback=_iso_date, metavar="DATE",
                     help="Publication date (YYYY-MM-DD) for inputs that give none.")(f)
    path = click.Path(exists=True, allow_dash=True)
    return click.argument("inputs", nargs=-1, required=True, type=path, metavar="INPUT...")(f)


def workers_option(f: F) -> F:
    return click.option("--workers", type=click.IntRange(min=1), metavar="N",
                        help="Worker processes (default: config 'workers').")(f)


def filter_options(f: F) -> F:
    """--type, --since, --until, --country: which events."""
    f = click.option("--country", callback=_iso3, metavar="ISO3",
                     help="Source, target or location country.")(f)
    f = click.option("--until", callback=_date_bound, metavar="DATE",
                     help="Events whose date (day, week, month or year) starts on or before DATE.")(f)
    f = click.option("--since", callback=_date_bound, metavar="DATE",
                     help="Events whose date (day, week, month or year) ends on or after DATE.")(f)
    return click.option("--type", "type_", type=click.Choice(PLOVER_TYPES, case_sensitive=False),
                        help="PLOVER event type.")(f)


# -- helpers -------------------------------------------------------------------------------------


PIPE_WIDTH = 1000  # when stdout is a pipe or a file: no wrapping at rich's default 80 columns


def _stdout() -> Console:
    """Rich on stdout: the terminal's width, or ``COLUMNS``; piped, lines keep their length."""
    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return Console(highlight=False)
    return Console(highlight=False, width=PIPE_WIDTH)


def _stderr() -> Console:
    return Console(stderr=True, highlight=False)


def _pipeline(config_file: str | None) -> Any:
    from .config import load_config
    from .pipeline import Pipeline

    return Pipeline(load_config(config_file))


def _items(inputs: Sequence[str], pipeline: Any, published: str | None, lang: str | None) -> Iterator[Any]:
    from .ingest import read_inputs

    if lang is not None and lang not in pipeline.config.languages:
        raise click.BadParameter(f"'{lang}' is not a configured language ({', '.join(pipeline.config.languages)})",
                                 param_hint="'--lang'")
    return read_inputs(list(inputs), config=pipeline.config, published=published, lang=lang)


def _open(db: str) -> Store:
    from .store import open_store

    return open_store(db)


def _many(inputs: Sequence[str]) -> bool:
    """More than one document is likely: several inputs, a folder, a JSONL file or stdin."""
    from pathlib import Path

    return len(inputs) > 1 or any(i == "-" or Path(i).is_dir() or i.endswith(".jsonl") for i in inputs)


@contextmanager
def _progress(console: Console, enabled: bool, inputs: Sequence[str] = ()) -> Iterator[Callable[[], None]]:
    """A rich progress bar on ``console`` (a counter when the total is unknown, e.g. stdin);
    yields a function that counts one document."""
    if not enabled:
        yield lambda: None
        return
    from .ingest import count_documents

    total = count_documents(inputs)
    columns = ((SpinnerColumn(), TextColumn("{task.completed} documents"), TimeElapsedColumn()) if total is None
               else (BarColumn(), MofNCompleteColumn(), TextColumn("documents"), TimeElapsedColumn(),
                     TimeRemainingColumn()))
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("documents", total=total)
        yield lambda: progress.advance(task)


class Reporter:
    """Called with every result: errors, warnings (and with ``explain`` the coder's reasons) go to stderr."""

    def __init__(self, console: Console, tick: Callable[[], None], explain: bool = False) -> None:
        self.console, self.tick, self.explain = console, tick, explain

    def __call__(self, result: Result) -> None:
        self.tick()
        if result.error is not None:
            e = result.error
            line = f"error: {e.source or e.article_id}: [{e.code}] {e.message}"
            self.console.print(Text(line), soft_wrap=True)
        a = result.article
        for warned in a.warnings if a is not None else ():
            self.console.print(Text(f"warning: {a.source or a.id}: {warned}"), soft_wrap=True)  # type: ignore[union-attr]
        if self.explain:
            for line in explain_lines(result):
                self.console.print(Text(line), soft_wrap=True)


def explain_lines(result: Result) -> list[str]:
    """One line per event (rule and trigger) and per rejected candidate (reason)."""
    aid = result.article.id if result.article else (result.error.article_id if result.error else "?")
    lines = [f"explain: {aid}: {e.type} rule={e.rule or '-'} trigger={e.trigger.text!r} "
             f"{_at(e.trigger.span)} confidence={e.confidence:.2f}" for e in result.events]
    lines += [f"explain: {aid}: rejected {r.type} trigger={r.trigger.text!r} "
              f"{_at(r.trigger.span)}: {r.reason}" for r in result.rejections]
    return lines


def _at(span: tuple[int, int]) -> str:
    return f"[{span[0]}:{span[1]}]"


def stats_line(stats: RunStats) -> str:
    """``3 articles, 2 ok, 2 events, 1 errors``; when some were stored already:
    ``3 articles, 0 new, 3 already stored, 0 events, 0 errors``."""
    if stats.skipped:
        parts = [f"{stats.articles} articles", f"{stats.ok} new", f"{stats.skipped} already stored"]
    else:
        parts = [f"{stats.articles} articles", f"{stats.ok} ok"]
    return ", ".join([*parts, f"{stats.events} events", f"{stats.failed} errors"])


# -- commands ------------------------------------------------------------------------------------


@main.command()
@input_options
@click.option("-o", "--output", default="-", type=click.Path(dir_okay=False, allow_dash=True),
              help="Where to write the JSONL events (default: stdout).")
@workers_option
@click.option("--explain", is_flag=True,
              help="On stderr: each event's rule and trigger, each rejection's reason.")
def extract(inputs: tuple[str, ...], output: str, published: str | None, lang: str | None,
            workers: int | None, config_file: str | None, explain: bool) -> None:
    """Code events from files, folders, JSONL or stdin (-) as JSONL lines; no database."""
    from .batch import extract_to_jsonl

    pipeline = _pipeline(config_file)
    err = _stderr()
    show_progress = _show_progress(inputs)
    with click.open_file(output, "w", encoding="utf-8") as out, _progress(err, show_progress, inputs) as tick:
        stats = extract_to_jsonl(_items(inputs, pipeline, published, lang), pipeline, out,
                                 workers=workers or pipeline.config.workers,
                                 on_result=Reporter(err, tick, explain))
    err.print(Text(f"done: {stats_line(stats)}"))


@main.command("coverage")
@input_options
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="Lines per list.")
@click.option("--json", "as_json", is_flag=True, help="The report as one JSON object.")
@click.option("--dates", is_flag=True,
              help="Report on dates instead: expressions found but not resolved, time words outside every date, "
                   "datelines that disagree with the published date (no parse: seconds per thousand articles).")
def coverage_cmd(inputs: tuple[str, ...], published: str | None, lang: str | None, config_file: str | None,
                 top: int, as_json: bool, dates: bool) -> None:
    """What the corpus says often that nothing codes: uncovered verbs and event nouns governing an actor,
    and the coder's rejection reasons, most frequent first (with --dates: the date expressions the date
    grammar misses)."""
    import json

    from .coding import COVERAGE_STAGES as STAGES
    from .coding import coverage, format_report
    from .config import load_config
    from .dates.coverage import date_coverage, format_date_report
    from .pipeline import Pipeline

    pipeline = Pipeline(load_config(config_file, overrides={"stages": STAGES}))
    with _progress(_stderr(), _show_progress(inputs), inputs) as tick:
        def items() -> Iterator[Any]:
            for item in _items(inputs, pipeline, published, lang):
                tick()
                yield item

        def identified() -> Iterator[Article | None]:
            for item in items():
                try:  # a bad document or a language eventwire does not read: counted as not read
                    yield pipeline.identify(item) if isinstance(item, Article) else None
                except EventwireError:
                    yield None

        if dates:
            found = date_coverage(identified(), pipeline.config.language_dirs)
            out, text = found.to_dict(top), format_date_report(found, top)
        else:
            report = coverage(pipeline, items())
            out, text = report.to_dict(top), format_report(report, top)
    click.echo(json.dumps(out, ensure_ascii=False, indent=1) if as_json else text)


def _show_progress(inputs: Sequence[str]) -> bool:
    return sys.stderr.isatty() and _many(inputs)


@main.command("ingest")
@input_options
@db_option(create=True)
@workers_option
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: this process (and --workers); ray: an actor pool on Ray (docs/scale.md).")
@click.option("--address", metavar="auto|ray://HOST:PORT",
              help="With --engine ray: the Ray cluster to join (default: start a local Ray).")
@click.option("--actors", type=click.IntRange(min=1), metavar="N",
              help="With --engine ray: pipeline actors, one CPU each (default 2).")
@click.option("--write-batch", type=click.IntRange(min=1), metavar="N",
              help="With --engine ray: results per store transaction (COPY batch on PostgreSQL; default 200).")
def ingest_cmd(inputs: tuple[str, ...], db: str, published: str | None, lang: str | None,
               workers: int | None, config_file: str | None, engine: str, address: str | None,
               actors: int | None, write_batch: int | None) -> None:
    """Process inputs into the store at --db, skipping articles already stored; summarise."""
    from .batch import ingest

    if engine == "local" and (address is not None or actors is not None or write_batch is not None):
        raise click.BadParameter("--address, --actors and --write-batch need --engine ray", param_hint="'--engine'")
    if engine == "ray" and workers is not None:
        raise click.BadParameter("--workers is for --engine local; use --actors with --engine ray",
                                 param_hint="'--workers'")
    pipeline = _pipeline(config_file)
    err = _stderr()
    with _open(db) as store, _progress(err, _show_progress(inputs), inputs) as tick:
        try:
            items = _items(inputs, pipeline, published, lang)
            if engine == "ray":
                from .ray_engine import WRITE_BATCH, ingest_ray

                stats = ingest_ray(items, store, pipeline.config, actors=actors or 2, address=address,
                                   write_batch=write_batch or WRITE_BATCH, progress=Reporter(err, tick))
            else:
                stats = ingest(items, store, pipeline, workers=workers or pipeline.config.workers,
                               progress=Reporter(err, tick))
        except KeyboardInterrupt:
            err.print("interrupted: what was processed is stored; run the same command again to continue")
            raise SystemExit(130) from None
        err.print(Text(f"done: {stats_line(stats)}"))
        print_summary(_stdout(), store.summary())


@main.command("export")
@db_option()
@click.option("--format", "fmt", required=True, type=click.Choice(["jsonl", "csv", "parquet"]))
@click.option("-o", "--output", default="-", type=click.Path(dir_okay=False, allow_dash=True),
              help="Output file (default: stdout).")
@click.option("--what", type=click.Choice(["events", "quotes", "articles"]), default="events",
              show_default=True)
@click.option("--partition-by", type=click.Choice(["month", "country"]),
              help="Parquet events only: write a Hive-partitioned dataset into the directory -o.")
@filter_options
def export_cmd(db: str, fmt: str, output: str, what: str, type_: str | None, since: str | None,
               until: str | None, country: str | None, partition_by: str | None) -> None:
    """Write the stored events (or quotes, or articles) as JSONL, CSV or Parquet (a file, or a partitioned
    dataset)."""
    from .export import export, export_dataset

    if partition_by is not None:
        if fmt != "parquet" or what != "events" or output == "-":
            raise click.BadParameter("needs --format parquet, events, and -o DIRECTORY", param_hint="'--partition-by'")
        with _open(db) as store:
            n = export_dataset(store, output, partition_by=partition_by, type=type_.upper() if type_ else None,
                               since=since, until=until, country=country)
        _stderr().print(f"exported {n} events into {output} (partitioned by {partition_by})")
        return
    mode, encoding = ("wb", None) if fmt == "parquet" else ("w", "utf-8")
    with _open(db) as store, click.open_file(output, mode, encoding=encoding) as out:
        n = export(store, fmt, out, what=what, type=type_.upper() if type_ else None, since=since,
                   until=until, country=country)
    _stderr().print(f"exported {n} {what}")


@main.command("serve")
@db_option()
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="TCP port (0: any free).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; anything but 127.0.0.1/localhost exposes the store to the network.")
def serve_cmd(db: str, port: int, host: str) -> None:
    """Browse the store in a local, read-only web app (events, articles, actors, map, timeline, JSON API)."""
    from .serve.app import run

    run(db, host=host, port=port, warn=lambda line: _stderr().print(Text(line, style="bold yellow")),
        say=lambda line: _stderr().print(Text(line)))


@main.command()
@click.argument("article_id")
@db_option()
def show(article_id: str, db: str) -> None:
    """An article's text with its events highlighted, then its events and quotes."""
    with _open(db) as store:
        article = _article_or_fail(store, article_id)
        events, quotes = list(store.events(article_id=article_id)), list(store.quotes(article_id=article_id))
        errors = [e for e in store.errors() if e.article_id == article_id]
    console = _stdout()
    console.print(Text(f"{article.id}  {article.title or ''}  {article.published or ''}", style="bold"))
    for e in errors:
        console.print(Text(f"failed at {e.stage}: [{e.code}] {e.message}", style="bold red"))
    console.print(highlighted(article, events))
    console.print(_legend())
    console.print(events_table(events))
    if quotes:
        console.print(quotes_table(quotes))


def _article_or_fail(store: Store, article_id: str) -> Article:
    article = store.article(article_id)
    if article is None:
        raise click.ClickException(f"no article {article_id!r} in the store")
    return article


def highlighted(article: Article, events: Sequence[Event]) -> Text:
    """The article text with evidence, actors, places, dates and triggers styled."""
    text = Text(article.text)
    for role in ("evidence", "source", "target", "location", "date", "trigger"):
        for e in events:
            part = getattr(e, role)
            if part is not None:
                text.stylize(STYLES[role], *part.span)
    return text


def _legend() -> Text:
    legend = Text("legend: ")
    for role, style in STYLES.items():
        legend.append(role, style=style).append(" ")
    return legend


def events_table(events: Sequence[Event]) -> Table:
    table = Table(title=f"{len(events)} events")
    for col in ("type", "source -> target", "where", "when", "according to", "rule"):
        table.add_column(col, overflow="fold")
    for e in events:
        flags = " (negated)" if e.negated else " (hypothetical)" if e.hypothetical else ""
        who = f"{_actor_label(e.source)} -> {_actor_label(e.target)}"
        table.add_row(e.type + flags, who, e.location.name if e.location else "",
                      e.date.value if e.date else "", _according_to(e), e.rule)
    return table


def _actor_label(actor: Actor | None) -> str:
    """The actor's name; "(inferred: counterpart)" when the event's clause does not name it."""
    if actor is None:
        return "?"
    return f"{actor.name} (inferred: {actor.inferred})" if actor.inferred else actor.name


def _according_to(e: Event) -> str:
    a = e.attribution
    if a is None:
        return ""
    who = a.speaker.name if a.speaker else a.kind
    return f"{who} via {a.via.name}" if a.via else who


def quotes_table(quotes: Sequence[Quote]) -> Table:
    table = Table(title=f"{len(quotes)} quotes")
    for col in ("article", "speaker", "actor", "kind", "via", "channel", "text"):
        table.add_column(col, overflow="fold")
    for q in quotes:
        s = q.speaker
        table.add_row(q.article_id, s.name if s else "", s.actor.name if s and s.actor else "", q.kind,
                      q.via.name if q.via else "", q.channel.text if q.channel else "", q.text)
    return table


@main.command("explain")
@click.argument("article_id")
@db_option()
def explain_cmd(article_id: str, db: str) -> None:
    """Why each event was coded (trigger, rule, confidence) and why candidates were rejected."""
    with _open(db) as store:
        _article_or_fail(store, article_id)
        events, rejections = list(store.events(article_id=article_id)), list(store.rejections(article_id))
    console = _stdout()
    for i, e in enumerate(events, start=1):
        console.print(Text(f"{i}. {e.type}  trigger {e.trigger.text!r} {_at(e.trigger.span)}"
                           f"  rule {e.rule or '-'}  confidence {e.confidence:.2f}", style="bold"))
        if e.explanation:
            console.print(Text(f"   {e.explanation}"))
    if not events:
        console.print("no events")
    table = Table(title=f"{len(rejections)} rejected candidates")
    for col in ("type", "trigger", "reason"):
        table.add_column(col, overflow="fold")
    for r in rejections:
        table.add_row(r.type, f"{r.trigger.text} {_at(r.trigger.span)}", r.reason)
    console.print(table)


@main.command()
@db_option()
@click.option("--speaker", help="Speaker name (substring, accents and case ignored).")
@click.option("--actor", help="The organisation or state the speaker speaks for.")
def quotes(db: str, speaker: str | None, actor: str | None) -> None:
    """What was said, and by whom."""
    with _open(db) as store:
        found = list(store.quotes(speaker=speaker, actor=actor))
    _stdout().print(quotes_table(found))


@main.command()
@db_option()
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="How many actors.")
def summary(db: str, top: int) -> None:
    """Articles, events by type, top actors and failures in the store."""
    with _open(db) as store:
        print_summary(_stdout(), store.summary(top=top))


def print_summary(console: Console, s: Summary) -> None:
    console.print(Text(f"articles: {s.articles_ok} ok, {s.articles_failed} failed; "
                       f"events: {s.events}; quotes: {s.quotes}", style="bold"))
    for title, column, rows in (("events by type", "type", s.events_by_type),
                                ("top sources", "actor", s.top_sources),
                                ("top targets", "actor", s.top_targets),
                                ("failures by code", "code", s.failures_by_code)):
        if rows:
            console.print(_counts_table(title, column, rows))


def _counts_table(title: str, column: str, rows: Sequence[tuple[str, int]]) -> Table:
    table = Table(title=title, min_width=len(title) + 4)
    table.add_column(column)
    table.add_column("n", justify="right")
    for key, n in rows:
        table.add_row(key, str(n))
    return table


@main.group("gazetteer")
def gazetteer_group() -> None:
    """The offline gazetteer: import a GeoNames country dump for every village of a region."""


@gazetteer_group.command("import")
@click.argument("dump", type=click.Path(dir_okay=False))
@click.option("--dir", "directory", type=click.Path(file_okay=False),
              help="Where imported gazetteers are kept (default: $EVENTWIRE_DATA/gazetteer, else "
                   "~/.local/share/eventwire/gazetteer).")
def gazetteer_import(dump: str, directory: str | None) -> None:
    """Import a GeoNames dump (ML.txt, ML.zip, allCountries.zip) downloaded once from GeoNames: its
    populated places and divisions are looked up beside the default gazetteer from then on."""
    from pathlib import Path

    from .places.imports import import_dump

    report = import_dump(dump, Path(directory) if directory else None)
    size = report.path.stat().st_size / 1e6
    _stdout().print(Text(f"imported {report.places} places ({report.names} names) from {dump} into "
                         f"{report.path} ({size:.1f} MB) in {report.seconds:.1f} s"))


if __name__ == "__main__":  # pragma: no cover
    main()
