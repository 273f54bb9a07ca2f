"""Files in a console answer (a year-in-review card, a calendar) are written to the current folder, path printed."""

from __future__ import annotations

from pathlib import Path

from core.responses import FilePart, Response, TextPart


def save_files(response: Response, folder: Path) -> Response:
    """Write each file part under ``folder`` and put its path in its place; the rest of the answer is unchanged.

    The file name is the core's own (``club-year-2026.png``, ``film-club.ics``), stripped of any folder part, so
    an answer can never write outside ``folder``; a later export of the same thing replaces the earlier one.
    """
    if not any(isinstance(p, FilePart) for p in response.parts):
        return response
    parts = []
    for part in response.parts:
        if isinstance(part, FilePart):
            path = folder / Path(part.filename).name
            path.write_bytes(part.data)
            parts.append(TextPart(text=f"{part.description or 'File'} saved to {path.resolve()}"))
        else:
            parts.append(part)
    return response.model_copy(update={"parts": parts})
