"""The place stage's fast paths give the answers of the plain code they replace: the prefix-tree
phrase regex (curated names, venues) against one flat alternation sorted longest first, and the
bisection over taken spans against a scan of all of them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.places.gazetteer import phrase_regex
from eventwire.places.mentions import _Taken


def _flat_regex(phrases: set[str]) -> re.Pattern[str]:
    body = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


# Few letters, spaces and punctuation: phrases that are prefixes of one another, and texts where a
# longer phrase fails on a word boundary and a shorter one must be found instead.
_CHARS = st.sampled_from(list("abé -.()'"))
_PHRASES = st.sets(st.text(_CHARS, min_size=1, max_size=6).map(str.strip).filter(bool), max_size=12)


@settings(max_examples=300, deadline=None)
@given(_PHRASES, st.lists(st.one_of(st.text(_CHARS, max_size=4), st.sampled_from(["ab", "a b", "b-a", " "])),
                          max_size=12))
def test_places_speed_phrase_regex_matches_the_flat_alternation(phrases, pieces):
    text = "".join(pieces) + "".join(sorted(phrases))
    fast, flat = phrase_regex(phrases), _flat_regex(phrases)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_places_speed_phrase_regex_takes_the_longest_name_at_a_word_boundary():
    regex = phrase_regex(["aeroport", "aeroport de bagdad", "aeroport de bagdadi", "bagdad"])
    text = "l'aeroport de bagdad, l'aeroport de bagdadis, aeroport de bagdadi."
    assert [m.group(0) for m in regex.finditer(text)] == ["aeroport de bagdad", "aeroport", "aeroport de bagdadi"]
    assert not list(phrase_regex([]).finditer(text))


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8)), max_size=30))
def test_places_speed_taken_spans_agree_with_a_scan(spans):
    taken, plain = _Taken(), []
    for start, length in spans:
        span = (start, start + length)
        overlaps = any(span[0] < e and s < span[1] for s, e in plain)
        assert taken.overlaps(span) == overlaps
        if not overlaps:
            taken.add(span)
            plain.append(span)
