"""French word classes (``patterns/words.jsonl``), loaded once and validated.

The grammar of the components reads closed classes of French words:
determiners, relative pronouns, auxiliaries, person titles, number words,
months … They are data, like the rules: one file, one class a line (or
several lines), checked against a schema when loaded. Words are compared in
their folded form (:func:`normalise.fold`) unless the class says
``"fold": false``; ``"values"`` gives each word a number (months, number
words), ``"kinds"`` the kinds of body a noun stands for.

The classes are French grammar, not domain rules: they are read from the
rules shipped with the package, whatever ``--patterns`` folder a run uses.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .normalise import fold
from .rules import DEFAULT_PATTERNS_DIR, Field, PatternError, load_jsonl

WORDS_FILE = "words.jsonl"
SCHEMA: dict[str, Field] = {
    "class": Field(str, required=True),
    "words": Field(list, required=True, list_of=str),
    "values": Field(list, list_of=int),
    "kinds": Field(list, list_of=str),
    "fold": Field(bool),
    "note": Field(str, required=True),
}


@dataclass(frozen=True)
class WordClasses:
    """Named word sets: ``words.set("determiners")``, ``words.values("months")``."""

    path: Path
    sets: dict[str, frozenset[str]]
    ordered: dict[str, tuple[str, ...]]
    numbers: dict[str, dict[str, int]]
    kinds: dict[str, dict[str, frozenset[str] | None]]

    def _known(self, name: str) -> None:
        if name not in self.sets:
            raise PatternError(f"{self.path}: no word class {name!r} (classes: {', '.join(sorted(self.sets))})")

    def set(self, name: str) -> frozenset[str]:
        self._known(name)
        return self.sets[name]

    def tuple(self, name: str) -> tuple[str, ...]:
        """The words in file order (endings, longest-first alternatives)."""
        self._known(name)
        return self.ordered[name]

    def values(self, name: str) -> dict[str, int]:
        self._known(name)
        if name not in self.numbers:
            raise PatternError(f"{self.path}: word class {name!r} has no 'values'")
        return self.numbers[name]

    def kinds_of(self, name: str) -> dict[str, frozenset[str] | None]:
        """Word -> the kinds of body it stands for (None: any kind)."""
        self._known(name)
        return self.kinds[name]


def _add(record: dict, path: Path, acc: dict) -> None:
    name, words = record["class"], record["words"]
    if record.get("fold", True):
        words = [fold(w) for w in words]
    if "values" in record and len(record["values"]) != len(words):
        raise PatternError(f"{path}:{record['_line']}: 'values' has {len(record['values'])} items for "
                           f"{len(words)} words")
    acc.setdefault(name, []).extend(words)
    if "values" in record:
        acc.setdefault(("values", name), {}).update(zip(words, record["values"], strict=True))
    kinds = frozenset(record["kinds"]) if "kinds" in record else None
    acc.setdefault(("kinds", name), {}).update(dict.fromkeys(words, kinds))


def load_words(path: Path | str | None = None) -> WordClasses:
    path = Path(path) if path else DEFAULT_PATTERNS_DIR / WORDS_FILE
    acc: dict = {}
    for record in load_jsonl(path, SCHEMA):
        _add(record, path, acc)
    names = [k for k in acc if isinstance(k, str)]
    return WordClasses(
        path=path,
        sets={n: frozenset(acc[n]) for n in names},
        ordered={n: tuple(acc[n]) for n in names},
        numbers={n: acc[("values", n)] for n in names if ("values", n) in acc},
        kinds={n: acc[("kinds", n)] for n in names},
    )


@lru_cache(maxsize=1)
def words() -> WordClasses:
    """The packaged word classes, loaded once per process."""
    return load_words()
