"""What counts as a spoiler, decided in one place, and how a spoiler is put into a response.

A spoiler is anything a member who has not seen the film would rather find out from the film: every plot
beat after the set-up, any answer drawn from the plot's text, the ending, who wins, what happens to a
character, and what happens in the end-credit scenes (whether there are any is not a spoiler: members ask
it to know whether to stay seated). Commands say what kind of content they show; `guard` hides it or, in
a club's spoiler channels, shows it plainly.
"""

from __future__ import annotations

from enum import StrEnum

from core.responses import SpoilerPart, TextPart

# The set-up (what a film's first beat shows: the premise) is open; every later beat is a spoiler.
SETUP_BEATS = 1


class Content(StrEnum):
    """Kinds of content a response may carry, spoilers or not."""

    SETUP = "setup"
    PLOT_BEAT = "plot-beat"
    PLOT_ANSWER = "plot-answer"
    ENDING = "ending"
    OUTCOME = "outcome"
    CHARACTER_FATE = "character-fate"
    CREDITS_VERDICT = "credits-verdict"
    CREDITS_CONTENT = "credits-content"


SPOILERS = frozenset(
    {
        Content.PLOT_BEAT,
        Content.PLOT_ANSWER,
        Content.ENDING,
        Content.OUTCOME,
        Content.CHARACTER_FATE,
        Content.CREDITS_CONTENT,
    }
)

# What a hidden part of each kind is about, said without saying it.
_LABELS = {
    Content.PLOT_BEAT: "a later part of the plot",
    Content.PLOT_ANSWER: "what the plot says",
    Content.ENDING: "how it ends",
    Content.OUTCOME: "who wins",
    Content.CHARACTER_FATE: "what happens to {subject}",
    Content.CREDITS_CONTENT: "what happens in the end-credit scenes",
}


def is_spoiler(content: Content) -> bool:
    """Whether content of this kind must be hidden outside spoiler channels.

    Args:
        content: what a response part shows.

    Returns:
        True for spoilers; False for the set-up and the yes/no of end-credit scenes.
    """
    return content in SPOILERS


def beat_content(index: int, total: int) -> Content:
    """What a plot beat shows: the set-up, a later beat, or the ending.

    Args:
        index: the beat's number, from 1.
        total: how many beats the plot has.

    Returns:
        ``SETUP`` for the set-up beats, ``ENDING`` for the last beat of a longer plot, else ``PLOT_BEAT``.
    """
    if index <= SETUP_BEATS:
        return Content.SETUP
    return Content.ENDING if index == total else Content.PLOT_BEAT


def default_label(content: Content, subject: str = "") -> str:
    """A label for hidden content of one kind, e.g. ``what happens to Zahra``.

    Args:
        content: the kind of content hidden.
        subject: who or what it is about (used by ``CHARACTER_FATE``).

    Returns:
        A label that says what is hidden without saying it.
    """
    template = _LABELS.get(content, "a spoiler")
    return template.format(subject=subject or "a character")


def guard(content: Content, label: str, text: str, *, plain: bool, reveal_id: str = "") -> TextPart | SpoilerPart:
    """The response part for one piece of content: hidden when it is a spoiler, plain otherwise.

    Args:
        content: what the text shows (decides whether it is a spoiler).
        label: what the text is about, said without giving it away (``part 6 of 7 — near the end``).
        text: the content itself.
        plain: show spoilers plainly: the channel is one of the club's spoiler channels (the command's
            ``ctx.spoiler_channel``), or the member asked to see this very part.
        reveal_id: how a platform reveals this part later to one member (see `core.spoilers.reveal`).

    Returns:
        A `SpoilerPart`, or a `TextPart` headed by the label.
    """
    if is_spoiler(content) and not plain:
        return SpoilerPart(label=label, text=text, reveal_id=reveal_id)
    return TextPart(text=f"{label[:1].upper()}{label[1:]}: {text}")
