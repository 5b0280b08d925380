"""An act of a type that counts with no agent (``sourceless_types``: ASSAULT in English) is kept with
``source: null`` when neither its clause nor the article names who did it and the article names the author
of no other act of the type; a noun, an act one is accused of, and a second unattributed telling are not."""

from __future__ import annotations


def _assaults(events_of, text):
    return [e for e in events_of(text, "en") if e.type == "ASSAULT" and not (e.negated or e.hypothetical)]


def test_an_attack_with_no_named_author_is_kept_without_source(events_of):
    [ev] = _assaults(events_of, "Two night watchmen were shot dead outside a bank in the northern city on "
                                "Tuesday. The police have opened an inquiry.")
    assert ev.source is None and ev.rule.endswith("+unattributed")
    assert ev.target is not None and "watchmen" in ev.target.text


def test_one_unattributed_telling_per_article(events_of):
    text = ("Two night watchmen were shot dead outside a bank in the northern city on Tuesday. "
            "The night watchmen were shot at close range, a witness said.")
    assert len(_assaults(events_of, text)) == 1


def test_not_when_the_article_names_an_attacker(events_of):
    text = ("Two night watchmen were shot dead outside a bank on Tuesday. "
            "Four hours later, rebels ambushed a police patrol near the bridge.")
    [ev] = _assaults(events_of, text)
    assert ev.source is not None and ev.source.text == "rebels"


def test_not_an_act_one_is_accused_of(config):
    # with a low event threshold (the judge's score of the act moves with each retraining), the act reaches
    # the unattributed rule, which turns it down: one is accused of it, no one is said to have done it
    from dataclasses import replace

    from eventwire import Pipeline
    from eventwire.coding.judge import load_judge, model_path
    from eventwire.records import Article

    pipe = Pipeline(config)
    pipe.resources.put("coding-judge-en", replace(load_judge(model_path("en")), threshold=0.2))
    text = "Two dockers accused by the harbour police of burning a cargo ship were freed on Friday, the port said."
    res = pipe.analyze(Article(id="t", text=text, language="en", published="2019-03-02"))
    assert not [e for e in res.events if e.type == "ASSAULT"]
    assert any(r.type == "ASSAULT" and "no source" in r.reason for r in res.rejections)


def test_not_an_act_a_noun_names(analysed):
    res = analysed("The mayor called for calm in the wake of the murder of the town clerk.", "en")
    assert not [e for e in res.events if e.type == "ASSAULT"]
    [rej] = [r for r in res.rejections if r.type == "ASSAULT"]
    assert "no source" in rej.reason
