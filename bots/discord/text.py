"""Discord text safety and length: mentions defused, markdown escaped, long text cut at clean places.

Every function here is pure. Escaping is per word (it never looks across whitespace), so text can be
split at spaces after escaping without breaking an escape or a defused mention.
"""

from __future__ import annotations

import re

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
CONTENT_LIMIT = 2000
EMBED_TITLE_LIMIT = 256
EMBED_DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
FIELDS_PER_EMBED = 25
EMBED_TOTAL_LIMIT = 6000  # summed over every embed of one message
EMBEDS_PER_MESSAGE = 10
CHOICE_NAME_LIMIT = 100

ZWSP = "\u200b"
ELLIPSIS = "…"
# "@everyone", "@here" and the <@user>, <@!user>, <@&role> forms: a zero-width space after the "@" keeps
# them as visible text that Discord neither pings nor turns into a mention chip.
_MENTION = re.compile(r"@(everyone|here)\b|<@([!&]?)", re.IGNORECASE)
# <#channel>, </command:id> and <:emoji:id> chips: a zero-width space after the "<" leaves them as typed
_CHIP = re.compile(r"<(?=[#/:]|a:)")
_MARKDOWN = re.compile(r"([\\*_~|\[\]])|^([>#-])", re.MULTILINE)  # quotes, headings, lists: at a line start
# The core writes commands as `/film info Title`: those code spans stay; any other backtick (a member's, a
# title's) is escaped, so it can neither open nor close a span against the bot's own formatting.
_COMMAND_SPAN = re.compile(r"(`/[^`\n]+`)")
_URL = re.compile(r"(https?://\S+)")


def defuse_mentions(text: str) -> str:
    """Make every mention form in ``text`` inert (the allowed_mentions setting stays the real guard)."""

    def repl(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return f"@{ZWSP}{match.group(1)}"
        return f"<@{ZWSP}{match.group(2)}"

    return _CHIP.sub("<" + ZWSP, _MENTION.sub(repl, text))


def escape(text: str) -> str:
    """Text from documents or members, safe in message content and embed values.

    Markdown characters are backslash-escaped (so a title like ``M*A*S*H`` or a stray ``||`` cannot
    restyle the message or end a spoiler early), and so are backticks outside the core's command spans;
    links are left whole; mentions and channel, command and emoji chips are defused.

    Args:
        text: plain text.

    Returns:
        The text as Discord markdown that shows it as written.

    """
    pieces = _URL.split(text)
    # split() with a group alternates: even indexes are prose, odd ones are links (only their bars escaped,
    # so a link can never close a spoiler span).
    escaped = [_prose(piece) if i % 2 == 0 else piece.replace("|", "\\|") for i, piece in enumerate(pieces)]
    return defuse_mentions("".join(escaped))


def _prose(text: str) -> str:
    """Markdown escaped; backticks too, except those of the core's `/command` spans (odd pieces)."""
    pieces = _COMMAND_SPAN.split(_MARKDOWN.sub(_backslash, text))
    return "".join(piece if i % 2 else piece.replace("`", "\\`") for i, piece in enumerate(pieces))


def _backslash(match: re.Match[str]) -> str:
    return "\\" + match.group(0)


def plain(text: str, limit: int) -> str:
    """Text for places without markdown (embed titles, field names, footers): defused and cut to ``limit``."""
    return truncate(defuse_mentions(" ".join(text.split())), limit)


def truncate(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary when one is near, ending in "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return _no_dangling_escape(cut.rstrip()) + ELLIPSIS


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most ``limit`` characters: cut at line breaks, else at spaces, else anywhere.

    Args:
        text: already escaped text.
        limit: the largest piece.

    Returns:
        The pieces in order; joined with line breaks or spaces they give back ``text``.

    """
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        if len(line) <= limit:
            current = line
            continue
        *full, current = _split_line(line, limit)
        pieces.extend(full)
    if current or not pieces:
        pieces.append(current)
    return pieces


def _split_line(line: str, limit: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    for word in line.split(" "):
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        while len(word) > limit:  # one "word" longer than a message: cut it, never after a lone backslash
            head = _no_dangling_escape(word[:limit])
            pieces.append(head)
            word = word[len(head) :]
        current = word
    pieces.append(current)
    return pieces


def _no_dangling_escape(text: str) -> str:
    """Drop a trailing unpaired backslash, which would escape whatever follows the cut."""
    trailing = len(text) - len(text.rstrip("\\"))
    return text[:-1] if trailing % 2 else text
