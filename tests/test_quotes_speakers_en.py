"""English quotes: who speaks, how the text says so, and through whom."""

from __future__ import annotations

import pytest

from eventwire.actors import ActorStage
from eventwire.quotes import QuoteStage
from eventwire.records import Analysis, Article


@pytest.fixture(scope="module")
def quotes_of(nlp_en, resources):
    def run(text: str):
        analysis = Analysis(article=Article(id="t", text=text, language="en"), doc=nlp_en(text))
        return QuoteStage(resources)(ActorStage(resources)(analysis)).quotes

    return run


def test_quotes_en_said_with_role_and_channel(quotes_of):
    (q,) = quotes_of('"We will not retreat," Hamas spokesman Hazem Qassem said in a statement on Thursday.')
    assert (q.text, q.kind, q.direct) == ("We will not retreat", "named", True)
    assert q.speaker.name == "Hazem Qassem" and q.speaker.role == "spokesman"
    assert q.channel.text == "in a statement"


def test_quotes_en_said_inverted_curly_quotes(quotes_of):
    (q,) = quotes_of("“The talks are over,” said Foreign Minister Ali Bagheri.")
    assert q.speaker.name == "Ali Bagheri" and q.speaker.role == "Foreign Minister"


def test_quotes_en_according_to_media(quotes_of):
    (q,) = quotes_of("According to Reuters, air strikes hit the city of Homs on Monday.")
    assert (q.kind, q.speaker.name, q.direct) == ("media", "Reuters", False)
    assert q.text.startswith("air strikes hit")


@pytest.mark.parametrize("text, speaker", [
    ("Two soldiers were killed in the attack, officials said.", "officials"),
    ("A senior official told reporters that the troops would withdraw.", "A senior official"),
    ("Witnesses said police fired on the crowd.", "Witnesses"),
    ("Sources close to the group said Hezbollah fighters had joined the offensive.",
     "Sources close to the group"),
])
def test_quotes_en_anonymous_forms(quotes_of, text, speaker):
    (q,) = quotes_of(text)
    assert q.kind == "anonymous" and q.speaker.text == speaker


def test_quotes_en_state_media_reported(quotes_of):
    (q,) = quotes_of("State media reported that the curfew had been lifted.")
    assert q.kind == "media" and q.text == "the curfew had been lifted"


def test_quotes_en_outlet_reporting_another_speaker_is_a_relay(quotes_of):
    (q,) = quotes_of("A security source said troops had entered the village, "
                     "the Iranian news agency Tasnim reported.")
    assert q.kind == "anonymous" and q.via is not None and q.via.name == "Tasnim"


def test_quotes_en_quoted_as_saying(quotes_of):
    (q,) = quotes_of("Reuters quoted the Defense Ministry as saying that it was reviewing the footage.")
    assert q.kind == "named" and "Defense Ministry" in q.speaker.text and q.via.name == "Reuters"


def test_quotes_en_pronoun_continuation(quotes_of):
    text = 'The minister Ahmed Saleh condemned the attack. He said "those responsible will be punished."'
    quotes = quotes_of(text)
    assert quotes[-1].direct and quotes[-1].speaker.name == "Ahmed Saleh"


def test_quotes_en_pronoun_without_antecedent_is_dropped(quotes_of):
    assert quotes_of('Rebels shelled the town. He said "those responsible will be punished."') == ()


def test_quotes_en_quote_over_two_paragraphs(quotes_of):
    text = '"The fighting has stopped.\n"We are now counting the dead," said Ahmed Saleh, a local doctor.'
    (q,) = quotes_of(text)
    assert q.text == 'The fighting has stopped.\n"We are now counting the dead'
    assert q.speaker.name == "Ahmed Saleh"
