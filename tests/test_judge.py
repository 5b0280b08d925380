"""The learned judge: candidates kept or dropped by a linear model, sources inferred from the article.

Mechanism tests use a judge with hand-set weights (put into the pipeline's resources), so they say
what the coder does with a verdict whatever the shipped model learned; the last tests check the shipped
model and ``make train``'s code on small data of our own.
"""

from __future__ import annotations

import json

import pytest

from eventwire.coding.judge import MODEL_FORMAT, Judge, candidate_features, load_judge, model_path
from eventwire.coding.train import Doc, fit_targets, gold_spans, label, names_match, objective, plateau_middle
from eventwire.config import load_config
from eventwire.errors import ConfigError
from eventwire.pipeline import Pipeline
from eventwire.records import Article

pytestmark = pytest.mark.slow


def run(judge: Judge, text: str, lang: str = "fr"):
    pipe = Pipeline(load_config(overrides={"languages": [lang]}))
    pipe.resources.put(f"coding-judge-{lang}", judge)
    return next(iter(pipe.process([Article(id="t", text=text, language=lang, published="2021-03-04")])))


def test_a_sourceless_candidate_reaches_the_judge_and_may_stand_with_no_source():
    judge = Judge(weights={"type=ASSAULT": 3.0}, bias=-1.0, threshold=0.5, null_threshold=0.5)
    res = run(judge, "Une attaque a eu lieu hier soir dans le centre de la ville.")
    ev = next(e for e in res.events if e.type == "ASSAULT")
    assert ev.source is None and ev.coder == "rules+judge/1"
    assert ev.confidence == pytest.approx(0.881, abs=0.001)
    assert "judge 0.88" in ev.explanation and "type=ASSAULT +3.00" in ev.explanation
    assert ".none-" in ev.rule


def test_a_sourceless_event_below_the_null_threshold_is_rejected_with_the_judge_score():
    judge = Judge(weights={"type=ASSAULT": 3.0}, bias=-1.0, threshold=0.5, null_threshold=0.95)
    res = run(judge, "Une attaque a eu lieu hier soir dans le centre de la ville.")
    assert not [e for e in res.events if e.type == "ASSAULT"]
    assert any(r.type == "ASSAULT" and "no source; judge 0.88 < 0.95" in r.reason for r in res.rejections)


def test_the_judge_drops_a_candidate_the_rules_would_keep():
    judge = Judge(weights={"type=COERCE": -4.0}, bias=1.0, threshold=0.5)
    res = run(judge, "La police a arrêté deux manifestants à Lyon.")
    assert not [e for e in res.events if e.type == "COERCE"]
    assert any(r.type == "COERCE" and r.reason.startswith("not an event (judge 0.05 (type=COERCE -4.00")
               for r in res.rejections)


def test_the_judge_chooses_between_the_senses_of_a_word():
    # "condamner": ACCUSE (condemn) or SANCTION (sentence); the judge weighs both readings
    text = "Le tribunal a condamné l'opposant à deux ans de prison."
    for favoured in ("ACCUSE", "SANCTION"):
        judge = Judge(weights={f"type={favoured}": 3.0}, bias=-1.0, threshold=0.5)
        res = run(judge, text)
        assert {e.type for e in res.events if e.trigger.text == "a condamné"} == {favoured}


def test_a_failed_sense_constraint_is_a_feature_not_a_silent_drop():
    # "menacer" wants an actor object in the lexicon; the judge sees sense_ok=False and may keep it
    judge = Judge(weights={"type=THREATEN": 2.0}, bias=0.0, threshold=0.5)
    res = run(judge, "Les syndicats ont menacé une grève générale lundi.")
    ev = next(e for e in res.events if e.type == "THREATEN")
    assert ev.source is not None and ev.source.name


def test_a_source_is_inferred_from_the_paragraph_and_marked():
    judge = Judge(weights={"type=COERCE": 3.0}, bias=0.0, threshold=0.5, null_threshold=0.99,
                  source_weights={"kind=state": 3.0, "dist=1": 1.0}, source_bias=-1.0, source_threshold=0.6)
    res = run(judge, "Le Cameroun a lancé une vaste offensive contre Boko Haram dans l'Extrême-Nord. "
                     "Vingt membres présumés du groupe ont été arrêtés.")
    ev = next(e for e in res.events if e.type == "COERCE")
    assert ev.source is not None and ev.source.name == "Cameroon" and ev.source.inferred == "context"
    assert ev.rule.endswith("+context") and "source inferred from the article: 'Cameroun'" in ev.explanation
    assert ev.to_dict()["source"]["inferred"] == "context"


def test_a_source_candidate_is_weighed_against_the_events_target():
    # the source model sees who would do it to whom: the pair of the candidate's and the target's
    # sectors by type ("sides=ASSAULT:REB>MIL": rebels on soldiers) and whether they share a country
    judge = Judge(weights={"type=ASSAULT": 3.0}, bias=0.0, threshold=0.5, null_threshold=0.99,
                  source_weights={"sides=ASSAULT:REB>MIL": 3.0}, source_bias=-1.0, source_threshold=0.6)
    res = run(judge, "Les rebelles du M23 contrôlent plusieurs collines. "
                     "Trois soldats congolais ont été abattus près de Goma mardi.")
    ev = next(e for e in res.events if e.type == "ASSAULT")
    assert ev.source is not None and ev.source.inferred == "context"
    assert "sides=ASSAULT:REB>MIL +3.00" in ev.explanation


def test_the_target_is_never_the_inferred_source():
    judge = Judge(weights={"type=ASSAULT": 3.0}, bias=0.0, threshold=0.5, null_threshold=0.99,
                  source_weights={"kind=state": 3.0}, source_bias=-1.0, source_threshold=0.6)
    res = run(judge, "La France a été visée par une cyberattaque massive.")
    assert not [e for e in res.events if e.type == "ASSAULT" and e.source and e.source.name == "France"]


def test_rules_alone_when_configured():
    pipe = Pipeline(load_config(overrides={"judge": "rules"}))
    text = "Une attaque a eu lieu hier soir près de la base du Hezbollah. Le Hezbollah a menacé Israël."
    res = next(iter(pipe.process([Article(id="t", text=text, language="fr")])))
    assert not [e for e in res.events if e.type == "ASSAULT"]  # no source inferred for the attack
    assert res.events and all(e.coder == "rules/1" for e in res.events)


@pytest.mark.parametrize("bad", [{"judge": "learned"}, {"judge_threshold": 1.5}, {"judge_threshold": "high"}])
def test_judge_settings_are_validated(bad):
    with pytest.raises(ConfigError):
        load_config(overrides=bad)


def test_the_features_describe_the_candidate():
    feats = candidate_features(etype="COERCE", mode="arrest", pos="verb", lemma="arrêter", how="passive",
                               src_path=None, src_sector=None, src_kind="none", tgt_path="nsubjpass",
                               tgt_sector="CVL", sense_ok=True, negated=False, hypothetical=False,
                               head_dep="ROOT", head_tag="VERB:Part/Past", clause_dep="ROOT", sent_index=3,
                               in_quote=False, n_alternatives=1)
    assert {"sense=COERCE:verb:arrêter", "src=COERCE:none", "tgt=COERCE:yes", "mode=COERCE:arrest",
            "sent=6", "how=COERCE:passive"} <= set(feats)


def test_the_shipped_models_load_and_say_how_they_were_trained():
    for lang in ("fr", "en"):
        path = model_path(lang)
        raw = json.loads(path.read_text(encoding="utf-8"))
        assert raw["format"] == MODEL_FORMAT and raw["meta"]["lang"] == lang
        judge = load_judge(path)
        assert judge.trained and 0 < judge.threshold < 1 and judge.source_weights
        assert raw["meta"]["positives"] > 50 and raw["meta"]["candidates"] > raw["meta"]["positives"]


def test_the_readme_example_is_coded_by_the_shipped_judge(pipeline):
    import eventwire

    evs = eventwire.extract("Le Hezbollah a menacé Israël mercredi.", published="2020-11-05")
    ev = next(e for e in evs if e.type == "THREATEN")
    assert ev.source.name == "Hezbollah" and ev.target.name == "Israel" and ev.date.value == "2020-11-04"


def test_training_labels_candidates_by_trigger_overlap_and_type():
    gold = {"article_id": "a", "text": "Des hommes armés ont attaqué un poste. La police a arrêté deux suspects.",
            "events": [{"type": "ASSAULT", "trigger": "ont attaqué", "source": {"names": ["hommes armés"]}},
                       {"type": "COERCE", "trigger": "a arrêté", "source": {"names": ["police"]},
                        "optional": True}]}
    recs = [{"article_id": "a", "span": [17, 28], "type": "ASSAULT", "negated": False, "hypothetical": False,
             "source": {"name": "gunmen", "text": "Des hommes armés"}, "features": ["x"]},
            {"article_id": "a", "span": [17, 28], "type": "COERCE", "negated": False, "hypothetical": False,
             "source": None, "features": ["y"]},
            {"article_id": "a", "span": [48, 56], "type": "COERCE", "negated": False, "hypothetical": False,
             "source": None, "features": ["z"]}]
    rows, n_gold = label(recs, [Doc(gold, None, True, "t")])
    assert n_gold == {"a": 1}
    assert [(r["type"], r["y"]) for r in rows] == [("ASSAULT", 1), ("COERCE", 0)]  # the optional one is left out
    assert rows[0]["src_ok"] == ["a#0"] and rows[1]["src_ok"] == []
    assert gold_spans(gold["text"], gold["events"][0]) == [(17, 28)]


def test_one_event_per_sentence_sets_give_no_negatives():
    """PLOVER gold sentences annotate one event each: another candidate of the sentence, of the same
    type or not, may be another event or the same one told twice; it is left out, not a negative."""
    gold = {"article_id": "p", "text": "Gunmen attacked a checkpoint, killing two guards.",
            "events": [{"type": "ASSAULT", "trigger": "attacked", "source": {"names": ["gunmen"]}}]}
    recs = [{"article_id": "p", "span": [7, 15], "type": "ASSAULT", "negated": False, "hypothetical": False,
             "source": {"name": "gunmen", "text": "Gunmen"}, "features": ["a"]},
            {"article_id": "p", "span": [30, 37], "type": "ASSAULT", "negated": False, "hypothetical": False,
             "source": None, "features": ["b"]}]
    incomplete, _ = label(recs, [Doc(gold, None, False, "plover")])
    assert [(r["span"], r["y"]) for r in incomplete] == [([7, 15], 1)]
    complete, _ = label(recs, [Doc(gold, None, True, "train")])  # every event annotated: the second is extra
    assert [(r["span"], r["y"]) for r in complete] == [([7, 15], 1), ([30, 37], 0)]


def test_names_match_like_the_scorer():
    assert names_match({"name": "Kataeb Hezbollah", "text": "Kataëb Hezbollah"}, {"names": ["Kata'ib Hezbollah"]})
    assert not names_match({"name": "Iraq", "text": "l'Irak"}, {"names": ["Kataeb Hezbollah"]})
    assert names_match(None, None) and not names_match({"name": "x"}, None)


def test_the_objective_pairs_one_to_one_and_counts_a_wrong_source_against_precision():
    rows = [{"y": 1, "gold": ["a#0"], "src_ok": ["a#0"], "source": {"name": "x"}},
            {"y": 1, "gold": ["a#0"], "src_ok": [], "source": {"name": "y"}},
            {"y": 0, "gold": [], "src_ok": [], "source": None}]
    f, f_type, f_source = objective(rows, [0.9, 0.8, 0.9], [None, None, None], 0.5, 0.95, 1.01, n_gold=1)
    assert f_type == pytest.approx(2 * 1 / (1 + 1 + 1))    # tp 1, fp 1 (the second prediction of a#0)
    assert f_source == pytest.approx(2 * 1 / (1 + 1 + 1))  # tp 1, fp 1 (the wrong source); the third is below 0.95
    assert f == pytest.approx((f_type + 2 * f_source) / 3)


def _gold(i: int, text: str, events: list[dict]) -> dict:
    for e in events:
        e.setdefault("optional", False)
        e["trigger_start"] = text.index(e["trigger"])
    return {"article_id": f"toy-{i}", "lang": "fr", "published": "2021-05-04", "title": None, "text": text,
            "events": events}


def test_make_train_fits_both_models_from_a_folder_reproducibly(tmp_path):
    from eventwire.coding.train import main

    docs = [
        _gold(1, "La police a arrêté trois militants à Lyon mardi.",
              [{"type": "COERCE", "trigger": "a arrêté", "source": {"names": ["police"]}}]),
        _gold(2, "Des hommes armés ont attaqué un poste de police. Deux agents ont été blessés.",
              [{"type": "ASSAULT", "trigger": "ont attaqué", "source": {"names": ["hommes armés"]}}]),
        _gold(3, "Le ministre a rencontré son homologue allemand à Berlin.",
              [{"type": "CONSULT", "trigger": "a rencontré", "source": {"names": ["ministre"]}}]),
        _gold(4, "Le match a été annulé en raison de la pluie.", []),
        _gold(5, "L'armée malienne a lancé une offensive contre les jihadistes. Dix suspects ont été arrêtés.",
              [{"type": "ASSAULT", "trigger": "offensive", "source": {"names": ["armée malienne"]}},
               {"type": "COERCE", "trigger": "ont été arrêtés", "source": {"names": ["armée malienne"]}}]),
        _gold(6, "Les syndicats ont manifesté devant la préfecture contre la réforme.",
              [{"type": "PROTEST", "trigger": "ont manifesté", "source": {"names": ["syndicats"]}}]),
    ]
    folder = tmp_path / "train" / "fr"
    folder.mkdir(parents=True)
    for d in docs:
        (folder / f"{d['article_id']}.json").write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    outs = []
    for run in ("a", "b"):
        out = tmp_path / run
        assert main(["--train", str(tmp_path / "train"), "--shared", str(tmp_path / "none"), "--lang", "fr",
                     "--out", str(out)]) == 0
        outs.append((out / "judge-fr.json").read_text(encoding="utf-8"))
    assert outs[0] == outs[1]  # seeded: the same data give the same file
    model = json.loads(outs[0])
    assert model["meta"]["articles"] == {"train/fr": 6} and model["meta"]["positives"] >= 4
    assert load_judge(tmp_path / "a" / "judge-fr.json").trained


def test_thresholds_come_from_the_middle_of_a_flat_objective():
    # the objective is flat (within PLATEAU) from .2 to .4: the middle, .3, not the arg max .4
    flat = {t: (score, t) for t, score in [(0.1, 0.50), (0.2, 0.580), (0.3, 0.582), (0.4, 0.583), (0.5, 0.55)]}
    assert plateau_middle(flat)[1] == 0.3
    peaked = {t: (score, t) for t, score in [(0.1, 0.50), (0.2, 0.55), (0.3, 0.60), (0.4, 0.55)]}
    assert plateau_middle(peaked)[1] == 0.3
    rising = {t: (score, t) for t, score in [(0.1, 0.50), (0.2, 0.55), (0.3, 0.60), (0.4, 0.599)]}
    assert plateau_middle(rising)[1] == 0.3
    # two thresholds within PLATEAU of each other, the better one above: it, not the lower by a floor
    pair = {t: (score, t) for t, score in [(0.15, 0.604), (0.2, 0.6114), (0.25, 0.6122), (0.3, 0.605)]}
    assert plateau_middle(pair)[1] == 0.25


def test_regularisation_is_the_strongest_within_one_standard_error_of_the_best():
    from eventwire.coding.train import one_se_choice

    per_c = {0.1: (0.600, "c=.1"), 0.3: (0.625, "c=.3"), 1.0: (0.633, "c=1")}  # the grid from strong to weak
    assert one_se_choice(per_c, {0.1: 0.02, 0.3: 0.02, 1.0: 0.010})[1] == "c=.3"  # .625 >= .633 - .010; .600 is not
    assert one_se_choice(per_c, {0.1: 0.02, 0.3: 0.02, 1.0: 0.040})[1] == "c=.1"  # a wide spread: the strongest
    assert one_se_choice(per_c, dict.fromkeys(per_c, 0.0))[1] == "c=1"            # no spread: the best


def test_fold_error_is_the_spread_of_the_objective_over_article_folds():
    from eventwire.coding.train import fold_error

    def row(aid: str, y: int) -> dict:
        gid = [f"{aid}#0"] if y else []
        return {"article_id": aid, "y": y, "gold": gid, "src_ok": gid, "source": "X"}

    arts = [f"a{k}" for k in range(10)]
    same = [row(a, 1) for a in arts]
    n_gold = dict.fromkeys(arts, 1)
    assert fold_error(same, [0.9] * 10, [None] * 10, (0.5, 0.5, 1.01), n_gold) == 0.0  # every fold perfect
    mixed = [row(a, int(k < 3)) for k, a in enumerate(arts)]  # most kept candidates are negatives
    n_mixed = {a: int(k < 3) for k, a in enumerate(arts)}
    assert fold_error(mixed, [0.9] * 10, [None] * 10, (0.5, 0.5, 1.01), n_mixed) > 0.0


def _row(aid: str, i: int, y: int) -> dict:
    return {"article_id": aid, "span": [i, i + 1], "type": "ASSAULT", "y": y, "src_ok": True, "source": "X",
            "features": [f"w{i % 3}", "sense=ASSAULT"]}


def test_fold_judges_leave_each_group_out_of_its_own_judge():
    from eventwire.coding.train import OOF_FOLDS, fold_judges

    style = [Doc({"article_id": f"wikinews-fr-{k}", "text": "", "events": []}, None, True, "train/fr")
             for k in range(20)]
    written = [Doc({"article_id": f"fr-write-{k}", "text": "", "events": []}, None, True, "train/fr") for k in range(3)]
    # one article whose candidates all carry a feature no other article has: its own fold's judge never saw it
    rows = [_row(d.gold["article_id"], i, i % 2) for d in style + written for i in range(4)]
    rows += [dict(_row("wikinews-fr-0", 9, 1), features=["only-here"])]
    fitted = {"C": 1.0, "smodel": None}
    folds = fold_judges("fr", style + written, rows, {}, fitted)
    assert 1 < len(folds) <= OOF_FOLDS
    grouped = [g["article_id"] for group, _ in folds for g in group]
    # the written articles are scored out of fold too (twenty-first session): both styles of the training set
    assert sorted(grouped) == sorted(d.gold["article_id"] for d in style + written)
    own = next(j for group, j in folds if any(g["article_id"] == "wikinews-fr-0" for g in group))
    others = [j for group, j in folds if all(g["article_id"] != "wikinews-fr-0" for g in group)]
    assert "only-here" not in own.weights and all("only-here" in j.weights for j in others)
    assert fold_judges("en", style, rows, {}, fitted) == []  # English thresholds stay cross-validated


@pytest.mark.parametrize("lang,text,trigger", [
    ("fr", "Des heurts ont éclaté samedi soir entre supporters et policiers à Marseille.", "heurts"),
    ("fr", "Une manifestation a eu lieu devant la préfecture de Rennes.", "manifestation"),
    ("fr", "L'attaque, survenue dans la nuit, a visé un poste de gendarmerie.", "attaque"),
    ("en", "Clashes broke out on Sunday between farmers and police in Nairobi.", "Clashes"),
    ("en", "The attack, which took place near the border, was claimed by no group.", "attack"),
])
def test_an_event_noun_told_as_happening_is_a_feature(lang, text, trigger):
    # a noun that is the subject of a verb of happening ("ont éclaté", "a eu lieu", "survenue",
    # "broke out") tells an event that took place, not a topic: the judge sees `occurs`
    judge = Judge(weights={"occurs": 8.0}, bias=-4.0, threshold=0.5, null_threshold=0.5)
    res = run(judge, text, lang)
    kept = [e for e in res.events if e.trigger.text.startswith(trigger)]
    assert kept and "occurs +8.00" in kept[0].explanation


def test_an_event_noun_as_a_topic_is_no_occurrence():
    judge = Judge(weights={"occurs": 8.0}, bias=-4.0, threshold=0.5, null_threshold=0.5)
    res = run(judge, "Le débat sur les manifestations a occupé la séance du conseil municipal.")
    assert not [e for e in res.events if "occurs +8.00" in e.explanation]


RSF = ("Le gouvernement malien a suspendu mardi la radio France Internationale. "
       "Reporters sans frontières a dénoncé une « manœuvre » contre la presse.")


def _target_judge(threshold: float) -> Judge:
    return Judge(weights={"type=ACCUSE": 3.0, "type=COERCE": 3.0}, bias=0.0, threshold=0.5,
                 target_weights={"dist=1": 3.0}, target_bias=-1.0, target_threshold=threshold)


def test_a_target_is_inferred_from_the_article_and_marked():
    # the clause of "a dénoncé une manœuvre" names no actor as its target; the article's actor the
    # target model scores highest (here: the one in the previous sentence) becomes it, marked inferred
    res = run(_target_judge(0.6), RSF)
    ev = next(e for e in res.events if e.type == "ACCUSE")
    assert ev.source is not None and ev.source.name == "Reporters Without Borders"
    assert ev.target is not None and ev.target.inferred == "context" and ev.to_dict()["target"]["inferred"] == "context"
    assert "target inferred from the article" in ev.explanation and "target score 0.88" in ev.explanation


def test_a_target_candidate_is_weighed_against_the_events_source():
    # the target model sees the event's source: its kind, whether the candidate shares its country, and
    # the pair of their sectors ("sides=NGO>GOV": a press freedom group's complaint about a government)
    judge = Judge(weights={"type=ACCUSE": 3.0, "type=COERCE": 3.0}, bias=0.0, threshold=0.5,
                  target_weights={"sides=NGO>GOV": 3.0, "same_country=False": 1.0}, target_bias=-1.0,
                  target_threshold=0.6)
    res = run(judge, RSF)
    ev = next(e for e in res.events if e.type == "ACCUSE")
    assert ev.target is not None and ev.target.inferred == "context"
    assert "sides=NGO>GOV +3.00" in ev.explanation and "same_country=False +1.00" in ev.explanation


def test_no_target_is_inferred_below_the_bar_nor_the_events_own_source():
    judge = _target_judge(0.95)
    res = run(judge, RSF)
    ev = next(e for e in res.events if e.type == "ACCUSE")
    assert ev.target is None or ev.target.inferred != "context"
    judge.target_threshold = 0.1
    res = run(judge, RSF.split(". ")[1])
    ev = next(e for e in res.events if e.type == "ACCUSE")
    assert ev.target is None or ev.target.name != ev.source.name


def _target_rows(signal: bool) -> list[dict]:
    rows = []
    for a in range(12):
        for k in range(3):
            key = {"target_for": [f"art-{a}", [k * 10, k * 10 + 5], "ACCUSE"], "article_id": f"art-{a}"}
            wrong = [{**key, "features": ["far"] if signal else ["x"], "y": 0}] * 2
            rows += wrong + [{**key, "features": ["near"] if signal else ["x"], "y": 1}]
    return rows


def test_the_target_threshold_is_the_lowest_right_two_times_in_three_out_of_fold():
    fitted = fit_targets(_target_rows(signal=True))
    assert fitted["tmodel"] is not None and fitted["target_cv_precision"] >= 0.65
    assert fitted["target_threshold"] == 0.05  # the right actor always scores highest: every threshold is precise
    blind = fit_targets(_target_rows(signal=False))  # no feature tells the target: never precise enough
    assert blind["target_threshold"] == 1.01


@pytest.mark.parametrize("lang,text,trigger,anchor", [
    ("fr", "Des inconnus ont attaqué lundi un poste de police.", "attaqué", "time"),
    ("fr", "Les rebelles ont attaqué un convoi en mars.", "attaqué", "time"),
    ("fr", "L'armée a bombardé trois villages.", "bombardé", "number"),
    ("fr", "Des soldats ont attaqué un camp près de Gao.", "attaqué", "place"),
    ("en", "Gunmen attacked a police station on Tuesday.", "attacked", "time"),
    ("en", "Rebels shelled two villages near Goma.", "shelled", "place"),
])
def test_a_clause_anchored_in_an_occasion_is_a_feature(lang, text, trigger, anchor):
    # a time word, a month, a place name or a number in the candidate's clause tells an occasion,
    # not a generic mention: the judge sees `anchor=<kind>`
    judge = Judge(weights={f"anchor={anchor}": 8.0}, bias=-4.0, threshold=0.5, null_threshold=0.5)
    res = run(judge, text, lang)
    kept = [e for e in res.events if trigger in e.trigger.text]
    assert kept and f"anchor={anchor} +8.00" in kept[0].explanation


def test_a_generic_mention_has_no_anchor():
    judge = Judge(weights={"type=ASSAULT": 8.0, "anchor=time": 7.0, "anchor=place": 7.0, "anchor=number": 7.0},
                  bias=-4.0, threshold=0.5, null_threshold=0.5)
    res = run(judge, "Le gouvernement condamne toute attaque contre les journalistes.")
    attack = [e for e in res.events if e.type == "ASSAULT"]
    assert attack and not [e for e in attack if "anchor=" in e.explanation]
    res = run(judge, "Le gouvernement condamne l'attaque de lundi contre les journalistes.")
    assert [e for e in res.events if e.type == "ASSAULT" and "anchor=time +7.00" in e.explanation]


def test_an_article_keeps_its_fold_whatever_the_other_articles_candidates():
    # folds by a hash of the article id: a lexicon entry that adds candidates to one article must not move
    # the others to other folds (the strength chosen with them would swing on it)
    from eventwire.coding.train import group_folds

    groups = [f"art-{i // 3}" for i in range(60)]  # 20 articles, 3 candidates each
    def fold_of(gs):
        return {gs[i]: k for k, (_, te) in enumerate(group_folds(gs)) for i in te}
    before = fold_of(groups)
    after = fold_of(groups + ["art-7"] * 12)  # one article gains 12 candidates
    assert before == after and len(set(before.values())) == 5
    for tr, te in group_folds(groups):
        assert not {groups[i] for i in tr} & {groups[i] for i in te}


def test_strength_is_chosen_on_the_calibration_the_most_regularised_within_the_plateau(monkeypatch, tmp_path):
    """Each strength from the one-SE choice to the cross-validated best is calibrated on the whole pipeline;
    the most regularised whose calibrated objective is within PLATEAU of the best is kept, with its own
    calibrated thresholds."""
    import eventwire.coding.train as T

    objectives = {0.1: 0.680, 0.3: 0.6872, 1.0: 0.6884}
    per_c = {c: (0.5, 0.5, 0.5, c, 0.3, 1.01, 0.05) for c in objectives}

    def at_strength(rows, crow, per_c_, c, seed=T.SEED):
        return {"C": c, "threshold": 0.3, "null_threshold": 1.01, "smodel": None, "cv": {"objective": 0.5}}

    def calibrate(lang, shared, judge, held, folds):
        c = calls[-1]
        return {"threshold": 0.25 if c == 0.3 else 0.2, "null_threshold": 1.01, "source_threshold": 0.05,
                "objective": objectives[c]}

    calls: list[float] = []
    monkeypatch.setattr(T, "at_strength", at_strength)
    monkeypatch.setattr(T, "calibrate", calibrate)
    monkeypatch.setattr(T, "save", lambda lang, fitted, rows, docs, out: calls.append(fitted["C"]))
    monkeypatch.setattr(T, "load_judge", lambda out: None)
    monkeypatch.setattr(T, "fold_judges", lambda *a, **k: [])
    fitted = {**at_strength([], [], per_c, 0.1), "candidates": [0.1, 0.3, 1.0], "per_c": per_c,
              "cv": {"objective": 0.5, "by_C": {}}}
    chosen = T.calibrated_strength("fr", tmp_path, ("dev",), [], [], {}, fitted, {}, tmp_path / "j.json")
    assert chosen["C"] == 0.3 and chosen["threshold"] == 0.25  # .6872 >= .6884 - .005; .680 is not
    assert chosen["calibrated"]["by_C"] == {"0.1": 0.680, "0.3": 0.6872, "1.0": 0.6884}
    assert calls[-1] == 0.3  # the chosen judge is what is saved last


def test_with_nothing_to_calibrate_on_the_cross_validated_choice_is_what_is_saved(monkeypatch, tmp_path):
    import eventwire.coding.train as T

    per_c = {c: (0.5, 0.5, 0.5, c, 0.3, 1.01, 0.05) for c in (0.1, 0.3)}
    saved: list[float] = []
    monkeypatch.setattr(T, "at_strength", lambda rows, crow, p, c, seed=T.SEED: {"C": c, "cv": {}, "smodel": None})
    monkeypatch.setattr(T, "calibrate", lambda *a, **k: None)
    monkeypatch.setattr(T, "save", lambda lang, fitted, rows, docs, out: saved.append(fitted["C"]))
    monkeypatch.setattr(T, "load_judge", lambda out: None)
    monkeypatch.setattr(T, "fold_judges", lambda *a, **k: [])
    fitted = {"C": 0.1, "cv": {"by_C": {}}, "smodel": None, "candidates": [0.1, 0.3], "per_c": per_c}
    chosen = T.calibrated_strength("fr", tmp_path, ("dev",), [], [], {}, fitted, {}, tmp_path / "j.json")
    assert chosen is fitted and saved[-1] == 0.1  # not the last strength tried (0.3)
