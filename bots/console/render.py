"""Neutral response → rich renderables for the terminal. Pure: no console, no I/O.

Spoilers print as their label only, with one line after them saying how to show them, unless the member
asked for spoilers (``filmclub --spoilers``, or ``spoilers on`` at the prompt). Buttons print as the command
each one runs: a terminal has nothing to press.
"""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from core.responses import (
    ActionsPart,
    CardPart,
    ChoicePart,
    ErrorPart,
    ListPart,
    Part,
    PollPart,
    Response,
    SpoilerPart,
    TextPart,
    TimePart,
    action_lines,
    poll_line,
)
from core.times import show_time

SPOILER_HINT = "Hidden parts: `reveal N` shows part N only; `spoilers on` (or --spoilers) shows them all."
TEXT_WIDTH = 100


def render(response: Response, show_spoilers: bool = False) -> RenderableType:
    """The whole response as one rich renderable.

    Args:
        response: the core's neutral answer.
        show_spoilers: print spoilers' text (the member asked for them) instead of only their labels.

    Returns:
        The parts in order; when spoilers are hidden, a last line says how to show them.
    """
    items = [render_part(p, show_spoilers) for p in response.parts]
    if response.has_spoilers and not show_spoilers:
        items.append(Text(SPOILER_HINT, style="dim"))
    return Group(*items)


def render_text(response: Response, show_spoilers: bool = False, width: int = TEXT_WIDTH) -> str:
    """The response as plain terminal text, without colours: what ``filmclub run`` prints to a pipe.

    Args:
        response: the core's neutral answer.
        show_spoilers: print spoilers' text instead of only their labels.
        width: the width to wrap at.

    Returns:
        The text, ending in a newline.
    """
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, highlight=False, emoji=False).print(
        render(response, show_spoilers)
    )
    return out.getvalue()


def render_part(part: Part, show_spoilers: bool) -> RenderableType:
    """One part of a response."""
    match part:
        case TextPart():
            return Text(part.text)
        case CardPart():
            return _card(part)
        case SpoilerPart():
            if show_spoilers:
                return Text.assemble((f"[{part.label}] ", "bold magenta"), part.text)
            return Text(f"[hidden: {part.label}]", style="magenta")
        case ListPart():
            lines = [Text(part.title, style="bold")] if part.title else []
            lines += [Text(f"  • {item}") for item in part.items]
            return Group(*lines)
        case ChoicePart():
            lines = [Text(part.question, style="bold")]
            lines += [Text(f"  {n}. {option}") for n, option in enumerate(part.options, 1)]
            return Group(*lines)
        case TimePart():
            return Text(f"{part.label}: {show_time(part.at, part.zone)}")
        case ErrorPart():
            return Text.assemble((part.message, "bold red"), (f" {part.hint}" if part.hint else "", "yellow"))
        case PollPart():
            return Group(Text(part.title, style="bold"), *(Text(f"  {poll_line(c)}") for c in part.choices))
        case ActionsPart():  # no buttons in a terminal: the command each one runs, to type
            return Text(action_lines(part), style="dim")


def _card(card: CardPart) -> RenderableType:
    numbers = {label: n for n, label in enumerate(card.sources, 1)}
    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for row in card.rows:
        cells = []
        for value in row.values:
            refs = "".join(f"[{numbers.get(s, '?')}]" for s in value.sources)
            cells.append(f"{escape(value.text)} [dim]{escape(refs)}[/dim]")
        label = f"{row.label} [yellow](sources disagree)[/yellow]" if row.conflict else row.label
        table.add_row(label, "\n".join(cells) if row.label != "Scores" else " · ".join(cells))
    footer = Text("\n".join(f"[{n}] {label}" for label, n in numbers.items()), style="dim")
    title = f"{card.title} ({card.subtitle})" if card.subtitle else card.title
    return Panel(Group(table, footer), title=escape(title), title_align="left")
