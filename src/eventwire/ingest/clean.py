"""From raw input to an :class:`~eventwire.records.Article`: decode, extract, normalise, check.

The text an Article carries is the text every span indexes. Normalisation is minimal
and happens once, here: a leading byte-order mark is dropped, ``\\r\\n`` and lone ``\\r``
become ``\\n``, and the text is put in Unicode NFC. Nothing later shifts offsets.

Every refusal raises an :class:`eventwire.errors.DocumentError` subclass with a code
(E101 empty, E102 binary, E103 too large, E104 bad encoding, E110 no article in HTML);
the readers turn it into a ``records.DocumentError`` and go on with the batch.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..config import Config
from ..errors import (
    E_BINARY,
    E_BUDGET_CHARS,
    E_EMPTY,
    E_ENCODING,
    E_NO_ARTICLE,
    W_CUT_ENCODING,
    W_HTML_DEPTH,
    W_HTML_ERRORS,
    W_PUBLISHED,
    W_SURROGATES,
    BudgetError,
    ExtractionError,
    ReadError,
    warning,
)
from ..records import Article

__all__ = [
    "article_from_html",
    "article_from_text",
    "decode_bytes",
    "decode_document",
    "scrub_surrogates",
    "normalize_language",
    "normalize_published",
    "normalize_text",
]

SNIFF_BYTES = 8192                 # how much of a file the binary check looks at
MAX_CONTROL_RATIO = 0.05           # more control characters than this: binary
MIN_SENTENCE_WORDS = 5             # extracted HTML needs one line at least this long
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_:.-]+)""", re.I)
_ISO_DAY_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_COMPACT_DAY_RE = re.compile(r"(\d{4})(\d{2})(\d{2})$")
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard).
_AS_CP1252 = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii"})


@dataclass(frozen=True, slots=True)
class HtmlContent:
    """What trafilatura found in a page: the article text and its metadata."""

    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def scrub_surrogates(text: str) -> tuple[str, int]:
    """``text`` with each lone surrogate code point (a JSON ``"\\ud800"`` escape, which no encoder can
    write) replaced by U+FFFD, offsets unchanged; and how many there were."""
    return _SURROGATE_RE.subn("\ufffd", text)


def normalize_text(text: str) -> str:
    """Drop a leading BOM, turn ``\\r\\n``/``\\r`` into ``\\n``, compose to NFC."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def normalize_published(value: Any) -> tuple[str | None, str | None]:
    """``(iso_date, warning)``: ``2020-11-05``, ``2020-11-05T10:00:00Z``, ``20201105`` -> ``2020-11-05``.

    An invalid value gives ``(None, warning)``; an absent one ``(None, None)``.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    raw = str(value).strip()
    match = _ISO_DAY_RE.match(raw) or _COMPACT_DAY_RE.match(raw)
    if match:
        try:
            return date(*(int(g) for g in match.groups())).isoformat(), None
        except ValueError:
            pass
    return None, f"published date {raw!r} is not a valid date (expected YYYY-MM-DD); ignored"


def normalize_language(value: Any) -> str | None:
    """``"FR"``, ``"fr-FR"``, ``"fr_CA"`` -> ``"fr"``; empty -> None."""
    if value is None or not str(value).strip():
        return None
    return re.split(r"[-_]", str(value).strip().lower(), maxsplit=1)[0]


def looks_binary(data: bytes) -> bool:
    """True when the first bytes hold a NUL or too many control bytes to be text."""
    sample = data[:SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if (b < 0x20 and chr(b) not in _TEXT_CONTROLS) or b == 0x7F)
    return bool(sample) and controls / len(sample) > MAX_CONTROL_RATIO


def decode_bytes(data: bytes, *, html: bool = False) -> str:
    """Bytes -> str: UTF-8 (a BOM is fine), UTF-16 with a BOM; for HTML, a declared charset."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16")
    if looks_binary(data):
        raise ReadError("binary content (NUL or control bytes), not text", code=E_BINARY)
    encoding = "utf-8-sig"
    if html and not data.startswith(codecs.BOM_UTF8):
        encoding = declared_charset(data) or encoding
    return _decode(data, encoding)


def decode_document(data: bytes, *, html: bool = False) -> tuple[str, tuple[str, ...]]:
    """:func:`decode_bytes`, tolerant of a cut ending: input that stops inside a multi-byte character
    (a file truncated in transit) keeps everything before it, with a W103 warning. Any other invalid
    byte is still E104."""
    try:
        return decode_bytes(data, html=html), ()
    except ReadError as exc:
        if exc.code != E_ENCODING:
            raise
        encoding = _encoding_of(data, html)
        try:
            data.decode(encoding)
        except UnicodeDecodeError as cut:
            if cut.end != len(data) or "end of data" not in cut.reason or len(data) - cut.start > 3:
                raise exc from None
            text = data[:cut.start].decode(encoding)
            return text, (warning(W_CUT_ENCODING, f"input ends inside a character: its last "
                                                  f"{len(data) - cut.start} byte(s) dropped"),)
        raise


def _encoding_of(data: bytes, html: bool) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if html and not data.startswith(codecs.BOM_UTF8):
        return declared_charset(data) or "utf-8-sig"
    return "utf-8-sig"


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(_decode_message(data, exc, encoding), code=E_ENCODING) from None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag, if Python knows it."""
    match = _CHARSET_RE.search(data[:SNIFF_BYTES])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    if label in _AS_CP1252:
        return "cp1252" if _decodes(data, "cp1252") else "latin-1"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _decode_message(data: bytes, exc: UnicodeDecodeError, encoding: str) -> str:
    name = "UTF-8" if encoding.startswith("utf-8") else encoding
    bad = data[exc.start:exc.start + 4]
    return f"invalid {name} at byte {exc.start} ({bad!r})"


def check_text(text: str, config: Config) -> None:
    """Raise the document error a cleaned text deserves, if any."""
    if "\x00" in text or _control_ratio(text) > MAX_CONTROL_RATIO:
        raise ReadError("binary content (NUL or control characters), not text", code=E_BINARY)
    stripped = len(text.strip())
    if stripped == 0:
        raise ReadError("empty document (no text, or whitespace only)", code=E_EMPTY)
    if stripped < config.min_chars:
        raise ReadError(f"text too short: {stripped} characters (min_chars={config.min_chars})", code=E_EMPTY)
    if len(text) > config.max_chars:
        raise BudgetError(f"text too long: {len(text)} characters (max_chars={config.max_chars})",
                          code=E_BUDGET_CHARS, stage="read")


def _control_ratio(text: str) -> float:
    sample = text[:SNIFF_BYTES]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in _TEXT_CONTROLS)
    return controls / len(sample)


def article_from_text(
    text: str, *, article_id: str = "text", published: Any = None, lang: str | None = None,
    config: Config | None = None, title: str | None = None, url: str | None = None,
    outlet: str | None = None, source: str | None = None, warnings: tuple[str, ...] = (),
) -> Article:
    """A checked, normalised Article from text (raises E101/E102/E103 on bad text)."""
    config = config or Config()
    text, replaced = scrub_surrogates(normalize_text(text))
    if replaced:
        warnings += (warning(W_SURROGATES, f"{replaced} lone surrogate code point(s) replaced by U+FFFD"),)
    check_text(text, config)
    iso, bad_date = normalize_published(published)
    if bad_date:
        warnings += (warning(W_PUBLISHED, bad_date),)
    return Article(
        id=scrub_surrogates(str(article_id))[0], text=text, language=normalize_language(lang), published=iso,
        title=_scrubbed(title) or None, url=_scrubbed(url) or None, outlet=_scrubbed(outlet) or None,
        source=source, warnings=warnings,
    )


def _scrubbed(value: str | None) -> str | None:
    return value if value is None else scrub_surrogates(value)[0]


def article_from_html(
    html: str, *, article_id: str = "html", published: Any = None, lang: str | None = None,
    config: Config | None = None, title: str | None = None, url: str | None = None,
    outlet: str | None = None, source: str | None = None, warnings: tuple[str, ...] = (),
) -> Article:
    """An Article from an HTML page: the text trafilatura extracts (E110 if none).

    The caller's ``published``/``title``/``url`` win over the page's metadata. What the HTML parser
    could not read (nesting deeper than its limit) is a warning on the article (W102, W105).
    """
    html, _ = scrub_surrogates(html)
    content = extract_html(html, url=url)
    return article_from_text(
        content.text, article_id=article_id, published=published or content.published, lang=lang,
        config=config, title=title or content.title, url=url or content.url, outlet=outlet,
        source=source, warnings=warnings + content.warnings,
    )


def extract_html(html: str, *, url: str | None = None) -> HtmlContent:
    """Run trafilatura on a page; E110 when it finds no article text."""
    import trafilatura  # heavy: imported on first use only

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, favor_recall=True, include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken pages
        raise ExtractionError(f"HTML extraction failed: {type(exc).__name__}: {exc}",
                              code=E_NO_ARTICLE) from exc
    text = (getattr(doc, "text", None) or "").strip()
    lost = parser_losses(html)
    if not _has_sentence(text):
        raise ExtractionError("HTML page has no article text" + (f" ({lost[0][6:]})" if lost else ""),
                              code=E_NO_ARTICLE)
    return HtmlContent(text=text, title=getattr(doc, "title", None) or None,
                       published=getattr(doc, "date", None) or None, url=getattr(doc, "url", None) or None,
                       warnings=lost)


def parser_losses(html: str) -> tuple[str, ...]:
    """Warnings for what lxml's HTML parser (the one trafilatura uses) drops silently: elements nested
    deeper than its limit of 255 levels (W102), or any other resource limit it hits (W105).

    The page is parsed again with trafilatura's parser settings to read the parser's error log (a few
    milliseconds for a news page): trafilatura itself does not report it."""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True,
                                  remove_pis=True)
    try:
        try:
            lxml_html.document_fromstring(html, parser=parser)
        except ValueError:  # "Unicode strings with encoding declaration are not supported": as bytes
            lxml_html.document_fromstring(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        pass  # nothing parsed: extraction failed or found no text, which is an error of its own
    limits = {e.message for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"}
    out = []
    for message in sorted(limits):
        if "depth" in message.lower():
            out.append(warning(W_HTML_DEPTH, "HTML nested deeper than the parser's limit (255 levels): "
                                             "the text inside the deeper elements is lost"))
        else:
            out.append(warning(W_HTML_ERRORS, f"the HTML parser hit a limit and dropped content: {message}"))
    return tuple(out)


def _has_sentence(text: str) -> bool:
    return any(len(line.split()) >= MIN_SENTENCE_WORDS for line in text.splitlines())
