"""Collecting a document's facts while a parser reads it: each with its source, each only once."""

from __future__ import annotations

from core.library.model import Fact, FactValue, FieldName, Source, SourceKind


class FactReader:
    """The facts and problems of one document, as its parser finds them.

    A fact read twice at the same place (the same value said again in one section) is kept once.
    """

    def __init__(self, document_id: str, title: str, kind: SourceKind) -> None:
        self.document_id = document_id
        self.title = title
        self.kind = kind
        self.facts: list[Fact] = []
        self.problems: list[str] = []
        self._seen: set[tuple[str, str, str]] = set()

    def source(self, location: str) -> Source:
        """The source of a fact read at ``location`` in this document."""
        return Source(document_id=self.document_id, kind=self.kind, title=self.title, location=location)

    def add(self, field: FieldName, value: FactValue, raw: str, location: str) -> None:
        """Keep a fact (unless this place already gave the same one).

        Args:
            field: what the fact is about.
            value: the value read.
            raw: the text it was read from.
            location: where in the document (a section, ``lead``, ``ratings``…).
        """
        key = (field.value, value.key(), location)
        if key not in self._seen:
            self._seen.add(key)
            self.facts.append(Fact(field=field, value=value, raw=raw.strip(), source=self.source(location)))
