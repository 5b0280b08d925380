"""The console examples of docs/cli.md and docs/scale.md run and print what the pages show (issue 17: "every
example in README and docs runs in a test and gives what the text around it says").

Each ``$ eventwire ...`` line of a ``console`` block runs, in page order, in one folder holding the
repository's ``docs/`` and ``samples/`` (so the ingest example builds the store the later examples read),
through a shell (``> file`` redirects stdout; what is shown is then stderr). The lines under a command are
its output: each must match the next line printed, ``...`` skips any number of lines, ``…`` any words,
and decimals (confidences, sizes, seconds) are not compared. A command shown without output must only
succeed. The commands a test machine cannot run (a named PostgreSQL server, a Ray cluster, a server left
running, a GeoNames download) are listed in ``NOT_RUN`` with the reason; their options must parse.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import click
import pytest

from eventwire.cli import main

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("cli.md", "scale.md")
NOT_RUN = {
    "eventwire ingest samples/demo.jsonl --db postgresql://ew@db.internal/news --engine ray --actors 2":
        "a PostgreSQL server named db.internal",
    "eventwire ingest shards/ --db postgresql://ew@db.internal/news --engine ray --address auto --actors 32":
        "a Ray cluster",
    "eventwire serve --db events.db": "a server left running (tests/test_serve_*.py run it)",
    "eventwire serve --db events.db --port 0 --host 0.0.0.0": "a server left running",
    "eventwire gazetteer import ML.zip":
        "the GeoNames download (tests/test_gazetteer_import.py imports a file it writes)",
    "eventwire ingest shards/ --engine ray --actors 2 --db postgresql://ew@db.internal/news":
        "a PostgreSQL server named db.internal",
    "eventwire ingest shards/ --engine ray --address auto --actors 32 --db postgresql://ew@db.internal/news":
        "a Ray cluster",
    "eventwire export --db postgresql://ew@db.internal/news --format parquet -o events/ --partition-by month":
        "a PostgreSQL server named db.internal",
}
DECIMAL = re.compile(r"\d+\.\d+")


def examples() -> list[tuple[str, str, list[str]]]:
    """(page, command, shown output lines) of every ``$ eventwire`` line, in page order."""
    found: list[tuple[str, str, list[str]]] = []
    for page in PAGES:
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
            for line in block.splitlines():
                if line.startswith("$ "):
                    command = re.sub(r"\s{2,}#.*$", "", line[2:]).strip()  # "   # again: nothing new"
                    found.append((page, command, []))
                elif found:
                    found[-1][2].append(line)
    return [e for e in found if e[1].startswith("eventwire ")]


def _pattern(shown: str) -> re.Pattern[str]:
    parts = DECIMAL.sub("#", shown.rstrip()).split("…")
    return re.compile(".*".join(re.escape(p) for p in parts))


def mismatch(shown: list[str], printed: list[str]) -> str | None:
    """Why ``printed`` is not what ``shown`` says (None when it is)."""
    printed = [DECIMAL.sub("#", p.rstrip()) for p in printed]
    i, skipping = 0, False
    for want in shown:
        if want.strip() == "...":
            skipping = True
            continue
        pattern = _pattern(want)
        while i < len(printed) and not pattern.fullmatch(printed[i]):
            if not skipping:
                return f"expected {want!r}, printed {printed[i]!r}"
            i += 1
        if i == len(printed):
            return f"expected {want!r}, not printed"
        i, skipping = i + 1, False
    if i < len(printed) and not skipping:
        return f"printed more than shown: {printed[i]!r}"
    return None


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    for name in ("docs", "samples"):
        (folder / name).symlink_to(ROOT / name)
    return folder


def test_the_pages_show_examples():
    assert len(examples()) >= 20


def test_every_example_runs_and_prints_what_the_page_shows(workdir):
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}  # piped: lines kept whole
    env |= {"PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "EVENTWIRE_DATA": str(workdir / "data")}
    for page, command, shown in examples():
        if command in NOT_RUN:
            continue
        redirected = " > " in command
        res = subprocess.run(command if redirected else f"{command} 2>&1", shell=True, cwd=workdir, env=env,
                             capture_output=True, text=True, timeout=600)
        printed = (res.stderr if redirected else res.stdout).splitlines()
        assert res.returncode == 0, f"{page}: {command}\n{res.stdout}{res.stderr}"
        if shown and any(line.strip() for line in shown):
            why = mismatch(shown, printed)
            assert why is None, f"{page}: {command}: {why}\n" + "\n".join(printed[:30])


@pytest.mark.parametrize("command", sorted(NOT_RUN))
def test_an_example_not_run_is_on_a_page_and_its_options_parse(command, tmp_path):
    assert command in {c for _, c, _ in examples()}
    (tmp_path / "shards").mkdir()
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    (tmp_path / "ML.zip").write_bytes(b"")
    (tmp_path / "events.db").write_bytes(b"")
    args = shlex.split(command)[1:]
    group: click.Command = main
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        while isinstance(group, click.Group):
            name, args = args[0], args[1:]
            found = group.get_command(click.Context(group), name)
            assert found is not None, name
            group = found
        group.make_context(group.name or "", list(args))
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("shown, printed, ok", [
    (["a", "...", "c"], ["a", "b", "b", "c"], True),
    (["a", "c"], ["a", "b", "c"], False),
    (["confidence 0.82"], ["confidence 0.47"], True),
    (["judge 0.20 (…)"], ["judge 0.20 (sense_ok=True +0.56)"], True),
    (["a"], ["a", "b"], False),
    (["a", "..."], ["a", "b"], True),
    (["done: 21 articles"], ["done: 22 articles"], False),
])
def test_the_comparison(shown, printed, ok):
    assert (mismatch(shown, printed) is None) is ok


def _python_block(page: str, marker: str) -> str:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    return next(b for b in re.findall(r"```python\n(.*?)```", text, flags=re.S) if marker in b)


def _run_python(code: str, folder: Path) -> str:
    (folder / "example.py").write_text(code, encoding="utf-8")
    res = subprocess.run([sys.executable, "example.py"], cwd=folder, capture_output=True, text=True, timeout=600,
                         stdin=subprocess.DEVNULL)
    assert res.returncode == 0, res.stdout + res.stderr
    return res.stdout


def test_the_store_page_example_prints_what_its_text_says(tmp_path):
    (tmp_path / "docs").symlink_to(ROOT / "docs")
    out = _run_python(_python_block("store.md", "open_store"), tmp_path).splitlines()
    threat = eval(out[0])  # noqa: S307 - the dictionary the example prints
    assert (threat["type"], threat["source"]["name"], threat["target"]["name"]) == ("THREATEN", "Hezbollah", "Israel")
    assert out[1] == "['article']"
    summary = eval(out[2])  # noqa: S307
    assert (summary["articles_ok"], summary["articles_failed"], summary["failures_by_code"]) == (2, 1, {"E105": 1})


def test_the_input_page_example_reads_files_folders_and_stdin(tmp_path):
    # the inputs the example names: a folder of articles, a JSONL feed (its second line cut) and stdin (empty)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "article.txt").write_text(
        (ROOT / "docs" / "examples" / "news" / "article.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        (ROOT / "docs" / "examples" / "news" / "wire.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    out = _run_python(_python_block("input.md", "read_inputs"), tmp_path).splitlines()
    assert out[0].startswith("article None None ")  # a text file: language detected later, by the pipeline
    assert out[1].startswith("wire-001 en 2022-03-09 ")
    assert out[2].split()[:2] == ["feed:2", "E105"]


def _all_python_blocks() -> list[tuple[str, str]]:
    found = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for block in re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S):
            found.append((page.name, block))
    return found


@pytest.mark.parametrize(("page", "code"), _all_python_blocks(), ids=lambda v: v if v.endswith(".md") else "")
def test_every_python_block_compiles_and_its_imports_exist(page, code):
    # the API fragments (a Protocol, a migration, a stage registration) are not run: what they name must exist
    compile(code, page, "exec")
    for line in code.splitlines():
        if re.match(r"(from eventwire\S* import |import eventwire)", line):
            exec(line, {})  # noqa: S102 - an import line of our own docs
