"""The year in review as a PNG card (Pillow): the same lines as the text, wrapped to fit, on the club's colours.

Pillow's bundled font is used so the card looks the same on every machine, with no system font to install.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont
from pydantic import BaseModel

WIDTH, MIN_HEIGHT = 1200, 630
MARGIN = 60
TITLE_SIZE, LINE_SIZE = 52, 32
LINE_GAP = 14
BACKGROUND, ACCENT, INK = (24, 24, 32), (245, 197, 24), (236, 236, 240)


class Picture(BaseModel):
    """A drawn card: the PNG, its size, and every string drawn on it (in order)."""

    png: bytes
    width: int
    height: int
    drawn: list[str]


def draw_card(lines: list[str]) -> Picture:
    """Draw the title line large and the rest below it, each wrapped to the card's width."""
    title_font = ImageFont.load_default(size=TITLE_SIZE)
    line_font = ImageFont.load_default(size=LINE_SIZE)
    usable = WIDTH - 2 * MARGIN
    rows: list[tuple[str, ImageFont.FreeTypeFont | ImageFont.ImageFont, tuple[int, int, int]]] = []
    for index, line in enumerate(lines):
        font = title_font if index == 0 else line_font
        colour = ACCENT if index == 0 else INK
        rows.extend((piece, font, colour) for piece in _wrap(line, font, usable))
    heights = [(TITLE_SIZE if font is title_font else LINE_SIZE) + LINE_GAP for _, font, _ in rows]
    height = max(MIN_HEIGHT, 2 * MARGIN + sum(heights) + 2 * LINE_GAP)
    image = Image.new("RGB", (WIDTH, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    y = MARGIN
    for (text, font, colour), step in zip(rows, heights, strict=True):
        draw.text((MARGIN, y), text, font=font, fill=colour)
        y += step
        if font is title_font:
            draw.rectangle((MARGIN, y + 6, MARGIN + 160, y + 10), fill=ACCENT)
            y += 2 * LINE_GAP
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return Picture(png=buffer.getvalue(), width=WIDTH, height=height, drawn=[text for text, _, _ in rows])


def _wrap(line: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int) -> list[str]:
    """Greedy word wrap by drawn width; a word longer than the line is cut, never dropped."""
    pieces: list[str] = []
    current = ""
    for word in line.split():
        candidate = f"{current} {word}".strip()
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            pieces.append(current)
        while font.getlength(word) > width:
            cut = max(1, int(len(word) * width / font.getlength(word)))
            pieces.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        pieces.append(current)
    return pieces or [""]
