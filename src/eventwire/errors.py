"""The eventwire exception tree. Every error has a code, like spaCy's ``[E005]``.

::

    EventwireError                      base of everything eventwire raises
    ├── ConfigError          E0xx       bad configuration or data file
    │   └── DataFileError    E01x       a lexicon/dictionary/gazetteer file fails validation
    │                        E02x       a GeoNames dump given to `eventwire gazetteer import` (E020 unreadable,
    │                                   E021 a line that is not a GeoNames row, E022 nothing kept)
    ├── DocumentError        E1xx       one input document cannot be processed (recorded, batch goes on)
    │   ├── ReadError        E10x       cannot read: missing, empty, binary, too large, bad encoding, bad JSON
    │   ├── ExtractionError  E11x       HTML with no article text in it
    │   ├── LanguageError    E12x       unsupported or undetectable language
    │   ├── ProcessingError  E13x       a stage failed on this document
    │   └── BudgetError      E14x       over a per-document budget (characters, sentences, tokens, seconds)
    ├── ModelError           E2xx       a spaCy model is missing or cannot load
    ├── StoreError           E3xx       the store cannot be opened, migrated or written
    │                                   (E301 write conflict, E302 schema newer than this eventwire,
    │                                    E303 unsupported backend URL, E304 disk full or write failed,
    │                                    E305 locked by another process too long, E310-E313 PostgreSQL)
    ├── ExportError          E4xx       an export cannot be produced (eventwire.export; E401)
    └── RayError             E5xx       --engine ray cannot start, join or finish (eventwire.ray_engine)
                             E504       a worker process died on one document, alone (eventwire.workers):
                                        recorded against it, not raised, the batch goes on

A ``DocumentError`` raised inside a stage is caught by the pipeline and turned into
an :class:`eventwire.records.DocumentError` record (stored with the article's status);
the batch continues. Warnings (W1xx) are no exceptions: what a reader had to drop or repair in a
document that is still processed, recorded in ``Article.warnings`` as ``"[W102] message"``.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class. ``code`` is a stable identifier such as ``"E101"``."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        if code:
            self.code = code
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ConfigError(EventwireError):
    code = "E001"


class DataFileError(ConfigError):
    code = "E010"


class ContractError(EventwireError):
    """A stage read or wrote an ``Analysis`` field it does not declare (``Pipeline(check_contracts=True)``)."""

    code = "E008"


class DocumentError(EventwireError):
    """A problem with one document. ``stage`` names where it happened."""

    code = "E100"
    stage = "process"

    def __init__(self, message: str, *, code: str | None = None, stage: str | None = None) -> None:
        super().__init__(message, code=code)
        if stage:
            self.stage = stage


class ReadError(DocumentError):
    code = "E101"
    stage = "read"


class ExtractionError(DocumentError):
    code = "E110"
    stage = "clean"


class LanguageError(DocumentError):
    code = "E120"
    stage = "langid"


class ProcessingError(DocumentError):
    code = "E130"
    stage = "extract"


class BudgetError(DocumentError):
    """A document over one of its budgets (``Config.max_chars``, ``max_sentences``, ``max_sentence_tokens``,
    ``max_seconds``): recorded against it, never silently truncated."""

    code = "E140"
    stage = "budget"


class ModelError(EventwireError):
    code = "E200"


class StoreError(EventwireError):
    code = "E300"


# Codes used for documents, documented in docs/input.md (all codes: docs/errors.md).
E_EMPTY = "E101"          # empty or whitespace-only document
E_BINARY = "E102"         # binary content (NUL bytes, not text)
E_TOO_LARGE = "E103"      # larger than config.max_bytes
E_ENCODING = "E104"       # not valid in any accepted encoding
E_BAD_JSON = "E105"       # a JSONL line that is not a JSON object
E_BAD_RECORD = "E106"     # a JSON record without id/text/html
E_MISSING = "E107"        # file not found or unreadable
E_NO_ARTICLE = "E110"     # HTML with no article text
E_LANG_UNSUPPORTED = "E120"
E_LANG_UNKNOWN = "E121"
E_STAGE = "E130"

# Per-document budgets (docs/input.md#budgets): over one, the document is recorded as failed with its code.
E_BUDGET_CHARS = "E140"       # text longer than config.max_chars characters
E_BUDGET_SENTENCES = "E141"   # more than config.max_sentences sentences
E_BUDGET_TOKENS = "E142"      # a sentence longer than config.max_sentence_tokens tokens
E_BUDGET_SECONDS = "E143"     # the stages took longer than config.max_seconds on this document

# Warning codes: recorded in Article.warnings as "[Wxxx] message"; the document is still processed.
W_PUBLISHED = "W101"          # the published date is not a valid date: ignored
W_HTML_DEPTH = "W102"         # HTML nested deeper than the parser's limit: content below it is lost
W_CUT_ENCODING = "W103"       # the input ends inside a multi-byte character: the cut bytes are dropped
W_SURROGATES = "W104"         # lone surrogate code points (JSON escapes) replaced by U+FFFD
W_HTML_ERRORS = "W105"        # the HTML parser stopped early or dropped content (another resource limit)


def warning(code: str, message: str) -> str:
    """The text of a warning recorded on a document: ``"[W101] message"``."""
    return f"[{code}] {message}"

# Engine codes (docs/errors.md, docs/scale.md): E501-E503 stop the Ray engine; E504 is recorded against a document.
E_WORKER_DIED = "E504"    # a worker process died (OOM killer, kill -9, native crash) running this document alone

# Store codes (docs/store.md).
E_STORE_FULL = "E304"     # the disk (or the file-size limit) is full, or a write failed (I/O)
E_STORE_BUSY = "E305"     # another process held the store's lock longer than the busy timeout
