"""``/film plot``: a film's plot in beats, the set-up open and every later beat hidden on its own.

A film may have its plot told by several documents (a Wikipedia article, an end-credits page's recap).
The member reads one telling at a time, the fullest by default; the answer says which one it is and
which others exist, so beats of two sources are never mixed.
"""

from __future__ import annotations

from core.library.model import Film, Plot, SourceKind, normalize
from core.responses import Part, Response, TextPart, Visibility, error
from core.spoilers.labels import beat_labels
from core.spoilers.policy import SETUP_BEATS, beat_content, guard
from core.spoilers.reveal import reveal_id, reveal_label

# What a member types in ``source:`` to pick a telling, by the kind of document that tells it.
SOURCE_WORDS = {
    SourceKind.WIKITEXT: ("wikipedia", "wiki"),
    SourceKind.FLATTENED_WIKIPEDIA: ("wikipedia", "wiki"),
    SourceKind.END_CREDITS_PAGE: ("credits", "end-credits", "recap"),
}


def tellings(film: Film) -> list[Plot]:
    """The film's plots, fullest first (ties in a stable order): the first is the one shown by default."""
    return sorted((p for p in film.plots if p.beats), key=lambda p: (-p.length, p.source.document_id))


def source_word(plot: Plot, plots: list[Plot]) -> str:
    """What to type in ``source:`` to get ``plot``: a word for its kind when it is the only one, else its number."""
    for word in SOURCE_WORDS[plot.source.kind]:
        if [p for p in plots if word in SOURCE_WORDS[p.source.kind]] == [plot]:
            return word
    return str(plots.index(plot) + 1)


def choose_plot(plots: list[Plot], source: str | None) -> Plot | None:
    """The telling a member asked for.

    Args:
        plots: the film's tellings, as `tellings` orders them.
        source: what the member typed in ``source:`` (a kind word such as ``wikipedia`` or ``credits``,
            a telling's number, or words of the document's title or address); None for the default.

    Returns:
        The fullest matching telling, or None when nothing matches.
    """
    if not plots:
        return None
    if source is None:
        return plots[0]
    query = normalize(source)
    if query.isdigit():
        number = int(query)
        return plots[number - 1] if 1 <= number <= len(plots) else None
    for plot in plots:
        words = {normalize(w) for w in SOURCE_WORDS[plot.source.kind]} | {normalize(plot.source.kind.value)}
        if query in words:
            return plot
    for plot in plots:
        where = " ".join(normalize(s) for s in (plot.source.label, plot.source.document_id, plot.source.url or ""))
        if query and query in where:
            return plot
    return None


def _parts(count: int) -> str:
    return f"{count} part" if count == 1 else f"{count} parts"


def _span(first: int, last: int) -> str:
    return f"part {first}" if first == last else f"parts {first}–{last}"


def plot_response(film: Film, source: str | None, upto: int | None, spoiler_channel: bool) -> Response:
    """The answer to ``/film plot``.

    Args:
        film: the film asked about.
        source: which telling (see `choose_plot`); None for the fullest.
        upto: show beats 1..upto openly; None to show only the set-up.
        spoiler_channel: the channel shows spoilers plainly (the club marked it a spoiler channel).

    Returns:
        The set-up and the beats asked for in the open, every later beat as its own spoiler (or, in a
        spoiler channel, every beat in the open), which telling it is and which others exist. Only the
        asker sees it when it shows spoilers openly outside a spoiler channel. An error when the library
        holds no plot, no telling matches ``source``, or ``upto`` is past the last beat.
    """
    plots = tellings(film)
    if not plots:
        return error(
            f"The library holds no plot of {film.display_title}.", f"Try `/film info {film.title}` for its facts."
        )
    plot = choose_plot(plots, source)
    if plot is None:
        known = ", ".join(f"{source_word(p, plots)} ({p.source.label}, {_parts(len(p.beats))})" for p in plots)
        return error(f"No telling of the plot of {film.display_title} matches “{source}”.", f"Try source: {known}.")
    total = len(plot.beats)
    if upto is not None and upto > total:
        return error(
            f"The plot of {film.display_title} ({plot.source.label}) has {_parts(total)}: upto can be 1 to {total}.",
            f"For example `/film plot {film.title} upto:{min(3, total)}`.",
        )
    shown = max(upto or 0, SETUP_BEATS)
    labels = beat_labels(plot)
    head = f"{film.display_title}: the plot in {_parts(total)}, as told by {plot.source.label}."
    parts: list[Part] = []
    for beat, label in zip(plot.beats, labels, strict=True):
        if spoiler_channel and upto is not None and beat.index > upto:
            continue
        plain = spoiler_channel or beat.index <= shown
        rid = reveal_id(film, plot, beat)
        parts.append(guard(beat_content(beat.index, total), label, beat.text, plain=plain, reveal_id=rid))
    visibility = Visibility.PUBLIC
    notes: list[str] = []
    if spoiler_channel:
        head += " Spoilers are shown here: " + (
            f"{_span(upto + 1, total)} left out (you asked up to {upto})."
            if upto and upto < total
            else "nothing is hidden."
        )
    elif shown < total:
        if shown > SETUP_BEATS:
            visibility = Visibility.PRIVATE  # open spoilers go only to the member who asked for them
            head += f" Only you see this: {_span(1, shown)} in the open, {_span(shown + 1, total)} still hidden."
        else:
            setup = _span(1, SETUP_BEATS).capitalize()
            head += f" {setup} is the set-up; {_span(shown + 1, total)} are hidden, each revealable on its own."
        # Reading on stays with the telling being read.
        same = f" source:{source_word(plot, plots)}" if plot is not plots[0] else ""
        notes.append(f"Read on to part N with `/film plot {film.title}{same} upto:N`.")
    elif total > SETUP_BEATS:
        visibility = Visibility.PRIVATE
        head += " Only you see this: the whole plot, in the open."
    for other in plots:
        if other is not plot:
            word = source_word(other, plots)
            notes.append(
                f"Also told by {other.source.label} ({_parts(len(other.beats))}): "
                f"`/film plot {film.title} source:{word}`."
            )
    tail = [TextPart(text=" ".join(notes))] if notes else []
    return Response(parts=[TextPart(text=head), *parts, *tail], visibility=visibility)


def part_response(film: Film, source: str | None, part: int) -> Response:
    """The answer to ``/film reveal``: one part of a plot, in the open, to the member who asked only.

    Args:
        film: the film asked about.
        source: which telling (see `choose_plot`); None for the fullest, the one `/film plot` shows first.
        part: the part's number, from 1.

    Returns:
        The part under its label (which names the film), or an error saying which parts there are.
    """
    plots = tellings(film)
    plot = choose_plot(plots, source)
    if plot is None:
        return plot_response(film, source, None, spoiler_channel=False)  # says there is no plot, or which tellings
    total = len(plot.beats)
    if not 1 <= part <= total:
        return error(
            f"The plot of {film.display_title} ({plot.source.label}) has {_parts(total)}: part can be 1 to {total}.",
            f"For example `/film reveal {film.title} part:{total}`.",
        )
    beat = plot.beats[part - 1]
    label = reveal_label(film, beat_labels(plot)[part - 1])
    said = guard(beat_content(beat.index, total), label, beat.text, plain=True)
    return Response(parts=[said], visibility=Visibility.PRIVATE)
