"""Read input documents: text and HTML files, JSONL records, directories, stdin.

:func:`read_inputs` is a generator. Each input document becomes an
:class:`~eventwire.records.Article` or, when it cannot be read, a
:class:`~eventwire.records.DocumentError` record with a code; reading goes on.

Sizes are checked before reading: a file larger than ``config.max_bytes`` is refused
from its ``stat`` (E103) and a JSONL line is read at most ``max_bytes + 1`` bytes at a
time, so one huge document never lands in memory.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..config import Config
from ..errors import (
    E_BAD_JSON,
    E_BAD_RECORD,
    E_BINARY,
    E_ENCODING,
    E_MISSING,
    E_TOO_LARGE,
    ReadError,
)
from ..errors import DocumentError as DocumentFailure
from ..records import Article, DocumentError
from .clean import (
    SNIFF_BYTES,
    article_from_html,
    article_from_text,
    decode_document,
    looks_binary,
    scrub_surrogates,
)

__all__ = ["read_inputs", "count_documents", "INPUT_SUFFIXES"]

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
JSON_SUFFIXES = (".json",)  # one record, or an array of records (a gold file, an API's answer)
INPUT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES
STDIN = "-"
_SNIFF = 65536              # bytes of stdin looked at to tell JSONL from text
_SKIP_CHUNK = 1 << 20       # bytes read at a time when skipping an oversized line

Item = Article | DocumentError


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What every reader needs: the config and the caller's overrides."""

    config: Config
    published: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a document comes from: its default id and its ``Article.source``."""

    article_id: str
    source: str


def read_inputs(
    inputs: Sequence[str | Path], *, config: Config, published: str | None = None,
    lang: str | None = None, stdin: BinaryIO | None = None,
) -> Iterator[Item]:
    """Yield one Article or DocumentError per document found in ``inputs``, in order.

    An input is a ``.txt``/``.html``/``.htm``/``.jsonl``/``.json`` file, a directory (read
    recursively in sorted order) or ``-`` for stdin (``stdin`` replaces ``sys.stdin``).
    ``published`` and ``lang`` override what the records say.
    """
    opts = ReadOptions(config, published, lang)
    for item in inputs:
        if str(item) == STDIN:
            yield from read_stream(stdin or sys.stdin.buffer, opts)
        elif Path(item).is_dir():
            for path in walk(Path(item)):
                yield from read_path(path, opts)
        else:
            yield from read_path(Path(item), opts)


def count_documents(inputs: Sequence[str | Path]) -> int | None:
    """How many documents ``read_inputs`` will yield, counted cheaply (for a progress bar).

    JSONL files count their non-blank lines (streamed, never held in memory); other files count one;
    stdin cannot be counted: None. Unreadable files count one (they yield one error)."""
    total = 0
    for item in inputs:
        if str(item) == STDIN:
            return None
        paths = walk(Path(item)) if Path(item).is_dir() else [Path(item)]
        total += sum(_count_path(p) for p in paths)
    return total


def _count_path(path: Path) -> int:
    if path.suffix.lower() not in JSONL_SUFFIXES:
        return 1
    try:
        with path.open("rb") as fh:
            return max(1, sum(1 for line in fh if line.strip()))
    except OSError:
        return 1


def walk(root: Path) -> list[Path]:
    """Input files under ``root``, recursively, sorted; hidden entries and symlinked folders skipped."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(folder, f) for f in files if not f.startswith(".") and _is_input(f)]
    return sorted(found)


def _is_input(name: str) -> bool:
    return Path(name).suffix.lower() in INPUT_SUFFIXES


def read_path(path: Path, opts: ReadOptions) -> Iterator[Item]:
    """The documents in one file: one for text/HTML, one per line for JSONL."""
    origin = Origin(scrub_surrogates(path.stem)[0], scrub_surrogates(str(path))[0])  # undecodable names
    try:
        size = path.stat().st_size
        if path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as fh:
                _refuse_binary(fh)
                yield from read_jsonl(fh, origin, opts)
            return
        _check_size(size, opts.config)
        if path.suffix.lower() in JSON_SUFFIXES:
            yield from read_json(path.read_bytes(), origin, opts)
            return
        yield _document(path.read_bytes(), origin, opts, html=path.suffix.lower() in HTML_SUFFIXES)
    except DocumentFailure as exc:
        yield _error(origin, exc)
    except OSError as exc:
        yield _error(origin, ReadError(f"cannot read {path}: {exc.strerror or exc}", code=E_MISSING))


def _refuse_binary(fh: BinaryIO) -> None:
    """A binary file named ``.jsonl`` is one error (E102), not one per "line"."""
    head = fh.read(SNIFF_BYTES)
    fh.seek(0)
    if looks_binary(head):
        raise ReadError("binary content (NUL or control bytes), not JSONL", code=E_BINARY)


def _check_size(size: int, config: Config) -> None:
    if size > config.max_bytes:
        raise ReadError(f"document too large: {size} bytes (max_bytes={config.max_bytes})", code=E_TOO_LARGE)


def _document(data: bytes, origin: Origin, opts: ReadOptions, *, html: bool) -> Article:
    text, warnings = decode_document(data, html=html)
    build = article_from_html if html else article_from_text
    return build(text, article_id=origin.article_id, published=opts.published, lang=opts.lang,
                 config=opts.config, source=origin.source, warnings=warnings)


def _error(origin: Origin, exc: DocumentFailure, *, prefix: str = "") -> DocumentError:
    return DocumentError(origin.article_id, exc.stage, exc.code, prefix + exc.message, origin.source)


# -- JSONL -------------------------------------------------------------------------------


def read_jsonl(fh: BinaryIO, origin: Origin, opts: ReadOptions) -> Iterator[Item]:
    """One Article or error per non-empty line; a broken line never stops the next ones."""
    for lineno, line in bounded_lines(fh, opts.config.max_bytes):
        if line is not None and not line.strip():
            continue
        where = Origin(f"{origin.article_id}:{lineno}", f"{origin.source}:{lineno}")
        try:
            record = _parse_line(line, opts.config)
            where = _record_origin(record, where)
            yield _record_article(record, where, opts)
        except DocumentFailure as exc:
            yield _error(where, exc, prefix=f"line {lineno}: ")


def read_json(data: bytes, origin: Origin, opts: ReadOptions) -> Iterator[Item]:
    """A ``.json`` file: one record (an object with ``id``/``article_id`` and ``text`` or ``html``), or an
    array of them, each read like a JSONL line; a broken record never stops the next ones. A file that
    is not JSON is one E105 error, not a text to code."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        yield _error(origin, ReadError(f"invalid UTF-8 at byte {exc.start}", code=E_ENCODING))
        return
    except json.JSONDecodeError as exc:
        yield _error(origin, ReadError(f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                                       code=E_BAD_JSON))
        return
    records = value if isinstance(value, list) else [value]
    for i, record in enumerate(records, 1):
        where = Origin(origin.article_id if len(records) == 1 else f"{origin.article_id}:{i}",
                       origin.source if len(records) == 1 else f"{origin.source}[{i}]")
        try:
            if not isinstance(record, dict):
                raise ReadError(f"JSON record is a {type(record).__name__}, not an object", code=E_BAD_JSON)
            where = _record_origin(record, where)
            yield _record_article(record, where, opts)
        except DocumentFailure as exc:
            yield _error(where, exc, prefix="" if len(records) == 1 else f"record {i}: ")


def bounded_lines(fh: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line_number, bytes)``; ``None`` for a line longer than ``limit`` (skipped, not kept)."""
    lineno = 0
    while line := fh.readline(limit + 1):
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := fh.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield lineno, None
        else:
            yield lineno, line


def _parse_line(line: bytes | None, config: Config) -> dict[str, Any]:
    if line is None:
        raise ReadError(f"JSONL line larger than max_bytes={config.max_bytes}", code=E_TOO_LARGE)
    try:
        text = line.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(f"invalid UTF-8 at byte {exc.start} of the line", code=E_ENCODING) from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(f"not valid JSON: {exc.msg} (column {exc.colno})", code=E_BAD_JSON) from None
    if not isinstance(value, dict):
        raise ReadError(f"JSONL line is a {type(value).__name__}, not a JSON object", code=E_BAD_JSON)
    return value


def _record_origin(record: dict[str, Any], where: Origin) -> Origin:
    """The record's id (``id``, or ``article_id`` as an alias); E106 without one."""
    raw_id = record.get("id", record.get("article_id"))
    if raw_id is None or isinstance(raw_id, dict | list) or not str(raw_id).strip():
        raise ReadError("JSON record has no 'id'", code=E_BAD_RECORD)
    return Origin(scrub_surrogates(str(raw_id))[0], where.source)


def _record_article(record: dict[str, Any], origin: Origin, opts: ReadOptions) -> Article:
    """An Article from one JSON record (``text`` or ``html``; E106 without either)."""
    body, html = _record_body(record)
    build = article_from_html if html else article_from_text
    return build(
        body, article_id=origin.article_id, published=opts.published or record.get("published"),
        lang=opts.lang or _str(record.get("lang")), config=opts.config,
        title=_str(record.get("title")), url=_str(record.get("url")),
        outlet=_str(record.get("outlet")), source=origin.source,
    )


def _record_body(record: dict[str, Any]) -> tuple[str, bool]:
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str):
        return text, False
    if isinstance(html, str):
        return html, True
    if text is None and html is None:
        raise ReadError("JSON record has neither 'text' nor 'html'", code=E_BAD_RECORD)
    raise ReadError("JSON record's 'text'/'html' is not a string", code=E_BAD_RECORD)


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


# -- stdin -------------------------------------------------------------------------------


def read_stream(stream: BinaryIO, opts: ReadOptions) -> Iterator[Item]:
    """stdin: JSONL when every non-empty line looks like a JSON object, else one text."""
    head = stream.read(_SNIFF) or b""
    rest = _prefixed(head, stream)
    if _looks_jsonl(head):
        yield from read_jsonl(rest, Origin("stdin", "stdin"), opts)
        return
    origin = Origin("stdin", "stdin")
    try:
        data = rest.read(opts.config.max_bytes + 1)
        _check_size(len(data), opts.config)
        yield _document(data, origin, opts, html=False)
    except DocumentFailure as exc:
        yield _error(origin, exc)


def _looks_jsonl(head: bytes) -> bool:
    """Every non-empty line starts with ``{`` and every complete one ends with ``}``."""
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    if not lines:
        return False
    cut = len(head) == _SNIFF and not head.endswith(b"\n")  # the last line goes on past the head
    complete = lines[:-1] if cut else lines
    return all(line.startswith(b"{") for line in lines) and all(line.endswith(b"}") for line in complete)


def _prefixed(head: bytes, stream: BinaryIO) -> BinaryIO:
    """A buffered stream that yields ``head`` and then the rest of ``stream``."""
    return io.BufferedReader(_PrefixedRaw(head, stream))


class _PrefixedRaw(io.RawIOBase):
    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head, self._stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        want = len(buffer)
        chunk = self._head[:want] if self._head else self._stream.read(want) or b""
        self._head = self._head[len(chunk):] if self._head else b""
        buffer[:len(chunk)] = chunk
        return len(chunk)
