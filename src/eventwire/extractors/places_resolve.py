"""Resolve place mentions to gazetteer entries, in the context of the article.

Candidates of a name are ranked by:

1. the hierarchy the sentence states: a candidate whose country (or admin1) is named in the same
   sentence wins ("Long Beach, California"; "in Idlib province, Syria"; "à l'ouest d'al-Anbar en Irak");
2. the article's country priors: countries named in the article and the countries of its
   unambiguous places (facilities, regions, large cities under their own name); the countries of
   its actors ("la Première ministre britannique") support a candidate without weighing as priors;
3. the feature type: reviewed facilities and regions, then countries; an admin1 only when the
   words say so ("province d'Idleb"), else the city of the same name;
4. population.

A small city that neither the article's countries nor the sentence supports is rejected (the
classic GeoNames false hit: a common word that is a village somewhere).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..records import Place
from .gazetteer import Candidate, Gazetteer, fold, name_key
from .places_mentions import BARE, Mention

MIN_UNSUPPORTED_POPULATION = 50_000
PRIOR_CITY_POPULATION = 1_000_000
KIND_BONUS = {"facility": 6.0, "country": 3.0, "city": 0.0}


@dataclass(frozen=True, slots=True)
class Resolved:
    mention: Mention
    place: Candidate

    def to_place(self) -> Place:
        c = self.place
        return Place(text=self.mention.text, name=c.name, span=self.mention.span, country=c.country,
                     admin1=c.admin1, lat=c.lat, lon=c.lon, precision=c.kind, gazetteer_id=c.id)


def resolve_all(mentions: Iterable[Mention], gazetteer: Gazetteer,
                priors: Counter[str] | None = None, named: frozenset[str] = frozenset()) -> list[Resolved]:
    """Resolve every mention; a name with no acceptable candidate is skipped, the others are kept.
    ``named``: countries of the article's actors ("la Première ministre britannique"), which support
    a candidate (no penalty for an unknown country) without weighing as priors."""
    looked = [(m, gazetteer.lookup(m.text)) for m in mentions]
    looked = [(m, cands) for m, cands in looked if cands]
    prior = (priors or Counter()) + article_priors(looked)
    context = _sentence_context(looked)
    for ctx in context.values():
        ctx.named = named
    out: list[Resolved] = []
    for mention, cands in looked:
        best = choose(mention, cands, prior, context.get(mention.sentence, SentenceContext(named=named)))
        if best is not None:
            out.append(Resolved(mention, best))
    return out


def article_priors(looked: list[tuple[Mention, list[Candidate]]]) -> Counter[str]:
    """Countries the article names, and the countries of its unambiguous places."""
    counts: Counter[str] = Counter()
    for mention, cands in looked:
        top = cands[0]
        if top.kind == "city" and name_key(top.name) != name_key(mention.text):
            continue  # an old or foreign name of a big city ("Salisbury" for Harare) proves no country
        notable = top.kind != "city" or top.population >= PRIOR_CITY_POPULATION
        sizeable = _unambiguous(cands) and top.population >= MIN_UNSUPPORTED_POPULATION
        if top.country and (notable or sizeable):
            counts[top.country] += 1
    return counts


def _unambiguous(cands: list[Candidate]) -> bool:
    return len({c.country for c in cands}) == 1


@dataclass
class SentenceContext:
    """What one sentence states about the hierarchy: its countries and admin1 names."""

    countries: set[str] = field(default_factory=set)
    admin1: set[str] = field(default_factory=set)
    named: frozenset[str] = frozenset()  # countries of the article's actors


def _sentence_context(looked: list[tuple[Mention, list[Candidate]]]) -> dict[tuple[int, int], SentenceContext]:
    """Per sentence: the countries and admin1 names its country/region mentions state."""
    out: dict[tuple[int, int], SentenceContext] = {}
    for mention, cands in looked:
        ctx = out.setdefault(mention.sentence, SentenceContext())
        for c in cands:
            if c.kind == "country" and c.country:
                ctx.countries.add(c.country)
            elif c.kind == "admin1" and c.admin1:
                ctx.admin1.add(fold(c.admin1))
                if _unambiguous(cands) and c.country:
                    ctx.countries.add(c.country)
    return out


def choose(mention: Mention, cands: list[Candidate], prior: Counter[str], ctx: SentenceContext) -> Candidate | None:
    """The best acceptable candidate for one mention, or None."""
    scored = [(score(mention, c, prior, ctx), c) for c in cands if acceptable(mention, c, prior, ctx)]
    if not scored:
        return None
    return max(scored, key=lambda sc: (sc[0], -len(sc[1].id)))[1]


def acceptable(mention: Mention, c: Candidate, prior: Counter[str], ctx: SentenceContext) -> bool:
    if mention.person_article and c.kind == "city" and name_key(c.name) != name_key(mention.text):
        return False  # "les Kurdes", "un Français": a people, not another name of some city
    if mention.source == BARE:
        return c.kind != "city" or c.population >= PRIOR_CITY_POPULATION
    if c.kind != "city" or c.population >= MIN_UNSUPPORTED_POPULATION:
        return True
    return _supported(c, prior, ctx) or (mention.locative and mention.source == "curated")


def score(mention: Mention, c: Candidate, prior: Counter[str], ctx: SentenceContext) -> float:
    s = math.log10(c.population + 10)
    if c.country in ctx.countries:
        s += 4
    if c.admin1 and fold(c.admin1) in ctx.admin1 and c.kind != "admin1":
        s += 3
    if c.country and prior:
        top = max(prior.values())  # the count of ``prior.most_common(1)``, without the sort machinery
        s += 3 * prior[c.country] / top
    if name_key(c.name) == name_key(mention.text):
        s += 1.5  # the place's own name, not a historical or foreign one (Salisbury, not Harare)
    elif not _supported(c, prior, ctx):
        s -= 3.0  # an alternate name of a place in a country the article does not talk about
    return s + _kind_bonus(mention, c)


def _supported(c: Candidate, prior: Counter[str], ctx: SentenceContext) -> bool:
    """The article gives the candidate's country: a prior, the sentence, or one of its actors."""
    return c.country in prior or c.country in ctx.countries or c.country in ctx.named


def _kind_bonus(mention: Mention, c: Candidate) -> float:
    curated = not c.id.startswith(("gn:", "admin1:", "country:"))
    if c.kind == "admin1":
        bonus = 4.0 if mention.admin_cue else -3.0
    else:
        bonus = KIND_BONUS.get(c.kind, 0.0)
    return bonus + (5.0 if curated else 0.0)
