"""Docs whose results serialise: ``doc.to_bytes()``, ``DocBin(store_user_data=True)``.

The components keep their results in ``doc._`` values (dataclasses: organisations,
dates, partnerships, goals). spaCy writes ``doc.user_data`` with msgpack, which
knows none of them: this module registers a msgpack encoder and decoder (srsly's
registries) for the dataclasses marked :func:`serialisable`, for sets and dates,
and leaves out whatever is :class:`Transient` (cached views, rebuilt on demand).
A decoded result is an equal copy: organisations shared by several results
become separate copies.
"""
from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import srsly


class Transient:
    """Values kept on a Doc that are never serialised."""

    __slots__ = ()


_CLASSES: dict[str, type] = {}
TAG = "__hesr__"


def serialisable(cls: type) -> type:
    """Register a dataclass whose instances sit in ``doc._`` values, so Docs serialise."""
    _CLASSES[cls.__name__] = cls
    return cls


def _encode(obj: Any, chain=None):
    if isinstance(obj, Transient):
        return None                                    # transient views: rebuilt on demand
    if isinstance(obj, date):
        return {TAG: "month" if type(obj).__name__ == "MonthDate" else "date", "iso": obj.isoformat()}
    if isinstance(obj, (set, frozenset)):
        return {TAG: "set", "items": sorted(obj, key=repr)}
    if dataclasses.is_dataclass(obj) and type(obj).__name__ in _CLASSES:
        return {TAG: type(obj).__name__, **{f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}}
    return obj if chain is None else chain(obj)


def _decode(obj: Any, chain=None):
    if isinstance(obj, dict) and TAG in obj:
        name = obj.pop(TAG)
        if name == "date":
            return date.fromisoformat(obj["iso"])
        if name == "month":
            from .timex import MonthDate  # serialise is imported by timex
            return MonthDate.fromisoformat(obj["iso"] + "-01")
        if name == "set":
            return set(obj["items"])
        cls = _CLASSES[name]
        return cls(**{k: tuple(v) if isinstance(v, list) and _is_tuple_field(cls, k) else v for k, v in obj.items()})
    return obj if chain is None else chain(obj)


def _is_tuple_field(cls: type, name: str) -> bool:
    return any(f.name == name and "tuple" in str(f.type) and not str(f.type).startswith("list")
               for f in dataclasses.fields(cls))


srsly.msgpack_encoders.register("hesr", func=_encode)
srsly.msgpack_decoders.register("hesr", func=_decode)
