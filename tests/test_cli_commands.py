"""Every CLI command on tiny hand-made inputs, with CliRunner; clean error exits."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventwire import cli
from eventwire._version import __version__
from eventwire.records import Result
from eventwire.store import open_store
from test_store_factories import (
    FakePipeline,
    failed_result,
    make_threat,
    ok_result,
    unread_result,
)

WIDE = {"COLUMNS": "200"}


def run(*args: str) -> object:
    return CliRunner(env=WIDE).invoke(cli.main, list(args), catch_exceptions=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store with one article, one failed article and one unread input: a SQLite file, or a
    postgresql:// URL (a schema of its own on the test server)."""
    target = str(tmp_path / "ew.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    with open_store(target) as store:
        store.save_result(ok_result("a1"))
        store.save_result(failed_result("bad"))
        store.save_result(unread_result(3))
    return target


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    txt = tmp_path / "note.txt"
    txt.write_text("Le Hezbollah a menacé Israël mercredi à Beyrouth, selon un communiqué.", encoding="utf-8")
    jsonl = tmp_path / "wire.jsonl"
    jsonl.write_text('{"id": "w1", "text": "The United States condemned the attack in Baghdad on Tuesday."}\n'
                     "this line is not json\n", encoding="utf-8")
    return [str(txt), str(jsonl)]


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakePipeline:
    pipe = FakePipeline()
    monkeypatch.setattr(cli, "_pipeline", lambda config_file: pipe)
    return pipe


def test_cli_version_and_help() -> None:
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output
    result = run("--help")
    for name in ("extract", "ingest", "export", "show", "explain", "quotes", "summary"):
        assert name in result.output


def test_python_dash_m_runs_the_same_command_line() -> None:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "eventwire", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("eventwire") and __version__ in out.stdout


def test_cli_extract_writes_jsonl_and_reports(fake: FakePipeline, inputs: list[str]) -> None:
    result = run("extract", *inputs, "--explain")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["article_id"] for d in lines] == ["note", "w1"]
    assert lines[0] == make_threat("note").to_dict()
    assert "[E105]" in result.stderr and "wire.jsonl:2" in result.stderr
    assert "rule=fr.threaten.menacer.nsubj trigger='a menacé'" in result.stderr
    assert "rejected ASSAULT" in result.stderr and "no physical act" in result.stderr
    assert "done: 3 articles, 2 ok, 2 events, 1 errors" in result.stderr


def test_cli_extract_to_file_and_options(fake: FakePipeline, inputs: list[str], tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = run("extract", inputs[0], "-o", str(out), "--published", "2020-11-05", "--lang", "fr")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "THREATEN"
    assert fake.parsed == ["note"]


def test_cli_extract_bad_arguments(inputs: list[str], tmp_path: Path) -> None:
    missing = run("extract", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 2 and "does not exist" in missing.output
    assert run("extract", inputs[0], "--published", "5 nov").exit_code == 2
    assert run("extract", inputs[0], "--lang", "de").exit_code == 2
    bad_config = tmp_path / "bad.toml"
    bad_config.write_text("no_such_key = 1\n")
    result = run("extract", inputs[0], "--config", str(bad_config))
    assert result.exit_code == 1
    assert "Error: [E002]" in result.output and "Traceback" not in result.output


def test_cli_ingest_then_summary(fake: FakePipeline, inputs: list[str], tmp_path: Path) -> None:
    db = str(tmp_path / "new.db")
    first = run("ingest", *inputs, "--db", db)
    assert first.exit_code == 0, first.output
    assert "done: 3 articles, 2 ok, 2 events, 1 errors" in first.stderr
    assert "articles: 2 ok, 1 failed; events: 2" in first.stdout
    again = run("ingest", *inputs, "--db", db)
    assert "done: 3 articles, 0 new, 2 already stored, 0 events, 1 errors" in again.stderr
    with open_store(db) as store:
        assert len(list(store.events())) == 2


def test_cli_ingest_interrupted_exits_130(monkeypatch: pytest.MonkeyPatch, inputs: list[str],
                                          tmp_path: Path) -> None:
    class Interrupting(FakePipeline):
        def process(self, items, *, workers=None):  # type: ignore[no-untyped-def]
            yield from ()
            raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_pipeline", lambda config_file: Interrupting())
    result = run("ingest", *inputs, "--db", str(tmp_path / "i.db"))
    assert result.exit_code == 130 and "run the same command again" in result.stderr


def test_cli_export_formats(db: str, tmp_path: Path) -> None:
    jsonl = run("export", "--db", db, "--format", "jsonl")
    assert jsonl.exit_code == 0
    assert [json.loads(line)["type"] for line in jsonl.stdout.splitlines()] == ["THREATEN", "ACCUSE"]
    filtered = run("export", "--db", db, "--format", "jsonl", "--type", "accuse", "--country", "usa")
    assert [json.loads(line)["type"] for line in filtered.stdout.splitlines()] == ["ACCUSE"]
    since = run("export", "--db", db, "--format", "jsonl", "--since", "2020-11-01")
    assert len(since.stdout.splitlines()) == 1
    out = tmp_path / "e.csv"
    assert run("export", "--db", db, "--format", "csv", "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0]["source_name"] == "Hezbollah"
    pq_out = tmp_path / "e.parquet"
    assert run("export", "--db", db, "--format", "parquet", "-o", str(pq_out)).exit_code == 0
    assert pq.read_table(pq_out).num_rows == 2
    quotes = run("export", "--db", db, "--format", "jsonl", "--what", "quotes")
    assert json.loads(quotes.stdout)["speaker"]["name"] == "Ali Ahmad"
    parts = run("export", "--db", db, "--format", "parquet", "-o", str(tmp_path / "ds"), "--partition-by", "country")
    assert parts.exit_code == 0, parts.output
    assert sorted(p.name for p in (tmp_path / "ds").iterdir()) == ["country=LBN", "country=USA"]
    assert "exported 2 events" in parts.stderr
    bad = run("export", "--db", db, "--format", "csv", "-o", str(tmp_path / "x"), "--partition-by", "month")
    assert bad.exit_code == 2 and "--format parquet" in bad.output


def test_cli_export_errors(db: str, tmp_path: Path) -> None:
    bad_format = run("export", "--db", db, "--format", "xml")
    assert bad_format.exit_code == 2 and "xml" in bad_format.output
    missing_db = run("export", "--db", str(tmp_path / "none.db"), "--format", "csv")
    assert missing_db.exit_code == 2 and "does not exist" in missing_db.output
    assert run("export", "--db", db, "--format", "csv", "--country", "Iraq").exit_code == 2
    postgres = run("export", "--db", "postgresql://nobody@127.0.0.1:1/x?connect_timeout=2", "--format", "csv")
    assert postgres.exit_code == 1
    (line,) = postgres.output.strip().splitlines()
    assert line.startswith("Error: [E310] cannot connect to PostgreSQL store postgresql://nobody@127.0.0.1:1/x")
    unknown = run("export", "--db", "mysql://localhost/x", "--format", "csv")
    assert unknown.exit_code == 1 and "[E303] unknown store URL scheme" in unknown.output


def test_cli_export_since_until_and_articles(db: str) -> None:
    month = run("export", "--db", db, "--format", "jsonl", "--since", "2020-11", "--until", "2020-11-04")
    assert [json.loads(line)["date"]["value"] for line in month.stdout.splitlines()] == ["2020-11-04"]
    assert run("export", "--db", db, "--format", "jsonl", "--until", "2020-11-03").stdout == ""
    bad = run("export", "--db", db, "--format", "csv", "--since", "notadate")
    assert bad.exit_code == 2 and "invalid date" in bad.output and "ignored" not in bad.output
    assert "invalid date" in run("export", "--db", db, "--format", "csv", "--until", "2020-13-01").output
    articles = run("export", "--db", db, "--format", "csv", "--what", "articles")
    assert articles.exit_code == 0, articles.output
    rows = list(csv.DictReader(io.StringIO(articles.stdout)))
    assert [(r["article_id"], r["status"], r["events"]) for r in rows] == [("a1", "ok", "2"), ("bad", "error", "0")]
    assert "exported 2 articles" in articles.stderr


def test_cli_serve_refuses_what_it_cannot_serve(db: str, tmp_path: Path) -> None:
    not_a_store = tmp_path / "plain.db"
    not_a_store.write_bytes(b"")
    result = run("serve", "--db", str(not_a_store))
    assert result.exit_code == 1 and "[E601]" in result.output and "not an eventwire store" in result.output
    if db.startswith("postgresql://"):   # the explorer is Datasette over a SQLite file
        postgres = run("serve", "--db", db)
        assert postgres.exit_code == 1 and "[E603] the explorer reads SQLite stores only" in postgres.output


def test_cli_serve_warns_for_another_host_and_reports_a_taken_port(tmp_path: Path) -> None:
    import socket

    db = str(tmp_path / "serve.db")
    with open_store(db) as store:
        store.save_result(ok_result("a1"))

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = str(taken.getsockname()[1])
        busy = run("serve", "--db", db, "--port", port)
    assert busy.exit_code == 1 and "[E602] cannot listen on 127.0.0.1:" + port in busy.output
    assert "warning" not in busy.output
    elsewhere = run("serve", "--db", db, "--host", "192.0.2.1", "--port", "0")   # TEST-NET: never ours
    assert "warning: listening on 192.0.2.1" in elsewhere.stderr
    assert elsewhere.exit_code == 1 and "[E602]" in elsewhere.output


def test_cli_unwritable_output_is_one_clean_line(db: str, tmp_path: Path) -> None:
    result = run("export", "--db", db, "--format", "csv", "-o", str(tmp_path / "no" / "dir" / "e.csv"))
    assert result.exit_code == 1
    assert result.output.startswith("Error: No such file or directory") and "Traceback" not in result.output


def test_cli_debug_shows_the_library_error(db: str) -> None:
    result = run("--debug", "export", "--db", "mysql://localhost/x", "--format", "csv")
    assert result.exit_code == 1
    assert type(result.exception).__name__ == "StoreError"


def test_cli_show(db: str) -> None:
    result = run("show", "a1", "--db", db)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Le Hezbollah a menacé Israël" in out
    assert "THREATEN" in out and "Hezbollah -> Israel" in out and "Beirut" in out and "2020-11-04" in out
    assert "Ali Ahmad" in out and "fr.threaten.menacer.nsubj" in out
    assert "ACCUSE (hypothetical)" in out
    assert "Nous répondrons" in out       # the quotes table
    failed = run("show", "bad", "--db", db)
    assert failed.exit_code == 0 and "failed at extract: [E130] boom" in failed.stdout
    missing = run("show", "zz", "--db", db)
    assert missing.exit_code == 1 and "no article 'zz'" in missing.output


def test_cli_show_highlights_spans() -> None:
    result = ok_result("a1")
    text = cli.highlighted(result.article, result.events)
    threat = result.events[0]
    styles = {(s.start, s.end): str(s.style) for s in text.spans}
    assert styles[threat.trigger.span] == cli.STYLES["trigger"]
    assert styles[threat.location.span] == cli.STYLES["location"]
    assert styles[threat.source.span] == cli.STYLES["source"]


def test_cli_explain(db: str) -> None:
    result = run("explain", "a1", "--db", db)
    assert result.exit_code == 0, result.output
    heading = "1. THREATEN  trigger 'a menacé' [13:21]  rule fr.threaten.menacer.nsubj  confidence 0.82"
    assert heading in result.stdout
    assert "menacer with nsubj Hezbollah" in result.stdout        # the explanation
    assert "no physical act: threat verb" in result.stdout        # the rejection's reason
    assert run("explain", "zz", "--db", db).exit_code == 1


def test_cli_show_and_explain_keep_their_layout_when_piped(db: str) -> None:
    """No COLUMNS and no terminal (a pipe): lines are not cut at 80 columns."""
    piped = CliRunner(env={"COLUMNS": ""})
    explain = piped.invoke(cli.main, ["explain", "a1", "--db", db])
    heading = "1. THREATEN  trigger 'a menacé' [13:21]  rule fr.threaten.menacer.nsubj  confidence 0.82"
    assert len(heading) > 80 and heading in explain.stdout.splitlines()
    show = piped.invoke(cli.main, ["show", "a1", "--db", db])
    assert any("fr.threaten.menacer.nsubj" in line and "THREATEN" in line for line in show.stdout.splitlines())
    assert max(len(line) for line in show.stdout.splitlines()) > 80


def test_cli_quotes(db: str) -> None:
    found = run("quotes", "--db", db, "--speaker", "ahmad")
    assert found.exit_code == 0 and "Nous répondrons" in found.stdout and "Hezbollah" in found.stdout
    by_actor = run("quotes", "--db", db, "--actor", "HEZBOLLAH")
    assert "Nous répondrons" in by_actor.stdout
    none = run("quotes", "--db", db, "--speaker", "Nasrallah")
    assert none.exit_code == 0 and "0 quotes" in none.stdout and "Nous répondrons" not in none.stdout


def test_cli_summary(db: str) -> None:
    result = run("summary", "--db", db)
    assert result.exit_code == 0, result.output
    assert "articles: 1 ok, 2 failed; events: 2; quotes: 1" in result.stdout
    assert "THREATEN" in result.stdout and "Hezbollah" in result.stdout
    assert "E105" in result.stdout and "E130" in result.stdout


def test_cli_explain_lines_without_article() -> None:
    assert cli.explain_lines(unread_result(3)) == []
    lines = cli.explain_lines(Result(article=ok_result().article, events=(make_threat(),)))
    assert lines == ["explain: a1: THREATEN rule=fr.threaten.menacer.nsubj trigger='a menacé' [13:21] "
                     "confidence=0.82"]


@pytest.mark.slow
def test_cli_extract_and_ingest_with_real_pipeline(inputs: list[str], tmp_path: Path) -> None:
    result = run("extract", *inputs, "--published", "2020-11-05")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()
    for line in result.stdout.splitlines():
        assert json.loads(line)["schema"] == "eventwire.event/1"
    assert "done: 3 articles, 2 ok" in result.stderr and "[E105]" in result.stderr
    db = str(tmp_path / "real.db")
    assert run("ingest", *inputs, "--db", db).exit_code == 0
    shown = run("show", "note", "--db", db)
    assert shown.exit_code == 0 and "Le Hezbollah a menacé Israël" in shown.stdout


def test_cli_events_table_marks_inferred_actors() -> None:
    from dataclasses import replace
    threat = ok_result("a1").events[0]
    inferred = replace(threat, target=replace(threat.target, inferred="counterpart"))
    table = cli.events_table([threat, inferred])
    whos = list(table.columns[1].cells)
    assert whos[0] == "Hezbollah -> Israel"
    assert whos[1] == "Hezbollah -> Israel (inferred: counterpart)"
