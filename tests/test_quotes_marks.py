"""Direct quotations found from quotation marks alone."""

from __future__ import annotations

from eventwire.quotes.marks import find_marked


def inner(text: str) -> list[str]:
    return [text[m.inner[0] : m.inner[1]] for m in find_marked(text)]


def test_quotes_marks_french_guillemets_with_and_without_spaces():
    text = "Il a dit : « Nous partons » puis «Nous revenons» et «\u00a0Jamais\u00a0»."
    assert inner(text) == ["Nous partons", "Nous revenons", "Jamais"]


def test_quotes_marks_english_curly_and_straight():
    text = '“The talks are over,” he said. "We will stay," she said.'
    assert inner(text) == ["The talks are over", "We will stay"]


def test_quotes_marks_nested_quote_is_kept_inside_the_outer_one():
    text = "« Ils ont crié « à bas la guerre » devant l'ambassade », a-t-il dit."
    assert inner(text) == ["Ils ont crié « à bas la guerre » devant l'ambassade"]


def test_quotes_marks_quote_continued_over_paragraphs():
    text = "« Nous avons perdu trois soldats.\n« Les combats continuent », a dit le colonel."
    (m,) = find_marked(text)
    assert text[m.inner[0] : m.inner[1]] == "Nous avons perdu trois soldats.\n« Les combats continuent"


def test_quotes_marks_unclosed_quote_at_paragraph_end_is_dropped():
    text = "Il a parlé de « trêve.\nLe lendemain, les combats ont repris."
    assert inner(text) == []
