"""What kind of moment a plot part shows (a reveal, a choice, a conflict, a turn of mood), read from its words.

The cues are the verbs and nouns plot summaries in general use for such moments ("discovers", "decides",
"confronts", "is devastated"), not any one article's wording, so a prompt can ask the question that fits
the scene that was just on screen. Each kind has its own question forms, for nobody, one or two characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache


class Moment(StrEnum):
    """A kind of moment a plot sentence tells; GENERAL when no cue is found."""

    REVEAL = "reveal"
    CHOICE = "choice"
    CONFLICT = "conflict"
    MOOD = "mood"
    GENERAL = "general"


_CUES = {
    Moment.REVEAL: (
        r"reveal\w*|discover\w*|learns?|learned|learnt|learning|reali[sz]\w*|finds? out|found out|confess\w*|"
        r"admits?|admitted|turns? out|secret\w*|truth|recogni[sz]\w*|identity|unmask\w*|exposes?|exposed|"
        r"overhears?|overheard|suspects?|suspected"
    ),
    Moment.CHOICE: (
        r"decid\w*|decision|chooses?|chose|chosen|agrees?|agreed|refus\w*|resolves?|resolved|promis\w*|vows?|"
        r"vowed|swears?|swore|offers?|offered|accepts?|accepted|volunteers?|insists?|convinc\w*|persuad\w*|"
        r"plans? to|planned to|determined to|gives? up|gave up|sacrific\w*"
    ),
    Moment.CONFLICT: (
        r"fights?|fought|attack\w*|argu\w*|quarrel\w*|confront\w*|battl\w*|kills?|killed|threat\w*|clash\w*|"
        r"rival\w*|chas\w*|betray\w*|accus\w*|duel\w*|ambush\w*|kidnap\w*|captur\w*|beats? up|beaten|"
        r"shoots?|shot|stab\w*|murder\w*|enem\w*|revenge|aveng\w*|opposes?|opposed"
    ),
    Moment.MOOD: (
        r"devastat\w*|heartbr\w*|overjoyed|joy\w*|delight\w*|happ(?:y|ily|iness)|sad\w*|grie\w*|mourn\w*|"
        r"weeps?|wept|cr(?:y|ies|ied)|tears?|despair\w*|relie\w*|celebrat\w*|falls? in love|fell in love|"
        r"love|angr\w*|furious|humiliat\w*|ashamed|guilt\w*|lonel\w*|hope\w*|afraid|fear\w*|terrif\w*|"
        r"depress\w*|upset|moved|uplift\w*|dies|died|death|suddenly|however"
    ),
}
_PATTERNS = {kind: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for kind, words in _CUES.items()}
# When a sentence has cues of several kinds, the rarer, sharper kind names the moment better.
PRIORITY = (Moment.REVEAL, Moment.CHOICE, Moment.CONFLICT, Moment.MOOD)


@dataclass(frozen=True)
class Form:
    """One way of asking: its kind, how many characters it names (0, 1 or 2), and its words."""

    kind: Moment
    names: int
    text: str

    def ask(self, names: list[str]) -> str:
        """Fill the form with the first ``self.names`` names."""
        return self.text.format(a=names[0] if names else "", b=names[1] if len(names) > 1 else "")


FORMS = (
    Form(Moment.REVEAL, 2, "Now that this is out, how do you see {a} and {b}?"),
    Form(Moment.REVEAL, 1, "How does what has just come out change things for {a}?"),
    Form(Moment.REVEAL, 0, "Did you see that coming? What gave it away, or kept it hidden?"),
    Form(Moment.CHOICE, 2, "Who has more at stake in what was just decided, {a} or {b}?"),
    Form(Moment.CHOICE, 1, "Was {a} right to act as they did here? What would you have done?"),
    Form(Moment.CHOICE, 0, "Was that the right call? What else could have been done?"),
    Form(Moment.CONFLICT, 2, "Whose side are you on between {a} and {b} at this point, and why?"),
    Form(Moment.CONFLICT, 1, "What do you think {a} is really fighting for here?"),
    Form(Moment.CONFLICT, 0, "What is this clash really about, underneath?"),
    Form(Moment.MOOD, 2, "How has the feeling between {a} and {b} shifted in this part?"),
    Form(Moment.MOOD, 1, "The mood turns for {a} here: how did the film make you feel it?"),
    Form(Moment.MOOD, 0, "The mood turns here: what made you feel it (faces, music, pace)?"),
    Form(Moment.GENERAL, 2, "What has this part shown you about {a} and {b}?"),
    Form(Moment.GENERAL, 1, "What do you make of {a} so far?"),
    Form(Moment.GENERAL, 0, "Which moment so far has stayed with you, and why?"),
    Form(Moment.GENERAL, 0, "What do you notice about how this part is filmed?"),
    Form(Moment.GENERAL, 0, "Where do you think the story is heading from here?"),
    Form(Moment.GENERAL, 0, "How is the film holding you so far?"),
)


@lru_cache(maxsize=8192)  # the sentences of a few hundred films' plots
def moments_in(sentence: str) -> tuple[Moment, ...]:
    """The kinds of moment a sentence's words point to, sharpest first (empty: none).

    Cached: every party of a film reads the same plot sentences, and the cue patterns cost ~5 ms a plot.
    """
    return tuple(kind for kind in PRIORITY if _PATTERNS[kind].search(sentence))


def pick_form(kinds: list[Moment], names: int, used: set[str]) -> Form:
    """The form fitting the moment best that this party has not asked yet.

    Tries each kind in order (GENERAL last), naming as many characters as there are (at most two) and then
    fewer, so a party never asks the same question twice while it has forms left.

    Args:
        kinds: the moment's kinds, best first.
        names: how many characters the prompt could name.
        used: the texts of the forms the party has asked already.

    Returns:
        An unused form, or the first general one when all are used.

    """
    for kind in [*kinds, Moment.GENERAL]:
        for count in range(min(names, 2), -1, -1):
            for form in FORMS:
                if form.kind is kind and form.names == count and form.text not in used:
                    return form
    return next(f for f in FORMS if f.kind is Moment.GENERAL and f.names == 0)
