"""The spoiler contract, for every renderer and every part type.

A spoiler's text shows only through the platform's own hiding mechanism: inside ``||…||`` on Discord (each
spoiler in spans of its own, never in an embed title, field name or footer), only in the ephemeral reveal on
Slack (never in the fallback text or in the public message's blocks, which carry a Reveal button with the
reveal id), and on the console only with ``--spoilers``. It is never in `Response.plain_text()` (notifications,
logs, previews). Every renderer shows the spoiler's label, and the rest of the response in the open.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from bots.console import render as console_render
from bots.discord import render as discord_render
from bots.slack import render as slack_render
from core.app import FilmClub
from core.commands.registry import CommandContext
from core.responses import (
    CardPart,
    CardRow,
    CardValue,
    ChoicePart,
    ErrorPart,
    ListPart,
    Part,
    Response,
    SpoilerPart,
    TextPart,
    TimePart,
    Visibility,
)

# Words that exist only inside spoilers: finding one anywhere public is a leak.
BEAT = SpoilerPart(
    label="part 7 of 8 — how the regatta ends",
    text="Quillon wins the race || @everyone <!channel> <@&123> and Marbeck sinks *quietly* at the last buoy.",
    reveal_id="plot:3:0123abcd:7:abcdef",
)
BEAT_WORDS = ("Quillon", "Marbeck", "buoy")
# Longer than one Discord message (2,000) and one Slack section (3,000): cut, it must stay hidden piece by piece.
LONG = SpoilerPart(
    label="part 8 of 8 — the last part: how it ends",
    text=" ".join(f"Zorvath drifts past lighthouse {n}." for n in range(160)),
    reveal_id="plot:3:0123abcd:8:fedcba",
)
LONG_WORDS = ("Zorvath", "lighthouse")
# A spoiler with no reveal id (a character's fate in an answer): hidden all the same.
BARE = SpoilerPart(label="what happens to the keeper", text="Pellucid the keeper retires to Ostend.")
BARE_WORDS = ("Pellucid", "Ostend")
SECRETS = {BEAT.label: BEAT_WORDS, LONG.label: LONG_WORDS, BARE.label: BARE_WORDS}
ALL_SECRETS = BEAT_WORDS + LONG_WORDS + BARE_WORDS
OPEN_WORD = "Openword"  # in every part that is not a spoiler: it must show
ZWSP = "\u200b"

PARTS: dict[str, Part] = {
    "text": TextPart(text=f"{OPEN_WORD} is what the club watched."),
    "card": CardPart(
        title=f"{OPEN_WORD} Regatta",
        subtitle="1997",
        rows=[CardRow(label="Director", values=[CardValue(text="Majid Majidi", sources=["Wikipedia: Regatta"])])],
        sources=["Wikipedia: Regatta"],
    ),
    "spoiler": LONG,
    "list": ListPart(title=f"{OPEN_WORD} films", items=["Batman (1989)", "Children of Heaven (1997)"]),
    "choice": ChoicePart(question=f"{OPEN_WORD}: which film?", options=["Batman (1989)", "Batman (1966)"]),
    "time": TimePart(label=f"{OPEN_WORD} party", at=datetime(2030, 5, 17, 19, 0, tzinfo=UTC), zone="Europe/London"),
    "error": ErrorPart(message=f"{OPEN_WORD} cannot be done.", hint="Try again later."),
}


@dataclass
class Shown:
    """What a platform shows of a response: in the open, behind its hiding mechanism, and on a reveal."""

    visible: str
    hidden: list[str]
    reveal: Callable[[SpoilerPart], str]


def field(message: Any, name: str) -> Any:
    """A field of a rendered message: the contract allows a pydantic model or a TypedDict."""
    return message[name] if isinstance(message, dict) else getattr(message, name)


def discord_spans(content: str) -> tuple[str, list[str]]:
    """Split Discord markdown into the text in the open and the text of each ``||…||`` span (escapes undone)."""
    visible: list[str] = []
    hidden: list[str] = []
    current: list[str] = []
    inside = False
    i = 0
    while i < len(content):
        if content[i] == "\\" and i + 1 < len(content):
            current.append(content[i + 1])
            i += 2
        elif content.startswith("||", i):
            (hidden if inside else visible).append("".join(current))
            current, inside = [], not inside
            i += 2
        else:
            current.append(content[i])
            i += 1
    assert not inside, f"an unclosed spoiler span in {content!r}"
    visible.append("".join(current))
    return "\n".join(visible), hidden


def show_console(response: Response) -> Shown:
    def reveal(part: SpoilerPart) -> str:
        return console_render.render_text(Response(parts=[part]), show_spoilers=True)

    return Shown(console_render.render_text(response), [], reveal)


def show_discord(response: Response) -> Shown:
    visible: list[str] = []
    hidden: list[str] = []
    for message in discord_render.render(response):
        content = field(message, "content")
        assert len(content) <= 2000
        shown, spans = discord_spans(content)
        visible.append(shown)
        hidden += spans
        for embed in field(message, "embeds"):
            # Titles, field names, footers and authors cannot hold a spoiler at all: they count as open text.
            visible += [
                embed.get("title", ""),
                embed.get("footer", {}).get("text", ""),
                embed.get("author", {}).get("name", ""),
            ]
            for text in [embed.get("description", ""), *(f["value"] for f in embed.get("fields", []))]:
                shown, spans = discord_spans(text)
                visible.append(shown)
                hidden += spans
            visible += [f["name"] for f in embed.get("fields", [])]

    def reveal(part: SpoilerPart) -> str:
        message = discord_render.render_reveal(part)
        assert field(message, "ephemeral") is True
        content = field(message, "content")
        assert "@everyone" not in content and "<@&123>" not in content, "a revealed spoiler never pings"
        return content.replace("\\", "")

    return Shown("\n".join(visible), hidden, reveal)


def show_slack(response: Response) -> Shown:
    message = slack_render.render(response)
    blocks = field(message, "blocks")
    buttons = [e for e in _walk(blocks) if e.get("action_id") == "reveal_spoiler"]
    revealable = [p for p in response.parts if isinstance(p, SpoilerPart) and p.reveal_id]
    assert {p.reveal_id for p in revealable} <= {b.get("value") for b in buttons}
    assert all(len(b.get("value", "")) <= 2000 for b in buttons)

    def reveal(part: SpoilerPart) -> str:
        revealed = slack_render.render_reveal(part)
        assert field(revealed, "ephemeral") is True
        text = f"{field(revealed, 'text')}\n{json.dumps(field(revealed, 'blocks'), ensure_ascii=False)}"
        assert "<!channel>" not in text and "<@&123>" not in text, "a revealed spoiler never pings"
        return text

    return Shown(f"{field(message, 'text')}\n{json.dumps(blocks, ensure_ascii=False)}", [], reveal)


def _walk(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        return [node, *(d for value in node.values() for d in _walk(value))]
    if isinstance(node, list):
        return [d for item in node for d in _walk(item)]
    return []


RENDERERS: dict[str, Callable[[Response], Shown]] = {
    "console": show_console,
    "discord": show_discord,
    "slack": show_slack,
}


def response_with(kind: str, visibility: Visibility = Visibility.PUBLIC) -> Response:
    return Response(parts=[PARTS[kind], BEAT, BARE], visibility=visibility)


@pytest.mark.parametrize("kind", sorted(PARTS))
@pytest.mark.parametrize("renderer", sorted(RENDERERS))
def test_spoiler_text_shows_only_through_the_platforms_hiding_mechanism(renderer: str, kind: str) -> None:
    response = response_with(kind)
    shown = RENDERERS[renderer](response)
    spoilers = [p for p in response.parts if isinstance(p, SpoilerPart)]

    leaked = [word for word in ALL_SECRETS if word in shown.visible]
    assert not leaked, f"{renderer} shows spoiler words in the open: {leaked}"
    for part in spoilers:
        assert part.label in shown.visible, f"{renderer} must say what is hidden: {part.label!r}"
        revealed = shown.reveal(part)
        assert all(word in revealed for word in SECRETS[part.label]), f"{renderer} cannot reveal {part.label!r}"
    if kind != "spoiler":
        assert OPEN_WORD in shown.visible, f"{renderer} hides or drops the {kind} part"


@pytest.mark.parametrize("kind", sorted(PARTS))
def test_discord_keeps_each_spoiler_in_spans_of_its_own(kind: str) -> None:
    response = response_with(kind)
    shown = show_discord(response)
    spoilers = [p for p in response.parts if isinstance(p, SpoilerPart)]
    for part in spoilers:
        words = SECRETS[part.label]
        spans = [s for s in shown.hidden if any(w in s for w in words)]
        assert spans, f"{part.label!r} is not inside ||…||"
        # Mentions are defused with a zero-width space; apart from that, the whole text is there, hidden.
        assert " ".join(" ".join(spans).replace(ZWSP, "").split()) == " ".join(part.text.split())
        assert not any("@everyone" in s or "<@&" in s for s in spans), "a hidden spoiler never pings either"
    for span in shown.hidden:
        owners = {label for label, words in SECRETS.items() if any(w in span for w in words)}
        assert len(owners) <= 1, f"one ||…|| span holds two spoilers: {owners}"


@pytest.mark.parametrize("kind", sorted(PARTS))
@pytest.mark.parametrize("renderer", sorted(RENDERERS))
def test_private_answers_hide_spoilers_too(renderer: str, kind: str) -> None:
    shown = RENDERERS[renderer](response_with(kind, Visibility.PRIVATE))
    assert not [word for word in ALL_SECRETS if word in shown.visible]


@pytest.mark.parametrize("kind", sorted(PARTS))
def test_plain_text_fallback_never_holds_spoiler_text(kind: str) -> None:
    plain = response_with(kind).plain_text()
    assert not [word for word in ALL_SECRETS if word in plain]
    assert f"[spoiler: {BEAT.label}]" in plain


@pytest.mark.parametrize("kind", sorted(PARTS))
def test_console_shows_spoilers_only_when_asked(kind: str) -> None:
    response = response_with(kind)
    hidden = console_render.render_text(response)
    shown = console_render.render_text(response, show_spoilers=True)
    assert not [word for word in ALL_SECRETS if word in hidden]
    assert console_render.SPOILER_HINT in hidden and console_render.SPOILER_HINT not in shown
    present = [p for p in response.parts if isinstance(p, SpoilerPart)]
    assert all(word in shown for part in present for word in SECRETS[part.label])


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
def test_a_real_plot_keeps_the_race_and_the_ending_hidden_everywhere(renderer: str, shared_club: FilmClub) -> None:
    ctx = CommandContext(platform=renderer, server_id="s", channel_id="c", user_id="u")
    response = shared_club.run_line("/film plot Children of Heaven", ctx)
    shown = RENDERERS[renderer](response)
    # Words of the recap's race result (part 8) and of its last part (part 10), which nothing open repeats.
    for word in ("podium", "first-place", "wading", "blistered"):
        assert word not in shown.visible and word not in response.plain_text()
    assert "part 8 of 10 — near the end" in shown.visible
    hidden = [p for p in response.parts if isinstance(p, SpoilerPart)]
    assert "podium" in shown.reveal(hidden[6]) and "wading" in shown.reveal(hidden[8])
