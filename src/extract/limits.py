"""The bounds on the work one document may cost, so that no input takes a batch down.

Each bound gives the document an ``error`` row with its reason when exceeded;
the other documents are processed. The defaults fit a machine of 2 cores and
24 GiB with room for two workers; ``extract run`` sets them with
``--max-file-mb``, ``--max-chars``, ``--timeout`` and ``--max-memory-mb``.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 50 * MB  # bytes of an input file
    max_unpacked_bytes: int = 50 * MB  # bytes inside a zip-based file (DOCX) or a PDF's page streams, once inflated
    max_chars: int = 1_000_000  # characters of a document's text (about 150,000 words, 500 pages)
    timeout: float = 120.0  # seconds to read and analyse one document
    max_memory_bytes: int = 4096 * MB  # resident memory of one worker process

    def describe(self) -> str:
        return (
            f"files up to {self.max_file_bytes // MB} MB, {self.max_unpacked_bytes // MB} MB unpacked, "
            f"{self.max_chars:,} characters, {self.timeout:g} s and {self.max_memory_bytes // MB} MB per document"
        )


DEFAULT_LIMITS = Limits()
