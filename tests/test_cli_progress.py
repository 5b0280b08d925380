"""The progress display and the per-document reporter of the CLI."""

from __future__ import annotations

import io

from rich.console import Console

from eventwire import cli
from test_store_factories import failed_result, ok_result, unread_result


def test_cli_progress_counts_documents_on_a_terminal() -> None:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=80)
    with cli._progress(console, enabled=True) as tick:
        reporter = cli.Reporter(console, tick)
        reporter(ok_result("a1"))
        reporter(unread_result(2))
    assert "error: in.jsonl:2: [E105] not a JSON object" in buf.getvalue()


def test_cli_reporter_without_progress_prints_errors_only() -> None:
    buf = io.StringIO()
    reporter = cli.Reporter(Console(file=buf, width=200), lambda: None, explain=False)
    reporter(ok_result("a1"))
    reporter(failed_result("bad"))
    assert buf.getvalue().splitlines() == ["error: bad.txt: [E130] boom"]


def test_cli_many_inputs_decides_progress(tmp_path) -> None:
    one = tmp_path / "a.txt"
    one.write_text("x")
    assert not cli._many([str(one)])
    assert cli._many([str(one), str(one)])
    assert cli._many([str(tmp_path)])
    assert cli._many(["-"])
