"""Cutting a plot text into beats: ordered steps of the story that each fit a chat message.

A beat is a paragraph, or a run of whole sentences when a paragraph is long. Its position is the
share of the plot text before it, the rough point in the film it happens at (watch-party prompts
are timed with it).
"""

from __future__ import annotations

import re

from core.library.model import PlotBeat

MAX_BEAT_CHARS = 700
MIN_BEAT_CHARS = 120
# A sentence ends at . ! ? (optionally closed by a quote or bracket) followed by a capital.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(A-Z0-9])")


def split_sentences(paragraph: str) -> list[str]:
    """Whole sentences of a paragraph, in order."""
    return [s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip()]


def _chunk(paragraph: str) -> list[str]:
    """A paragraph as one beat, or as runs of sentences no longer than ``MAX_BEAT_CHARS``."""
    if len(paragraph) <= MAX_BEAT_CHARS:
        return [paragraph]
    chunks: list[str] = []
    current = ""
    for sentence in split_sentences(paragraph):
        if current and len(current) + 1 + len(sentence) > MAX_BEAT_CHARS:
            chunks.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        chunks.append(current)
    return chunks


def split_beats(paragraphs: list[str]) -> list[PlotBeat]:
    """Beats from a plot's paragraphs.

    Args:
        paragraphs: the plot's paragraphs in story order, already plain text.

    Returns:
        Beats numbered from 1; a very short paragraph joins the one before it, so no beat is a fragment.
    """
    pieces: list[str] = []
    for paragraph in (" ".join(p.split()) for p in paragraphs):
        if not paragraph:
            continue
        for chunk in _chunk(paragraph):
            if pieces and len(chunk) < MIN_BEAT_CHARS and len(pieces[-1]) + len(chunk) < MAX_BEAT_CHARS:
                pieces[-1] = f"{pieces[-1]} {chunk}"
            else:
                pieces.append(chunk)
    total = sum(len(p) for p in pieces) or 1
    beats: list[PlotBeat] = []
    done = 0
    for index, text in enumerate(pieces, start=1):
        beats.append(PlotBeat(index=index, text=text, position=round(done / total, 3)))
        done += len(text)
    return beats
