"""A question from how the film was made: a sentence of the article's production sections with a number taken out.

The sentence must stand on its own (`core.parties.sections.standalone`), hold the number once, name no
character (before the film, a name can tell who turns up) and speak of no event of the story; one the
party's "how it was made" discussion quotes is left for that discussion. A count ("36 days", "200 extras")
makes a better question than a year, so counts are asked first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.library.model import Film, Passage
from core.parties.prompts import Characters, party_plot
from core.parties.sections import is_production, production_quotes, standalone
from core.trivia.choices import arrange
from core.trivia.question import Ground, Question, Topic

GAP = "____"
# A count of things: "36 days", "1,200 extras"; not money, a share, a rank or part of a longer number.
_COUNT = re.compile(
    r"(?<![$£€¥₹\w.,/-])(?P<n>[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?= (?!(?:million|billion|crore|lakh|percent|per|"
    r"cent|years? old|pm|am|mm|BC|AD)\b)[a-z]+s\b)"
)
_YEAR = re.compile(r"(?<![\w$£€¥₹.,/-])(?P<n>1[89]\d\d|20\d\d)(?![\w%-]|,\d|\.\d)")
# Words telling an event of the story rather than of the making.
_STORY = re.compile(
    r"\b(?:ending|endings|climax\w*|twist|final (?:scene|shot|sequence|act)|dies|died|death|killed|kills|murder\w*|"
    r"reveals?|revealed|plot|storyline)\b",
    re.IGNORECASE,
)


def making_question(film: Film, passages: Sequence[Passage]) -> Question | None:
    """Take a number out of a sentence on the making and ask for it.

    Args:
        film: the film (its cast list says which names are characters).
        passages: its articles' passages in article order.

    Returns:
        The question, with the sentence and its section as the answer's source, or None when no sentence fits.
    """
    characters = Characters(film, party_plot(film))
    discussed = {q.text for q in production_quotes(passages)}
    candidates: list[tuple[int, int, Passage, str, re.Match[str]]] = []
    for order, passage in enumerate(passages):
        if not is_production(passage):
            continue
        for sentence in standalone(passage.text):
            if sentence in discussed or sentence.endswith("…") or _STORY.search(sentence):
                continue
            if characters.named_in(sentence):
                continue
            for rank, pattern in enumerate((_COUNT, _YEAR)):
                found = list(pattern.finditer(sentence))
                if len(found) == 1 and sentence.count(found[0]["n"]) == 1:
                    candidates.append((rank, order, passage, sentence, found[0]))
                    break
    if not candidates:
        return None
    rank, _, passage, sentence, match = min(candidates, key=lambda c: (c[0], c[1]))
    number = match["n"]
    gapped = f"{sentence[: match.start()]}{GAP}{sentence[match.end() :]}"
    section = " › ".join(passage.section)
    ask = f"From the article's “{section}”: “{gapped}” What number fills the gap?"
    wrong = _years(int(number)) if rank == 1 else _counts(int(number.replace(",", "")), grouped="," in number)
    return Question(
        Topic.MAKING,
        ask,
        number,
        (Ground(film.id, passage=passage, sentence=sentence),),
        detail=f"“{sentence}”",
        options=arrange(number, wrong, ask),
    )


def _years(year: int) -> list[str]:
    return [str(year + d) for d in (-2, 1, 3)]


def _counts(count: int, grouped: bool) -> list[str]:
    """Wrong counts of the same size: half, one and a half, twice; written as the article writes the count."""
    near = [count // 2, count + max(1, count // 2), count * 2, count + 1, count + 2]
    return [f"{n:,}" if grouped else str(n) for n in dict.fromkeys(near) if n > 0 and n != count]
