"""The ordered stages, built from configuration and checked when built.

A stage is a small callable ``Analysis -> Analysis`` registered under a name, with
the fields it reads and writes declared (like spaCy's ``Language.factory``)::

    @register("actors", reads=("doc",), writes=("actors",))
    class ActorStage:
        def __init__(self, resources: Resources) -> None: ...
        def __call__(self, analysis: Analysis) -> Analysis: ...

Before the named stages run, every document goes through the fixed front:
identify the language, then parse with spaCy (``nlp.pipe`` in batches).
A document that fails anywhere becomes a ``Result`` with an ``error``; the batch goes on.
"""

from __future__ import annotations

import importlib
import logging
import re
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import chain, islice
from typing import Any, Protocol

from . import nlp as _nlp
from .config import Config, load_config
from .errors import (
    E_BUDGET_SECONDS,
    E_BUDGET_SENTENCES,
    E_BUDGET_TOKENS,
    BudgetError,
    ConfigError,
    ContractError,
    EventwireError,
)
from .errors import DocumentError as DocumentFailure
from .languages import registry
from .records import Analysis, Article, DocumentError, Event, Result

log = logging.getLogger(__name__)

FRONT_FIELDS = ("article", "doc")


class Stage(Protocol):
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def __call__(self, analysis: Analysis) -> Analysis: ...


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: str            # "module:attribute", imported when the pipeline is built
    reads: tuple[str, ...]
    writes: tuple[str, ...]


_REGISTRY: dict[str, StageSpec] = {}


def register(name: str, factory: str, *, reads: Sequence[str], writes: Sequence[str]) -> None:
    """Register a stage factory by import path; third-party stages use the same call."""
    _REGISTRY[name] = StageSpec(name, factory, tuple(reads), tuple(writes))


# Built-in stages. Import paths, so registering imports nothing heavy.
register("actors", "eventwire.actors:ActorStage", reads=["doc"], writes=["actors"])
register("quotes", "eventwire.quotes:QuoteStage", reads=["doc", "actors"], writes=["quotes"])
register("coder", "eventwire.coding:CoderStage", reads=["doc", "actors", "quotes"],
         writes=["events", "rejections"])
register("places", "eventwire.places:PlaceStage", reads=["doc", "actors", "events"],
         writes=["places", "events"])
register("dates", "eventwire.dates:DateStage", reads=["doc", "events"], writes=["dates", "events"])
register("attribution", "eventwire.quotes:AttributionStage", reads=["doc", "quotes", "events"],
         writes=["events"])
register("merge", "eventwire.coding:MergeStage", reads=["events", "rejections"],
         writes=["events", "rejections"])
register("counterparts", "eventwire.coding:CounterpartStage", reads=["doc", "actors", "quotes", "events"],
         writes=["events"])


class Resources:
    """Per-process cache of loaded data (dictionaries, gazetteer, lexicons), built lazily."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._cache: dict[str, Any] = {}

    def get(self, key: str, loader: Callable[[Config], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = loader(self.config)
        return self._cache[key]

    def put(self, key: str, value: Any) -> None:
        """Provide a resource before the stages ask for it (training's collecting judge, tests)."""
        self._cache[key] = value


def models_for(config: Config, lang: str) -> tuple[str, ...]:
    """The spaCy packages tried for ``lang``: the config's, else those of the language's ``language.yaml``."""
    return config.models.get(lang) or registry(config.language_dirs).get(lang).models


_EMPTY: dict[str, Any] = {"doc": None, "actors": (), "places": (), "dates": (), "quotes": (), "events": (),
                          "rejections": ()}


def contract_violations(stage: Stage, analysis: Analysis) -> list[str]:
    """What ``stage`` does on ``analysis`` beyond its declared ``reads`` and ``writes``: a field it
    changes without declaring it, or a field it reads without declaring it (its output changes when
    that field is hidden from it). For tests and ``Pipeline(check_contracts=True)``; runs the stage twice."""
    return _violations(stage, analysis, stage(analysis))


def _violations(stage: Stage, analysis: Analysis, out: Analysis) -> list[str]:
    """:func:`contract_violations`, given the stage's output ``out`` on ``analysis``."""
    problems = [f"writes '{name}' (undeclared)" for name in _EMPTY
                if getattr(out, name) is not getattr(analysis, name) and name not in stage.writes]
    hidden = [name for name in _EMPTY if name not in stage.reads and name not in stage.writes]
    try:
        masked = stage(replace(analysis, **{name: _EMPTY[name] for name in hidden}))
    except Exception as exc:  # noqa: BLE001 - any failure without them says the stage needs them
        return [*problems, f"reads one of {hidden} (undeclared): fails without them ({type(exc).__name__})"]
    for name in stage.writes:
        if getattr(masked, name) != getattr(out, name):
            problems.append(f"reads one of {hidden} (undeclared): '{name}' differs when they are hidden")
            break
    return problems


def build_stages(config: Config, resources: Resources) -> list[Stage]:
    """Instantiate the configured stages, checking each reads what an earlier one wrote."""
    available = set(FRONT_FIELDS)
    stages: list[Stage] = []
    for name in config.stages:
        spec = _REGISTRY.get(name)
        if spec is None:
            raise ConfigError(f"unknown stage '{name}' (known: {', '.join(sorted(_REGISTRY))})", code="E005")
        missing = [f for f in spec.reads if f not in available]
        if missing:
            raise ConfigError(f"stage '{name}' reads {missing}, which no earlier stage writes", code="E006")
        module, attr = spec.factory.split(":")
        try:
            stage = getattr(importlib.import_module(module), attr)(resources)
        except EventwireError:
            raise
        except Exception as exc:  # a stage that cannot be built is a configuration error, said once
            raise ConfigError(f"stage '{name}' cannot be built ({spec.factory}): {type(exc).__name__}: {exc}",
                              code="E007") from exc
        stage.name, stage.reads, stage.writes = spec.name, spec.reads, spec.writes
        stages.append(stage)
        available.update(spec.writes)
    return stages


class Pipeline:
    """Articles in, results out.

    >>> from eventwire import Pipeline
    >>> pipe = Pipeline()
    >>> [r.article.id for r in pipe.process([])]
    []
    """

    def __init__(self, config: Config | None = None, *, check_contracts: bool = False) -> None:
        self.config = config or load_config()
        self.resources = Resources(self.config)
        self._stages: list[Stage] | None = None
        self.check_contracts = check_contracts  # run every stage twice, checking its reads and writes

    @property
    def stages(self) -> list[Stage]:
        if self._stages is None:
            self._stages = build_stages(self.config, self.resources)
        return self._stages

    def nlp(self, lang: str) -> Any:
        return _nlp.get_nlp(lang, models_for(self.config, lang))

    def analyze(self, article: Article, doc: Any = None) -> Analysis:
        """Run every stage on one article (parsing it first if no ``doc`` is given)."""
        if doc is None:
            doc = self.nlp(article.language or "")(article.text)
        analysis = Analysis(article=article, doc=doc)
        for stage in self.stages:
            analysis = self._step(stage, analysis)
        return analysis

    def _step(self, stage: Stage, analysis: Analysis) -> Analysis:
        """One stage on one article; with ``check_contracts``, its declared reads and writes checked."""
        out = stage(analysis)
        if self.check_contracts:
            broken = _violations(stage, analysis, out)
            if broken:
                raise ContractError(f"stage '{stage.name}' breaks its declared contract: {'; '.join(broken)}")
        return out

    def process(self, items: Iterable[Article | DocumentError], *, workers: int | None = None) -> Iterator[Result]:
        """Yield one ``Result`` per input item, in input order."""
        n = workers or self.config.workers
        batches = _chunks(iter(items), self.config.batch_size)
        if n <= 1:
            for batch in batches:
                yield from self._process_batch(batch)
            return
        first = next(batches, None)
        if first is None:
            return
        self.prepare(self._languages(first))
        # Workers are forked from this process once its models, gazetteer and lexicons are loaded: they
        # share them copy-on-write and load nothing. A worker that dies is replaced and its batches sent
        # again (eventwire.workers).
        from .workers import run

        for results in run(self, chain([first], batches), n):
            yield from results

    def prepare(self, languages: Iterable[str] = ()) -> Pipeline:
        """Load now what the stages need (gazetteer, lexicons), the spaCy models of ``languages`` and what
        the stages load per language on their first document of it (coding lexicon and judge, date
        grammar, reporting verbs: the stages run once on an empty document of each), instead of on the
        first document; ``process`` does it before forking its workers, a Ray actor when it starts."""
        self.stages  # noqa: B018 - builds the stages now
        for lang in languages:
            self.nlp(lang)
            try:
                self.analyze(Article(id="prepare", text="", language=lang))
            except DocumentFailure:  # a stage that refuses an empty document loads on a real one
                continue
            except EventwireError:
                raise
            except Exception:  # noqa: BLE001 - likewise: a real document will tell, with its code (E130)
                log.debug("warming up the stages on an empty %s document failed", lang, exc_info=True)
        return self

    def _languages(self, batch: list[Article | DocumentError]) -> list[str]:
        """The languages of a batch's articles (declared or detected), in first-seen order."""
        found: dict[str, None] = {}
        for item in batch:
            if isinstance(item, Article):
                try:
                    check_budget(item.text, self.config)
                    found[self.identify(item).language or ""] = None
                except DocumentFailure:
                    continue
        return [lang for lang in found if lang]

    def _process_batch(self, batch: list[Article | DocumentError]) -> list[Result]:
        results: dict[int, Result] = {}
        by_lang: dict[str, list[tuple[int, Article]]] = {}
        for i, item in enumerate(batch):
            if isinstance(item, DocumentError):
                results[i] = Result(article=None, error=item)
                continue
            try:
                check_budget(item.text, self.config)
                article = self.identify(item)
            except DocumentFailure as exc:
                results[i] = Result(article=item, error=_record(item, exc))
                continue
            by_lang.setdefault(article.language or "", []).append((i, article))
        for lang, group in by_lang.items():
            docs = self.nlp(lang).pipe(a.text for _, a in group)
            for (i, article), doc in zip(group, docs, strict=True):
                results[i] = self._run(article, doc)
        return [results[i] for i in range(len(batch))]

    def identify(self, article: Article) -> Article:
        """The article with its language (detected when not given); a ``DocumentError`` subclass
        is raised for a language eventwire does not read."""
        from .ingest.langid import identify

        return identify(article, self.config)


    def _run(self, article: Article, doc: Any) -> Result:
        analysis = Analysis(article=article, doc=doc)
        stages = self.stages  # built (or failed with a coded ConfigError) before any document runs
        stage: Stage | None = None
        budget = self.config.max_seconds
        try:
            with _alarm(budget):
                deadline = time.monotonic() + budget
                for stage in stages:
                    analysis = self._step(stage, analysis)
                    if time.monotonic() > deadline:
                        raise _Overtime
        except _Overtime:
            where = getattr(stage, "name", "extract")
            err = DocumentError(article.id, where, E_BUDGET_SECONDS,
                                f"over the time budget: more than {budget:g} s in the stages (max_seconds; "
                                f"stopped in '{where}')", article.source)
            return Result(article=article, error=err)
        except DocumentFailure as exc:
            return Result(article=article, error=_record(article, exc))
        except EventwireError:
            raise
        except Exception as exc:  # a bug in a stage must not sink the batch
            log.exception("stage failed on %s", article.id)
            err = DocumentError(article.id, getattr(stage, "name", "extract"), "E130",
                                f"{type(exc).__name__}: {exc}", article.source)
            return Result(article=article, error=err)
        events = tuple(e for e in analysis.events if e.confidence >= self.config.min_confidence)
        return Result(article=article, events=events, quotes=analysis.quotes, rejections=analysis.rejections)

    def extract(self, text: str, *, published: str | None = None, lang: str | None = None,
                article_id: str = "text") -> list[Event]:
        """Events of one text. Raises the document's error if it cannot be processed."""
        from .ingest.clean import article_from_text

        article = article_from_text(text, article_id=article_id, published=published, lang=lang,
                                    config=self.config)
        (result,) = self._process_batch([article])
        if result.error is not None:
            raise DocumentFailure(result.error.message, code=result.error.code, stage=result.error.stage)
        return list(result.events)


_SENTENCE_END = re.compile(r"[.!?…]+|\n")
_TOKEN = re.compile(r"\w+|[^\w\s]")


def check_budget(text: str, config: Config) -> None:
    """Refuse, before language identification and parsing, a text over its sentence budgets
    (``max_sentences``: E141; ``max_sentence_tokens``: E142).

    Counted with two regular expressions, in linear time, because the parse of such a text is what the budget
    must spare (spaCy's tokenizer alone takes seconds on a few thousand brackets in a row): a sentence ends at
    sentence-final punctuation (. ! ? …) or a line break; a token is a run of word characters or one other
    non-space character. Both counts are at least spaCy's on ordinary text (a URL counts as many tokens), so the
    defaults, far above any news article's, refuse word soup and character floods, never prose."""
    sentences = longest = 0
    for segment in _SENTENCE_END.split(text):
        tokens = len(_TOKEN.findall(segment))
        if tokens:
            sentences += 1
            longest = max(longest, tokens)
            if longest > config.max_sentence_tokens:
                raise BudgetError(f"a sentence of {tokens} tokens, over the budget of "
                                  f"{config.max_sentence_tokens} (max_sentence_tokens)", code=E_BUDGET_TOKENS,
                                  stage="parse")
    if sentences > config.max_sentences:
        raise BudgetError(f"{sentences} sentences, over the budget of {config.max_sentences} (max_sentences)",
                          code=E_BUDGET_SENTENCES, stage="parse")


class _Overtime(BaseException):
    """The time budget ran out (a BaseException: a stage's ``except Exception`` cannot swallow it)."""


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Interrupt the block with :class:`_Overtime` after ``seconds`` (SIGALRM), where that is possible: in
    the main thread, with no other timer armed. Elsewhere the stages are only checked between them."""
    usable = (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
              and signal.getitimer(signal.ITIMER_REAL)[0] == 0)
    if not usable:
        yield
        return

    def fire(signum: int, frame: Any) -> None:
        raise _Overtime

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _record(article: Article, exc: DocumentFailure) -> DocumentError:
    return DocumentError(article.id, exc.stage, exc.code, exc.message, article.source)


def _chunks(it: Iterator[Any], size: int) -> Iterator[list[Any]]:
    while batch := list(islice(it, size)):
        yield batch


_DEFAULT: Pipeline | None = None


def extract(text: str, *, published: str | None = None, lang: str | None = None) -> list[Event]:
    """Code the events of one text with the default configuration.

    >>> events = extract("Le Hezbollah a menacé Israël.", published="2020-11-05", lang="fr")  # doctest: +SKIP
    """
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT.extract(text, published=published, lang=lang)
