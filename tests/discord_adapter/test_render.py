"""The Discord renderer, pure: embed limits, clean splitting, one spoiler span per beat, defused mentions."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from bots.discord.render import DiscordMessage, render, render_reveal
from bots.discord.text import escape, split_text
from core.responses import (
    CardPart,
    CardRow,
    CardValue,
    ChoicePart,
    ErrorPart,
    ListPart,
    Response,
    SpoilerPart,
    TextPart,
    TimePart,
    Visibility,
)
from tests.discord_adapter.checks import HOSTILE, RAW_MENTION, assert_within_limits, texts

SPOILER_SPAN = re.compile(r"\|\|(.+?)(?<!\\)\|\|")


def body(message: DiscordMessage) -> dict[str, object]:
    return {"content": message.content, "embeds": message.embeds}


def huge_card() -> CardPart:
    """A card past every limit: 40 rows (25 fields per embed), values past 1024, text past 6000 per message."""
    rows = [
        CardRow(
            label=f"Row {n} " + "label " * 60,
            values=[CardValue(text=f"value {n}.{k} " + "words " * 40, sources=[f"source {k % 3}"]) for k in range(8)],
            conflict=n % 5 == 0,
        )
        for n in range(40)
    ]
    return CardPart(title="T" * 300, subtitle="1999", rows=rows, sources=["source 0", "source 1", "source 2"])


def test_a_usual_card_is_one_embed_with_numbered_sources() -> None:
    card = CardPart(
        title="Children of Heaven",
        subtitle="1997",
        rows=[
            CardRow(label="Directed by", values=[CardValue(text="Majid Majidi", sources=["Wikipedia"])]),
            CardRow(
                label="Box office",
                values=[
                    CardValue(text="$1,628,579 worldwide", sources=["Wikipedia"]),
                    CardValue(text="about $382,000", sources=["end-credits page"]),
                ],
                conflict=True,
            ),
        ],
        sources=["Wikipedia", "end-credits page"],
    )
    [message] = render(Response(parts=[card]))
    [embed] = message.embeds
    assert embed["title"] == "Children of Heaven (1997)"
    assert embed["fields"][0] == {"name": "Directed by", "value": "Majid Majidi [1]", "inline": True}
    assert embed["fields"][1]["name"] == "Box office ⚠️ sources disagree"
    assert embed["fields"][1]["value"] == "$1,628,579 worldwide [1]\nabout $382,000 [2]"
    assert embed["footer"]["text"] == "Sources: [1] Wikipedia · [2] end-credits page"
    assert "Box office" in embed["description"]
    assert not message.ephemeral


def test_a_card_with_one_source_names_it_once() -> None:
    card = CardPart(
        title="Batman",
        rows=[CardRow(label="Directed by", values=[CardValue(text="Tim Burton", sources=["Wikipedia: Batman"])])],
        sources=["Wikipedia: Batman"],
    )
    [message] = render(Response(parts=[card]))
    assert message.embeds[0]["fields"][0]["value"] == "Tim Burton"
    assert message.embeds[0]["footer"]["text"] == "Source: Wikipedia: Batman"


def test_a_huge_card_keeps_every_limit_and_every_value() -> None:
    card = huge_card()
    messages = render(Response(parts=[card]))
    assert len(messages) > 1
    for message in messages:
        assert_within_limits(body(message))
    shown = "\n".join(t for m in messages for t in texts(body(m)))
    for row in card.rows:
        for value in row.values:
            assert escape(value.text).strip() in shown  # split across fields, never cut off
    embeds = [e for m in messages for e in m.embeds]
    assert embeds[1]["title"].endswith(", continued")
    assert "footer" in embeds[-1] and all("footer" not in e for e in embeds[:-1])


def test_long_text_is_split_at_line_breaks_and_keeps_every_word() -> None:
    lines = [f"Line {n}: " + "word " * 30 for n in range(100)]
    messages = render(Response(parts=[TextPart(text="\n".join(lines))]))
    assert len(messages) > 1
    for message in messages:
        assert_within_limits(body(message))
        assert message.content.startswith("Line ")  # every message starts at a line, not mid-sentence
    assert " ".join(m.content for m in messages).split() == " ".join(lines).split()


def test_a_line_longer_than_a_message_is_split_between_words() -> None:
    words = [f"w{n}" for n in range(1200)]
    pieces = split_text(" ".join(words), 2000)
    assert all(len(p) <= 2000 for p in pieces)
    assert " ".join(pieces).split() == words


def test_a_word_longer_than_a_message_is_cut_but_never_after_a_lone_backslash() -> None:
    pieces = split_text(escape("*" * 3000), 2000)
    for piece in pieces:
        assert len(piece) <= 2000
        assert (len(piece) - len(piece.rstrip("\\"))) % 2 == 0  # every backslash still escapes its star
    assert "".join(pieces) == escape("*" * 3000)


def test_each_beat_is_its_own_spoiler_span_after_its_label() -> None:
    beats = [SpoilerPart(label=f"Part {n} of 3", text=f"Beat {n} happens.") for n in range(1, 4)]
    [message] = render(Response(parts=[TextPart(text="The set-up, in the open."), *beats]))
    lines = message.content.split("\n")
    assert lines[0] == "The set-up, in the open."
    assert lines[1:] == [f"**Part {n} of 3**: ||Beat {n} happens.||" for n in range(1, 4)]


def test_spoiler_text_cannot_end_its_span_early_or_leak_into_embeds() -> None:
    sneaky = SpoilerPart(label="The ending", text="He wins || and everyone sees this")
    card = CardPart(title="Film", rows=[CardRow(label="Directed by", values=[CardValue(text="Someone")])])
    messages = render(Response(parts=[card, sneaky]))
    spans = [s for m in messages for s in SPOILER_SPAN.findall(m.content)]
    assert spans == [r"He wins \|\| and everyone sees this"]
    for message in messages:
        for embed in message.embeds:
            assert "wins" not in embed["title"] and all("wins" not in f["name"] for f in embed["fields"])


def test_neither_a_link_nor_a_code_span_can_close_a_spoiler() -> None:
    part = SpoilerPart(label="Part 4", text="see https://example.org/a||leak and `code|| more` too")
    [message] = render(Response(parts=[part]))
    assert SPOILER_SPAN.findall(message.content) == [r"see https://example.org/a\|\|leak and \`code\|\| more\` too"]


def test_a_beat_longer_than_a_message_becomes_several_spans_all_hidden() -> None:
    text = " ".join(f"secret{n}" for n in range(700))
    messages = render(Response(parts=[SpoilerPart(label="Part 2 of 5", text=text)]))
    assert len(messages) > 1
    hidden = []
    for message in messages:
        assert_within_limits(body(message))
        outside = SPOILER_SPAN.sub("", message.content)
        assert "secret" not in outside  # nothing of the beat outside a span
        hidden += " ".join(SPOILER_SPAN.findall(message.content)).split()
    assert hidden == text.split()


def test_mentions_are_defused_everywhere() -> None:
    card = CardPart(
        title=f"Film {HOSTILE}",
        subtitle=HOSTILE,
        rows=[CardRow(label=HOSTILE, values=[CardValue(text=HOSTILE, sources=[HOSTILE])])],
        sources=[HOSTILE, "other"],
    )
    response = Response(
        parts=[
            TextPart(text=HOSTILE),
            card,
            SpoilerPart(label=HOSTILE, text=HOSTILE),
            ListPart(title=HOSTILE, items=[HOSTILE]),
            ChoicePart(question=HOSTILE, options=[HOSTILE]),
            TimePart(label=HOSTILE, at=datetime(2026, 12, 5, 20, tzinfo=UTC), zone="UTC"),
            ErrorPart(message=HOSTILE, hint=HOSTILE),
        ]
    )
    for message in [*render(response), render_reveal(SpoilerPart(label=HOSTILE, text=HOSTILE))]:
        for text in texts(body(message)):
            assert not RAW_MENTION.search(text), text
    assert "@\u200beveryone" in render(Response(parts=[TextPart(text=HOSTILE)]))[0].content


def test_markdown_in_titles_does_not_restyle_but_links_stay_whole() -> None:
    [message] = render(Response(parts=[TextPart(text="M*A*S*H, see https://en.wikipedia.org/wiki/M*A*S*H_(film)")]))
    assert message.content == r"M\*A\*S\*H, see https://en.wikipedia.org/wiki/M*A*S*H_(film)"


def test_times_show_in_each_members_own_zone() -> None:
    at = datetime(2026, 12, 5, 20, 0, tzinfo=UTC)
    [message] = render(Response(parts=[TimePart(label="Starts", at=at, zone="Europe/London")]))
    unix = int(at.timestamp())
    assert message.content == f"**Starts**: <t:{unix}:F> (<t:{unix}:R>)"


def test_private_answers_are_ephemeral_in_every_message() -> None:
    lines = "\n".join("x" * 100 for _ in range(50))
    messages = render(Response(parts=[ErrorPart(message="No.", hint=lines)], visibility=Visibility.PRIVATE))
    assert len(messages) > 1 and all(m.ephemeral for m in messages)


def test_lists_choices_and_errors_read_as_text() -> None:
    response = Response(
        parts=[
            ListPart(title="Titles matching “heaven”", items=["Children of Heaven (1997)"]),
            ChoicePart(question="Which film?", options=["Batman (1989)", "Batman (1966)"]),
            ErrorPart(message="No film called “x”.", hint="Closest titles: Batman."),
        ]
    )
    [message] = render(response)
    assert message.content.split("\n") == [
        "**Titles matching “heaven”**",
        "• Children of Heaven (1997)",
        "Which film?",
        "1. Batman (1989)",
        "2. Batman (1966)",
        "⚠️ No film called “x”.",
        "Closest titles: Batman.",
    ]


def test_text_after_a_card_starts_a_new_message_so_the_order_holds() -> None:
    card = CardPart(title="Film", rows=[CardRow(label="Year", values=[CardValue(text="1999")])])
    messages = render(Response(parts=[TextPart(text="before"), card, TextPart(text="after")]))
    assert [(m.content, len(m.embeds)) for m in messages] == [("before", 1), ("after", 0)]


def test_an_empty_answer_still_says_something() -> None:
    assert render(Response()) == [DiscordMessage(content="Done.")]


def test_a_reveal_is_private_and_in_the_open() -> None:
    message = render_reveal(SpoilerPart(label="Part 3 of 7", text="The shoes are lost.", reveal_id="r1"))
    assert message.ephemeral
    assert message.content == "**Part 3 of 7**\nThe shoes are lost."
