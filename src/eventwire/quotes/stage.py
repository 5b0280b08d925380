"""Quotes and speakers: the quote stage.

``QuoteStage`` finds direct quotations (from the quotation marks) and reported speech
(reporting verbs, "selon X", "according to X"), resolves each speaker (name, role,
organisation; pronouns and "la source" only when the antecedent is certain), classifies
it (``named``, ``anonymous``, ``media``) and records a relaying outlet (``via``).
``AttributionStage`` (``attribution.py``) then tells, for every event, who says so.
Rules and examples: ``docs/attribution.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..actors import resolver_for
from ..records import Actor, Analysis, Quote, Speaker, TextRef
from ..text import doc_text, fold_words, fold_words_aligned
from .cues import Cue, TextIndex, dash_cue, find_cues
from .lexicon import ReportingLexicon, closed_words, lexicon_for
from .marks import Marked, find_marked
from .speaker import PERSON_LABELS, Resolve, describe, is_speaker_like, speaker_after

if TYPE_CHECKING:
    from ..pipeline import Resources

PARTIAL_SHARE = 0.5   # a quotation covering less of a reported clause than this is a partial quote
MIN_WORDS = 4         # a quotation without a cue and shorter than this is a scare quote
MAX_GAP = 200         # characters between a quote and an uncued quotation that continues it


@dataclass(frozen=True, slots=True)
class Voice:
    """Who a cue's statement is from, once resolved."""

    kind: str
    speaker: Speaker | None
    via: Speaker | None
    sent: int
    backref: bool = False      # resolved by "la source", "il", "the Observatory"


class QuoteStage:
    """Fills ``analysis.quotes``."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self._resolvers: dict[str, Resolve] = {}

    def __call__(self, analysis: Analysis) -> Analysis:
        lang = analysis.article.language or ""
        lex = lexicon_for(self.resources, lang) if analysis.doc is not None else None
        if lex is None:  # no parse, or a language without a reporting lexicon
            return analysis
        if lang not in self._resolvers:
            self._resolvers[lang] = _resolver(self.resources, lang)
        quotes = find_quotes(analysis, lex, self._resolvers[lang])
        return replace(analysis, quotes=quotes)


def _resolver(resources: Resources, lang: str) -> Resolve:
    resolver = resolver_for(resources, lang)
    return resolver.resolve


# --------------------------------------------------------------------------- finding quotes


def find_quotes(analysis: Analysis, lex: ReportingLexicon,
                resolve: Resolve | None = None) -> tuple[Quote, ...]:
    """All quotes of an analysed article, in text order."""
    doc = analysis.doc
    marked = find_marked(doc_text(doc))
    index = _index(doc, lex, marked)
    cues = find_cues(index, lex)
    voices = _voices(cues, index, lex, analysis.actors, resolve)
    attached = _attach(marked, cues, voices, index, lex)
    cues = cues + [c for c, _ in attached.values() if c not in voices]
    for cue, voice in attached.values():
        voices.setdefault(cue, voice)
    quotes = _emit(analysis.article.id, doc_text(doc), cues, voices, attached, index, lex)
    return tuple(sorted(_relay_back(quotes), key=lambda q: q.span))


def _index(doc: Any, lex: ReportingLexicon, marked: list[Marked]) -> TextIndex:
    folded = fold_words_aligned(doc_text(doc))
    pattern = lex.pattern("channels")
    channels = tuple((m.start(), m.end()) for m in pattern.finditer(folded)) if pattern else ()
    return TextIndex(doc=doc, folded=folded, quoted=tuple(m.inner for m in marked),
                     channels=channels, sent_starts=_word_sentences(doc))


def _word_sentences(doc: Any) -> tuple[int, ...]:
    """Where the sentences start; a sentence of punctuation alone (a lone « the parser cut off
    before a quotation) belongs to the previous one and does not count in sentence distances."""
    starts = tuple(s.start for s in doc.sents if any(not (t.is_punct or t.is_space) for t in s))
    return starts if starts and starts[0] == 0 else (0, *starts)


# --------------------------------------------------------------------------- speakers


def _voices(cues: list[Cue], index: TextIndex, lex: ReportingLexicon, actors: Sequence[Actor],
            resolve: Resolve | None) -> dict[Cue, Voice]:
    """Resolve every cue's speaker in text order (earlier speakers are antecedents)."""
    voices: dict[Cue, Voice] = {}
    for cue in cues:
        voice = _voice(cue, index, lex, actors, resolve, voices)
        if voice is not None:
            voices[cue] = voice
    return _media_relays(voices)


def _voice(cue: Cue, index: TextIndex, lex: ReportingLexicon, actors: Sequence[Actor],
           resolve: Resolve | None, earlier: dict[Cue, Voice]) -> Voice | None:
    doc = index.doc
    if cue.inherit:
        return _governing(cue, doc, earlier)
    if cue.speaker is None:
        return Voice("anonymous", None, None, cue.sent) if cue.anonymous else None
    word = _single_word(doc, cue.speaker)
    if word in lex.pronouns:
        return _antecedent(cue, earlier, doc)
    if word in lex.indefinite_pronouns:
        return _indefinite(cue)
    if not is_speaker_like(doc, cue.speaker, lex):
        return None
    return _phrase_voice(_split_relay(cue, index, lex), index, lex, actors, resolve, earlier)


def _single_word(doc: Any, rng: tuple[int, int]) -> str:
    """The folded word of a one-token speaker ("-il" -> "il"), else ""."""
    if rng[1] - rng[0] != 1:
        return ""
    text = doc[rng[0]].text
    return fold_words(text.lstrip("-t").lstrip("-")) if text.startswith("-") else fold_words(text)


def _phrase_voice(cue: Cue, index: TextIndex, lex: ReportingLexicon, actors: Sequence[Actor],
                  resolve: Resolve | None, earlier: dict[Cue, Voice]) -> Voice:
    """A speaker noun phrase: an earlier speaker named again, or a new one described."""
    assert cue.speaker is not None
    doc = index.doc
    back = _back_reference(cue, doc, lex, earlier)
    if back is not None:
        return _with_relay(back, cue, index, lex, actors, resolve)
    described = describe(doc, cue.speaker, lex, actors, resolve)
    voice = Voice(described.kind, described.speaker, None, cue.sent)
    if cue.via is not None:
        via = describe(doc, cue.via, lex, actors, resolve).speaker
        voice = replace(voice, via=via)
    return _with_relay(voice, cue, index, lex, actors, resolve)


def _split_relay(cue: Cue, index: TextIndex, lex: ReportingLexicon) -> Cue:
    """"Des témoins cités par la chaîne Al-Jazeera ont affirmé": speaker, then relay."""
    assert cue.speaker is not None
    doc = index.doc
    lo, hi = doc[cue.speaker[0]].idx, doc[cue.speaker[1] - 1].idx + len(doc[cue.speaker[1] - 1].text)
    pattern = lex.pattern("relay_phrases")
    m = pattern.search(index.folded, lo, hi) if pattern else None
    cut = doc.char_span(m.start(), m.end(), alignment_mode="expand") if m else None
    if cut is None or cut.start <= cue.speaker[0]:
        return cue
    via = speaker_after(doc, cut.end, cue.speaker[1], lex)
    stop = cut.start
    while stop > cue.speaker[0] and doc[stop - 1].is_punct:
        stop -= 1
    return replace(cue, speaker=(cue.speaker[0], stop), via=via or cue.via)


def _governing(cue: Cue, doc: Any, earlier: dict[Cue, Voice]) -> Voice | None:
    """"Il a expliqué que …, notant que …": the participle speaks with its governing verb."""
    if cue.verb is None:
        return None
    by_verb = {c.verb: v for c, v in earlier.items() if c.verb is not None}
    t = doc[cue.verb]
    while t.head.i != t.i:
        t = t.head
        if t.i in by_verb:
            return replace(by_verb[t.i], sent=cue.sent)
    return None


def _antecedent(cue: Cue, earlier: dict[Cue, Voice], doc: Any) -> Voice | None:
    """A pronoun speaks for the previous statement's speaker.

    Only if that statement is in the same or the previous sentence, with no other person between.
    """
    previous = [(c, v) for c, v in earlier.items() if v.speaker is not None]
    if not previous or previous[-1][1].sent < cue.sent - 1:
        return None
    prev_cue, voice = previous[-1]
    assert voice.speaker is not None and cue.speaker is not None
    lo, hi = max(prev_cue.cue.span[1], voice.speaker.span[1]), doc[cue.speaker[0]].idx
    if any(lo <= e.start_char < hi and e.label_ in PERSON_LABELS and not _modifier(e) for e in doc.ents):
        return None
    return replace(voice, sent=cue.sent, backref=True)


def _modifier(ent: Any) -> bool:
    """A name used as a modifier ("the Maduro government", "the Cuban and Maduro government advisers") is
    not a person a pronoun could refer to."""
    doc = ent.doc
    nxt = doc[ent.end] if ent.end < len(doc) else None
    return ent.root.dep_ == "compound" or (nxt is not None and nxt.pos_ == "NOUN" and nxt.text[:1].islower())


def _indefinite(cue: Cue) -> Voice:
    """"a-t-on appris": an unnamed source."""
    return Voice("anonymous", None, None, cue.sent)


def _back_reference(cue: Cue, doc: Any, lex: ReportingLexicon, earlier: dict[Cue, Voice]) -> Voice | None:
    """"la source", "the Observatory", "M. Haddad": an earlier speaker the phrase names again."""
    assert cue.speaker is not None
    span = doc[cue.speaker[0] : cue.speaker[1]]
    if len(span) > 3:
        return None
    last = span[-1]
    first = fold_words(span[0].text)
    titled = first in closed_words("definite_articles") or first in closed_words("titles")
    if not (titled or last.pos_ == "PROPN"):
        return None
    key = fold_words(last.text)
    if titled and key in lex.anonymous_nouns:  # "la source": the last unnamed source
        anonymous = [v for v in earlier.values() if v.kind == "anonymous" and v.speaker is not None]
        return replace(anonymous[-1], sent=cue.sent, backref=True) if anonymous else None
    if titled and key in lex.institution_nouns:  # "le mouvement", "the group": the last body
        last = next(reversed(earlier.values()), None)
        if last is not None and _body(last) and last.sent >= cue.sent - 1:
            return replace(last, sent=cue.sent, backref=True)
    for voice in reversed(list(earlier.values())):
        if voice.speaker is not None and _names(voice.speaker, key):
            return replace(voice, sent=cue.sent, backref=True)
    return None


def _body(voice: Voice) -> bool:
    """A named organisation or state speaking (no person, no role): its name is its actor's."""
    spk = voice.speaker
    if voice.kind != "named" or spk is None or spk.role is not None or spk.actor is None:
        return False
    return fold_words(spk.name) in (fold_words(spk.actor.text), fold_words(spk.actor.name))


def _names(speaker: Speaker, key: str) -> bool:
    words = fold_words(speaker.text).replace(",", " ").split()
    return len(key) > 2 and key in words


def _with_relay(voice: Voice, cue: Cue, index: TextIndex, lex: ReportingLexicon,
                actors: Sequence[Actor], resolve: Resolve | None) -> Voice:
    """", citée par le site web irakien al-Maaloumah": the relaying outlet after the speaker."""
    if cue.speaker is None:
        return voice
    doc = index.doc
    end = max(doc[cue.speaker[1] - 1].idx + len(doc[cue.speaker[1] - 1].text), cue.cue.span[1])
    rest = index.folded[end : doc[cue.speaker[1] - 1].sent.end_char]
    pattern = lex.pattern("relay_phrases")
    m = pattern.search(rest) if pattern else None
    if m is None or rest[: m.start()].strip(" ,\u00a0") != "":
        return voice
    start = doc.char_span(end + m.end(), end + m.end() + 1, alignment_mode="expand")
    if start is None:
        return voice
    rng = speaker_after(doc, start.start, start.sent.end, lex)
    if rng is None:
        return voice
    return replace(voice, via=describe(doc, rng, lex, actors, resolve).speaker)


def _media_relays(voices: dict[Cue, Voice]) -> dict[Cue, Voice]:
    """"X said …, Press TV reported": in one sentence, the outlet relays the other speaker."""
    out = dict(voices)
    for cue, voice in voices.items():
        if voice.kind != "media" or voice.speaker is None:
            continue
        others = [c for c, v in out.items() if c.sent == cue.sent and c is not cue and v.kind != "media"]
        for other in others:
            if out[other].via is None:
                out[other] = replace(out[other], via=voice.speaker)
        if others:
            del out[cue]
    return out


# --------------------------------------------------------------------------- direct quotes


def _attach(marked: list[Marked], cues: list[Cue], voices: dict[Cue, Voice], index: TextIndex,
            lex: ReportingLexicon) -> dict[Marked, tuple[Cue, Voice]]:
    """Each quotation with the cue that introduces it (after it, before it, or a dash)."""
    out: dict[Marked, tuple[Cue, Voice]] = {}
    voiced = [c for c in cues if c in voices]
    for m in marked:
        cue = (_head_cue(m, voiced, index, covering=True) or _tail_cue(m, voiced, index)
               or _head_cue(m, voiced, index))
        if cue is not None:
            out[m] = (cue, voices[cue])
            continue
        dash = dash_cue(index, lex, m.outer[1])
        if dash is not None and dash.speaker is not None:
            d = describe(index.doc, dash.speaker, lex, (), None)
            out[m] = (dash, Voice(d.kind, d.speaker, None, dash.sent))
            continue
        previous = _continuing(m, out, voiced, index)
        if previous is not None:
            out[m] = previous
    return out


def _continuing(m: Marked, attached: dict[Marked, tuple[Cue, Voice]], cues: list[Cue],
                index: TextIndex) -> tuple[Cue, Voice] | None:
    """An uncued quotation right after a quoted one, same paragraph, nothing between: same speaker."""
    if not attached or len(doc_text(index.doc)[m.inner[0] : m.inner[1]].split()) < MIN_WORDS:
        return None
    last = max(attached, key=lambda k: k.outer[1])
    gap = doc_text(index.doc)[last.outer[1] : m.outer[0]]
    own = attached[last][0]
    between = any(last.outer[1] <= c.cue.span[0] < m.outer[0] for c in cues if c is not own)
    cue_before = attached[last][0].cue.span[0] < m.outer[0]
    if "\n" in gap or len(gap) > MAX_GAP or between or not cue_before:
        return None
    return attached[last]


def _tail_cue(m: Marked, cues: list[Cue], index: TextIndex) -> Cue | None:
    text = doc_text(index.doc)
    for cue in cues:
        start = cue.cue.span[0]
        if start < m.outer[1]:
            continue
        if start - m.outer[1] > 80:
            return None
        gap = text[m.outer[1] : start]
        if len(gap) > 80 or any(c in gap for c in ".!?«»“”\"\n"):
            return None
        if gap.strip(" ,\u00a0\u202f") == "":
            return cue
        ended = text[m.inner[1] - 1 : m.inner[1]] in ".!?"  # 'said "…." He added': a new sentence
        if not ended and _speaker_in(cue, m.outer[1], start, index):
            return cue
        return None
    return None


def _speaker_in(cue: Cue, lo: int, hi: int, index: TextIndex) -> bool:
    if cue.speaker is None:
        return False
    first = index.doc[cue.speaker[0]]
    return lo <= first.idx < hi


def _head_cue(m: Marked, cues: list[Cue], index: TextIndex, covering: bool = False) -> Cue | None:
    text = doc_text(index.doc)
    before = [c for c in cues if c.cue.span[1] <= m.outer[0]]
    if not before:
        return None
    cue = before[-1]
    if cue.content is not None and cue.content[0] <= m.outer[0] <= cue.content[1]:
        return cue
    if covering or m.outer[0] - cue.cue.span[1] > 12:
        return None
    gap = fold_words(text[cue.cue.span[1] : m.outer[0]]).strip(" ,:\u00a0\u202f")
    return cue if gap == "" or gap in closed_words("complementizers") else None


# --------------------------------------------------------------------------- records


def _emit(article_id: str, text: str, cues: list[Cue], voices: dict[Cue, Voice],
          attached: dict[Marked, tuple[Cue, Voice]], index: TextIndex, lex: ReportingLexicon) -> list[Quote]:
    quotes: list[Quote] = []
    covered: set[Cue] = set()
    for m, (cue, voice) in attached.items():
        if _partial(m, cue):
            continue
        quotes.append(_quote(article_id, text, m.inner, True, cue, voice, index))
        covered.add(cue)
    for cue in cues:
        said = voices.get(cue)
        if said is None or cue in covered or cue.content is None:
            continue
        quotes.append(_quote(article_id, text, cue.content, False, cue, said, index))
    return quotes


def _partial(m: Marked, cue: Cue) -> bool:
    """A few quoted words inside a reported clause ("les coupables seront « punis »")."""
    if cue.content is None:
        return False
    if not (cue.content[0] < m.inner[0] and m.inner[1] <= cue.content[1] + 1):
        return False
    share = (m.inner[1] - m.inner[0]) / max(1, cue.content[1] - cue.content[0])
    return share < PARTIAL_SHARE


def _quote(article_id: str, text: str, span: tuple[int, int], direct: bool, cue: Cue, voice: Voice,
           index: TextIndex) -> Quote:
    return Quote(article_id=article_id, text=text[span[0] : span[1]], span=span, kind=voice.kind,
                 direct=direct, speaker=voice.speaker, via=voice.via, channel=_channel(cue, index),
                 cue=cue.cue)


def _channel(cue: Cue, index: TextIndex) -> TextRef | None:
    """The channel phrase of the cue's sentence nearest to the cue."""
    sent = index.doc[index.sent_starts[cue.sent]].sent
    near = [(abs(a - cue.cue.span[0]), (a, b)) for a, b in index.channels
            if sent.start_char <= a < sent.end_char and not index.in_quote(a)]
    if not near:
        return None
    a, b = min(near)[1]
    return TextRef(doc_text(index.doc)[a:b], (a, b))


def _relay_back(quotes: list[Quote]) -> list[Quote]:
    """"ajoute la source, citée par al-Maaloumah": the same source's earlier words share the relay."""
    out = list(quotes)
    for q in quotes:
        if q.via is None or q.speaker is None:
            continue
        for i, other in enumerate(out):
            if other.via is None and other.speaker == q.speaker:
                out[i] = replace(other, via=q.via)
    return out
