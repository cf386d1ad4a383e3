"""What every rule step reads of one analysed document, built once per document."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .actors import Actors, actors_of
from .docview import lines as doc_lines
from .layout import Line
from .lexicon import Lexicons, folded_tokens


@dataclass
class DocContext:
    """The Doc, the lexicons, the folded tokens, who acts, the dates and the layout."""

    doc: Doc
    lex: Lexicons
    folded: list[str]
    actors: Actors
    dates: list
    lines: list[Line]

    @classmethod
    def fields_of(cls, doc: Doc, lex: Lexicons) -> dict:
        """The shared fields, for a component's own context class."""
        return dict(doc=doc, lex=lex, folded=folded_tokens(doc), actors=actors_of(doc, lex),
                    dates=list(doc._.dates or []), lines=doc_lines(doc))
