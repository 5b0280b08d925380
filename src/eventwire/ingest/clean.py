"""Placeholder: text -> Article (the ingest owner replaces this)."""
from __future__ import annotations
from ..records import Article

def article_from_text(text, *, article_id="text", published=None, lang=None, config=None) -> Article:
    return Article(id=article_id, text=text, language=lang, published=published)
