"""The Slack renderer (pure): Block Kit cards, escaping of member text, limits, times."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from bots.slack.render import MAX_BLOCKS, render, render_reveal
from core.responses import (
    CardPart,
    CardRow,
    CardValue,
    ErrorPart,
    Response,
    SpoilerPart,
    TextPart,
    TimePart,
    Visibility,
)

HOSTILE = "<!channel> <!here> <@U123> <https://evil.example|your bank> & @everyone"


def test_member_text_is_escaped_everywhere() -> None:
    response = Response(
        parts=[
            TextPart(text=HOSTILE),
            ErrorPart(message=f"No film called “{HOSTILE}”.", hint=HOSTILE),
            CardPart(title=HOSTILE, rows=[CardRow(label=HOSTILE, values=[CardValue(text=HOSTILE, sources=[HOSTILE])])]),
        ]
    )
    message = render(response)
    everything = message.text + json.dumps(message.blocks, ensure_ascii=False)
    for raw in ("<!channel>", "<!here>", "<@U123>", "<https://"):
        assert raw not in everything
    assert "&lt;!channel&gt;" in message.text


def test_card_is_a_header_fields_and_a_source_line() -> None:
    card = CardPart(
        title="Children of Heaven",
        subtitle="1997",
        rows=[
            CardRow(label=f"Row {n}", values=[CardValue(text=f"value {n}", sources=["Wikipedia: X"])])
            for n in range(12)
        ],
        sources=["Wikipedia: X"],
    )
    blocks = render(Response(parts=[card])).blocks
    assert blocks[0] == {"type": "header", "text": {"type": "plain_text", "text": "Children of Heaven (1997)"}}
    assert [len(b["fields"]) for b in blocks if "fields" in b] == [10, 2]
    assert blocks[-1]["type"] == "context" and "[1] Wikipedia: X" in blocks[-1]["elements"][0]["text"]


def test_long_answers_stay_within_block_limits() -> None:
    response = Response(parts=[TextPart(text="word " * 2000)] + [TextPart(text=f"p{n}") for n in range(80)])
    message = render(response)
    assert len(message.blocks) == MAX_BLOCKS
    assert all(len(b.get("text", {}).get("text", "")) <= 3000 for b in message.blocks)
    assert len(message.text) <= 3000


def test_times_render_in_each_members_zone_and_private_answers_are_ephemeral() -> None:
    at = datetime(2030, 5, 17, 19, 0, tzinfo=UTC)
    message = render(
        Response(parts=[TimePart(label="Party", at=at, zone="Europe/London")], visibility=Visibility.PRIVATE)
    )
    assert f"<!date^{int(at.timestamp())}^{{date_short_pretty}} at {{time}}|" in message.blocks[0]["text"]["text"]
    assert message.ephemeral


def test_reveal_button_carries_the_id_and_the_reveal_is_ephemeral() -> None:
    part = SpoilerPart(label="how it ends", text="The secret <!channel>", reveal_id="plot:1:abc:2:def")
    message = render(Response(parts=[part]))
    assert message.blocks[0]["accessory"]["value"] == "plot:1:abc:2:def"
    assert "secret" not in message.text + json.dumps(message.blocks)
    revealed = render_reveal(part)
    assert revealed.ephemeral and "secret" in revealed.text and "<!channel>" not in revealed.text
