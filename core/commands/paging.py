"""Pages of a long listing: how many there are, and the line that says where the member is and what is next."""

from __future__ import annotations

import math

from core.responses import TextPart


def page_count(total: int, per_page: int) -> int:
    """How many pages ``total`` rows fill (at least one, so "page 1 of 1" reads right for an empty list)."""
    return max(1, math.ceil(total / per_page))


def page_footer(page: int, pages: int, next_command: str) -> TextPart | None:
    """``Page 2 of 5. Next: <next_command>`` below a page, or None when everything fits on one page.

    Args:
        page: the page shown (from 1).
        pages: how many pages there are.
        next_command: the command line that shows the next page (offered only when there is one).

    """
    if pages <= 1:
        return None
    more = f" Next: {next_command}" if page < pages else ""
    return TextPart(text=f"Page {page} of {pages}.{more}")


def past_the_end(pages: int) -> str:
    """What a page number past the last one gets."""
    return "There is only one page." if pages == 1 else f"There are only {pages} pages."
