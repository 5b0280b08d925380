"""Dates: find date mentions, resolve them against the article's date, date each event.

The public face is the pipeline stage; the rest is private to the package (``docs/dates.md``):
``vocab`` (load, validate and compile ``data/lang/<code>/dates.yaml``), ``find`` (mentions),
``resolve`` (the reference date and calendar values), ``doc`` (parse helpers: sentences,
attachment, tense) and ``stage`` (the stage and the event-dating rules).
"""

from .stage import DateStage

__all__ = ["DateStage"]
