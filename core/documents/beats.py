"""Cutting a plot text into beats: ordered steps of the story that each fit a chat message.

A beat is a paragraph, or, when a paragraph tells several steps (longer than ``TARGET_BEAT_CHARS``), a run of
whole sentences: the paragraph is cut into parts of even length, preferring cuts before a sentence that turns
the story ("Finally, …", "On the way home, …", "In the final shot, …"). Its position is the share of the plot
text before it, the rough point in the film it happens at (watch-party prompts are timed with it).
"""

from __future__ import annotations

import math
import re

from core.library.model import PlotBeat

# Chat messages hold far more (Discord 2,000, Slack 3,000), but a beat is one step of the story: a paragraph
# longer than the target tells several, and is cut into parts of even length (no longer than the target).
TARGET_BEAT_CHARS = 600
MAX_BEAT_CHARS = 700
MIN_BEAT_CHARS = 120
# A sentence ends at . ! ? (optionally closed by a quote or bracket, which stays with it) before a capital.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"')\]]))\s+(?=[\"'(A-Z0-9])")
# A stop after a title or an initial ("Mr. Osborne", "Harvey B. Dent") ends no sentence.
_NOT_AN_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Lt|Capt|Col|Gen|Sgt|Prof|Rev|Hon|vs)|(?<!\w)[A-Z])\.$")
# Openings that move the story to its next step: the best places to cut a long paragraph.
_TURN = re.compile(
    r"^(?:However|Finally|Meanwhile|Later|Eventually|Afterwards?|Soon|Then|Suddenly|Years later|That night|"
    r"The next (?:day|morning|night|week)|One (?:day|night|morning)|On the way|In the end|In the final|"
    r"In a separate|At the end|As the (?:film|day|night)|Upon|When|After|Back)\b"
)
# How much a cut before a turning sentence is worth, in the same unit as the uneven-length cost.
_TURN_BONUS = (TARGET_BEAT_CHARS * 0.3) ** 2


def split_sentences(paragraph: str) -> list[str]:
    """Whole sentences of a paragraph, in order."""
    sentences: list[str] = []
    start = 0
    for gap in _SENTENCE_END.finditer(paragraph):
        if not _NOT_AN_END.search(paragraph, start, gap.start()):
            sentences.append(paragraph[start : gap.start()])
            start = gap.end()
    sentences.append(paragraph[start:])
    return [s.strip() for s in sentences if s.strip()]


def _chunk(paragraph: str) -> list[str]:
    """A paragraph as one beat, or as even runs of whole sentences when it tells several steps."""
    if len(paragraph) <= TARGET_BEAT_CHARS:
        return [paragraph]
    sentences = split_sentences(paragraph)
    parts = min(len(sentences), math.ceil(len(paragraph) / TARGET_BEAT_CHARS))
    if parts <= 1:
        return [paragraph]
    return [" ".join(run) for run in _even_runs(sentences, parts)]


def _even_runs(sentences: list[str], parts: int) -> list[list[str]]:
    """Cut ``sentences`` into ``parts`` runs of even length, preferring cuts before turning sentences.

    Dynamic programming over cut points: a paragraph holds a few dozen sentences at most.
    """
    count = len(sentences)
    ends = [0]
    for sentence in sentences:
        ends.append(ends[-1] + len(sentence) + 1)
    ideal = ends[-1] / parts

    def cost(start: int, stop: int) -> float:
        length = ends[stop] - ends[start]
        over = max(0, length - MAX_BEAT_CHARS)
        bonus = _TURN_BONUS if start > 0 and _TURN.match(sentences[start]) else 0.0
        return (length - ideal) ** 2 + (10 * over) ** 2 - bonus

    # best[k][i]: cheapest cut of the first i sentences into k runs; back[k][i]: where the last run starts.
    best = [[math.inf] * (count + 1) for _ in range(parts + 1)]
    back = [[0] * (count + 1) for _ in range(parts + 1)]
    best[0][0] = 0.0
    for k in range(1, parts + 1):
        for i in range(k, count + 1):
            for j in range(k - 1, i):
                value = best[k - 1][j] + cost(j, i)
                if value < best[k][i]:
                    best[k][i], back[k][i] = value, j
    runs: list[list[str]] = []
    stop = count
    for k in range(parts, 0, -1):
        start = back[k][stop]
        runs.append(sentences[start:stop])
        stop = start
    return runs[::-1]


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
