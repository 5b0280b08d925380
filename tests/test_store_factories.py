"""Hand-made records shared by the store, export, batch and CLI tests (no tests here)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventwire.config import Config, load_config
from eventwire.records import (
    Actor,
    Article,
    Attribution,
    DocumentError,
    Event,
    Place,
    Quote,
    Rejection,
    Result,
    Speaker,
    TextRef,
    When,
)

TEXT_FR = ("Le Hezbollah a menacé Israël mercredi à Beyrouth. "
           "« Nous répondrons », a déclaré Ali Ahmad, porte-parole du Hezbollah. "
           "Les États-Unis ont condamné l'attaque.")


def span(text: str, part: str, start: int = 0) -> tuple[int, int]:
    i = text.index(part, start)
    return (i, i + len(part))


def make_article(article_id: str = "a1", text: str = TEXT_FR, **kw: object) -> Article:
    return Article(id=article_id, text=text, language="fr", published="2020-11-05",
                   title=kw.pop("title", "Menacé à Beyrouth"), source=f"{article_id}.txt", **kw)  # type: ignore[arg-type]


def actor(text: str, name: str, country: str | None, sector: str | None = "GOV", *,
          body: str = TEXT_FR) -> Actor:
    return Actor(text=text, name=name, span=span(body, text), country=country, sector=sector)


def make_threat(article_id: str = "a1", *, date: str = "2020-11-04") -> Event:
    t = TEXT_FR
    speaker = Speaker(text="Ali Ahmad", name="Ali Ahmad", span=span(t, "Ali Ahmad"), role="porte-parole",
                      actor=actor("Hezbollah", "Hezbollah", "LBN", "REB"))
    return Event(
        article_id=article_id, language="fr", type="THREATEN", mode="violence",
        trigger=TextRef("a menacé", span(t, "a menacé")),
        evidence=TextRef(t[:49], (0, 49)),
        source=actor("Hezbollah", "Hezbollah", "LBN", "REB"),
        target=actor("Israël", "Israel", "ISR"),
        location=Place(text="Beyrouth", name="Beirut", span=span(t, "Beyrouth"), country="LBN",
                       admin1="Beyrouth", lat=33.89, lon=35.5, precision="city", gazetteer_id="276781"),
        date=When(text="mercredi", value=date, precision="day", span=span(t, "mercredi"),
                  flags=("weekday",)),
        attribution=Attribution(kind="named", speaker=speaker, via=None,
                                quote=TextRef("« Nous répondrons »", span(t, "« Nous répondrons »"))),
        confidence=0.82, rule="fr.threaten.menacer.nsubj", explanation="menacer with nsubj Hezbollah",
    )


def make_accuse(article_id: str = "a1") -> Event:
    t = TEXT_FR
    return Event(
        article_id=article_id, language="fr", type="ACCUSE",
        trigger=TextRef("ont condamné", span(t, "ont condamné")),
        evidence=TextRef(t[t.index("Les États"):], (t.index("Les États"), len(t))),
        source=actor("États-Unis", "United States", "USA"), negated=False, hypothetical=True,
        confidence=0.6, rule="fr.accuse.condamner",
    )


def make_quote(article_id: str = "a1") -> Quote:
    t = TEXT_FR
    speaker = Speaker(text="Ali Ahmad", name="Ali Ahmad", span=span(t, "Ali Ahmad"), role="porte-parole",
                      actor=actor("Hezbollah", "Hezbollah", "LBN", "REB"))
    return Quote(article_id=article_id, text="Nous répondrons", span=span(t, "Nous répondrons"),
                 kind="named", direct=True, speaker=speaker, cue=TextRef("a déclaré", span(t, "a déclaré")))


def make_rejection() -> Rejection:
    return Rejection(sentence=(0, 49), trigger=TextRef("a menacé", span(TEXT_FR, "a menacé")), type="ASSAULT",
                     reason="no physical act: threat verb")


def ok_result(article_id: str = "a1", text: str = TEXT_FR) -> Result:
    return Result(article=make_article(article_id, text),
                  events=(make_threat(article_id), make_accuse(article_id)),
                  quotes=(make_quote(article_id),), rejections=(make_rejection(),))


def failed_result(article_id: str = "bad", code: str = "E130") -> Result:
    art = make_article(article_id, f"Texte qui a fait échouer une étape ({article_id}).")
    return Result(article=art, error=DocumentError(article_id, "extract", code, "boom", art.source))


def unread_result(line: int = 3) -> Result:
    err = DocumentError(f"in.jsonl:{line}", "read", "E105", "not a JSON object", f"in.jsonl:{line}")
    return Result(article=None, error=err)


class FakePipeline:
    """Processes lazily, one item at a time, like a pipeline with batch_size 1; records what it parsed."""

    def __init__(self) -> None:
        self.config: Config = load_config()
        self.parsed: list[str] = []

    def process(self, items: Iterable[Article | DocumentError], *,
                workers: int | None = None) -> Iterator[Result]:
        for item in items:
            if isinstance(item, DocumentError):
                yield Result(article=None, error=item)
                continue
            self.parsed.append(item.id)
            if "échec" in item.text:
                err = DocumentError(item.id, "extract", "E130", "stage failed", item.source)
                yield Result(article=item, error=err)
            else:
                yield Result(article=item, events=(make_threat(item.id),), rejections=(make_rejection(),))
