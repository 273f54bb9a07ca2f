"""Parser for "end credit scenes" pages: verdict, runtime, box office, ratings and a long recap.

The page is a column of short lines: "Does X have end credit scenes?", "No!"/"Yes!", a statement,
title, year, synopsis, "Key: value" details, "Ratings:" as value-line/label-line pairs, then
"Check out what happened in X!" and the recap. Two ratings are both labelled "User Score": the one
in the Metacritic group (after "Metascore") is Metacritic's user score out of 10, the one after
"TOMATOMETER" is the Rotten Tomatoes audience score in percent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.documents.beats import split_beats
from core.documents.facts import FactReader
from core.documents.passages import section_passages
from core.documents.values import read_money, read_runtime, read_year
from core.library.model import (
    CreditsValue,
    FieldName,
    MoneyScope,
    ParsedDocument,
    PersonValue,
    Plot,
    ReleaseKind,
    ReleaseValue,
    ScoreValue,
    SourceKind,
    TextValue,
)

KIND = SourceKind.END_CREDITS_PAGE

_QUESTION = re.compile(r"^Does (?P<title>.+?) have (?:any |an? )?(?:end|post)[- ]credits? scenes?\??$", re.IGNORECASE)
_VERDICT = re.compile(r"^(?P<answer>Yes|No)!?$", re.IGNORECASE)
_STATEMENT = re.compile(
    r"^(?P<title>.+?) (?P<verb>does not have|doesn't have|has no|has|have) "
    r"(?:an? |\w+ )?(?:end|post)[- ]credits? scenes?",
    re.IGNORECASE,
)
_DETAIL = re.compile(r"^(?P<key>[A-Z][A-Za-z ]{1,30}):\s*(?P<value>.*)$")
_RECAP = re.compile(r"^Check out what happened in (?P<title>.+?)!?$", re.IGNORECASE)
_SCORE_VALUE = re.compile(r"^(?P<number>\d+(?:\.\d+)?)\s*(?P<percent>%)?(?:\s*/\s*(?P<scale>10|100))?$")
_LABELS = {
    "metascore": "metascore",
    "tomatometer": "tomatometer",
    "user score": "user",
    "audience score": "rt-audience",
}
_NAV_LINES = frozenset({"back", "home", "menu", "search"})


def detect(text: str) -> float:
    """Score how surely ``text`` is an end-credit-scenes page.

    Args:
        text: clean document text.

    Returns:
        0..1 from the page's own lines ("Does X have end credit scenes?", "Runtime:", "Metascore",
        "TOMATOMETER", "Check out what happened in"); 0 for wiki markup or fewer than two signs.

    """
    if re.search(r"\{\{\s*Infobox|\[\[|^\s*==[^=\n]+==", text, re.IGNORECASE | re.MULTILINE):
        return 0.0
    lines = [line.strip() for line in text.splitlines()]
    signs = {
        "question": any(_QUESTION.match(line) for line in lines),
        "statement": any(_STATEMENT.match(line) for line in lines),
        "runtime": any(line.startswith("Runtime:") for line in lines),
        "metascore": "Metascore" in lines,
        "tomatometer": "TOMATOMETER" in lines,
        "recap": any(_RECAP.match(line) for line in lines),
        "ratings": "Ratings:" in lines,
    }
    if sum(signs.values()) < 2:
        return 0.0
    score = (
        0.4 * signs["question"]
        + 0.2 * signs["statement"]
        + 0.1 * sum(signs[k] for k in ("runtime", "metascore", "tomatometer", "recap", "ratings"))
    )
    return round(min(score, 1.0), 2)


@dataclass
class _Page:
    """Where things are on the page (line indexes), found before anything is read."""

    lines: list[str]
    question: int | None = None
    verdict: int | None = None
    statement: int | None = None
    first_detail: int | None = None
    ratings: int | None = None
    recap: int | None = None


def _locate(lines: list[str]) -> _Page:
    page = _Page(lines)
    for i, line in enumerate(lines):
        if page.question is None and _QUESTION.match(line):
            page.question = i
        elif page.verdict is None and _VERDICT.match(line):
            page.verdict = i
        elif page.statement is None and _STATEMENT.match(line):
            page.statement = i
        elif page.first_detail is None and _DETAIL.match(line) and page.recap is None:
            page.first_detail = i
        if line == "Ratings:" and page.ratings is None:
            page.ratings = i
        if _RECAP.match(line) and page.recap is None:
            page.recap = i
    return page


def _header(page: _Page, name: str) -> tuple[str, int | None, int]:
    """Find title, year and the line where the synopsis starts."""
    lines = page.lines
    after = max((i for i in (page.question, page.verdict, page.statement) if i is not None), default=-1) + 1
    title = ""
    if 0 < after < len(lines) and not _DETAIL.match(lines[after]) and not re.fullmatch(r"\d{4}", lines[after]):
        title = lines[after]
        after += 1
    year = None
    if after < len(lines) and re.fullmatch(r"\d{4}", lines[after]):
        year = read_year(lines[after])
        after += 1
    if not title:
        for index in (page.question, page.statement):
            match = index is not None and (_QUESTION.match(lines[index]) or _STATEMENT.match(lines[index]))
            if match:
                title = match["title"]
                break
    return title or name, year, after


def _read_verdict(reader: FactReader, page: _Page) -> None:
    lines = page.lines
    said: dict[str, bool] = {}
    if page.verdict is not None:
        said[lines[page.verdict]] = lines[page.verdict].lower().startswith("yes")
    if page.statement is not None:
        verb = _STATEMENT.match(lines[page.statement])
        if verb:
            said[lines[page.statement]] = verb["verb"].lower() in {"has", "have"}
    if not said:
        reader.problems.append("verdict: the page does not say whether there are end-credit scenes")
    elif len(set(said.values())) > 1:
        reader.problems.append(f"verdict: the page contradicts itself ({' / '.join(said)}); not read")
    else:
        raw = " ".join(said)
        reader.add(FieldName.END_CREDITS, CreditsValue(has_scenes=next(iter(said.values()))), raw, "verdict")


def _read_details(reader: FactReader, page: _Page, stop: int) -> None:
    for line in page.lines[page.first_detail or stop : stop]:
        match = _DETAIL.match(line)
        if not match or line == "Ratings:":
            continue
        key, value = match["key"].strip(), match["value"].strip()
        location = f"details: {key}"
        if not value:
            reader.problems.append(f"{location} is empty")
        elif key.lower() == "runtime":
            runtime = read_runtime(value)
            if runtime:
                reader.add(FieldName.RUNTIME, runtime, line, location)
            else:
                reader.problems.append(f"{location}: could not read {value!r}")
        elif key.lower() == "box office":
            money = read_money(value, MoneyScope.UNSPECIFIED)
            if money:
                reader.add(FieldName.GROSS, money, line, location)
            else:
                reader.problems.append(f"{location}: could not read {value!r}")
        elif key.lower() in {"language", "languages"}:
            for item in filter(None, (v.strip() for v in value.split(","))):
                reader.add(FieldName.LANGUAGE, TextValue(text=item), line, location)
        elif key.lower() in {"director", "directors", "directed by"}:
            for item in filter(None, (v.strip() for v in value.split(","))):
                reader.add(FieldName.DIRECTOR, PersonValue(name=item), line, location)
        else:
            # "By:" may be writers, creators or studio: its meaning is unclear, so it is not read.
            reader.problems.append(f"{location}: {value!r} not read (unknown field)")


def _score(name: str, number: float, percent: bool, scale: str | None) -> ScoreValue | None:
    maximum = float(scale) if scale else (100.0 if percent or name in {"metascore", "tomatometer"} else 10.0)
    if name == "metacritic-user" and not scale:
        maximum = 10.0
    return ScoreValue(name=name, value=number, scale=maximum) if 0 <= number <= maximum else None


def _user_score_owner(index: int, labels: dict[str, int], shown: str) -> str | None:
    """Decide whose "User Score" this is: by position (Metacritic group, then Rotten Tomatoes), checked by shape.

    Metacritic shows its user score as ``7.6`` (out of 10), Rotten Tomatoes its audience score as ``95%``.
    """
    by_position = None
    if "tomatometer" in labels:
        by_position = "metacritic-user" if index < labels["tomatometer"] else "rt-audience"
    elif "metascore" in labels and index > labels["metascore"] and "%" not in shown:
        by_position = "metacritic-user"
    by_shape = None
    if "%" in shown:
        by_shape = "rt-audience"
    elif re.fullmatch(r"\d\.\d", shown):
        by_shape = "metacritic-user"
    if by_position and by_shape and by_position != by_shape:
        return None
    return by_position or by_shape


def _read_ratings(reader: FactReader, page: _Page, stop: int) -> None:
    if page.ratings is None:
        reader.problems.append("ratings: no Ratings section")
        return
    block = page.lines[page.ratings + 1 : stop]
    labels = {_LABELS[line.lower()]: i for i, line in enumerate(block) if line.lower() in {"metascore", "tomatometer"}}
    seen: set[str] = set()
    for i, line in enumerate(block):
        label = _LABELS.get(line.lower())
        if label is None:
            continue
        value = _SCORE_VALUE.match(block[i - 1]) if i > 0 else None
        if value is None:
            shown = block[i - 1] if i > 0 else ""
            reader.problems.append(f"ratings: {line}: no readable value ({shown!r})")
            continue
        percent = bool(value["percent"])
        name = _user_score_owner(i, labels, block[i - 1]) if label == "user" else label
        if name is None or name in seen:
            reader.problems.append(f"ratings: cannot tell whose {line!r} {block[i - 1]!r} is; not read")
            continue
        score = _score(name, float(value["number"]), percent, value["scale"])
        if score is None:
            reader.problems.append(f"ratings: {line} {block[i - 1]!r} is out of range; not read")
            continue
        seen.add(name)
        reader.add(FieldName.SCORE, score, f"{block[i - 1]}\n{line}", "ratings")


def parse(text: str, document_id: str, name: str) -> ParsedDocument:
    """Read an end-credit-scenes page into sourced facts and a plot.

    Args:
        text: clean text of the page.
        document_id: stable id of the document.
        name: what to call the film if the page gives no title.

    Returns:
        Verdict, year, runtime, box office, scores, synopsis and the recap as a plot; a problem line for
        every empty or unreadable part.

    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    lines = [line for i, line in enumerate(lines) if not (i == 0 and line.lower() in _NAV_LINES)]
    page = _locate(lines)
    title, year, synopsis_start = _header(page, name)
    reader = FactReader(document_id, title, KIND)
    _read_verdict(reader, page)
    if year:
        reader.add(FieldName.RELEASED, ReleaseValue(year=year, kind=ReleaseKind.YEAR), str(year), "header")
    else:
        reader.problems.append("header: no year")

    end = page.recap if page.recap is not None else len(lines)
    synopsis_end = min(i for i in (page.first_detail, page.ratings, end) if i is not None)
    synopsis = " ".join(lines[synopsis_start:synopsis_end]).strip()
    if synopsis:
        reader.add(FieldName.SUMMARY, TextValue(text=synopsis), synopsis, "synopsis")
    else:
        reader.problems.append("synopsis: none")
    _read_details(reader, page, page.ratings if page.ratings is not None else end)
    _read_ratings(reader, page, end)

    plot = None
    recap = lines[page.recap + 1 :] if page.recap is not None else []
    if recap:
        plot = Plot(source=reader.source("recap"), beats=split_beats(recap))
    else:
        reader.problems.append("recap: none")
    return ParsedDocument(
        source=reader.source(""),
        title=title,
        year=year,
        facts=reader.facts,
        plot=plot,
        passages=[*section_passages(("Synopsis",), [synopsis]), *section_passages(("Recap",), recap)],
        problems=reader.problems,
    )
