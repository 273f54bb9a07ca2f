"""How an article's sentences name things in other words: glosses, explanations, titles in other languages.

Read in general terms, never for one article's wording: a gloss among the pieces in brackets after a
title ("lit. …", "transl. …", "meaning …"); a name explained where it is written ("Ra.One (short for
Random Access Version One)", "soma, is Greek for "body"", "stands for"); and the titles a film has in
other languages as its release or remake sections tell them ("dubbed into Telugu as Shakti", "remade in
Hindi as …", "the Hindi version, titled …").
"""

from __future__ import annotations

import re

from core.answers.intents import LANGUAGES

_QUOTES = "\"“”'‘’"
_GLOSS = re.compile(
    r"^(?:lit(?:erally|\.)?|transl(?:ated|ation|\.)?|trans\.|meaning|english(?: title| translation)?)\s*:?\s*"
    rf"[{_QUOTES}]?(?P<what>.+?)[{_QUOTES}]?$",
    re.IGNORECASE,
)
_LANGS = "|".join([*LANGUAGES, "sanskrit", "sinhala", "nepali", "odia", "oriya", "bhojpuri", "assamese"])
# What follows a name to explain it: "(short for …", ", which stands for …", " is Greek for …".
_EXPLAINS = re.compile(
    r"^[\s,]*(?:\(\s*|which\s+|that\s+|(?:is|was)\s+)?(?:(?:is|was)\s+)?(?:the\s+)?"
    r"(?:stands? for|short for|an? (?:acronym|abbreviation|contraction|backronym) (?:for|of)|means|meaning|"
    rf"literally|lit\.|translated as|(?:an? |the )?(?:{_LANGS})(?: word)? for|(?:an? |the )?(?:word|term) for|"
    r"refers? to|derived from|named after)\b",
    re.IGNORECASE,
)
_EXPLAIN_WINDOW = 40  # characters after a name in which its explanation must start
# "dubbed into Telugu as Shakti", "remade in Hindi under the title …", "and in Telugu as Sastry".
_IN_LANGUAGE_AS = re.compile(
    rf"\b(?:in|into)\s+(?P<lang>{_LANGS})(?:[ -]language)?\s+(?:(?:cinema|film|films)\s+)?"
    r"(?:(?:under the (?:title|name)|with the title|titled|named|called|as)\s+)",
    re.IGNORECASE,
)
# "the Hindi remake, titled …", "its Telugu version Sastry".
_LANGUAGE_VERSION = re.compile(
    rf"\b(?P<lang>{_LANGS})(?:[ -]language)?\s+(?:remake|version|dub|dubbed version)(?:\s+of the film)?,?\s+"
    r"(?:(?:titled|called|named|was|is)\s+)?",
    re.IGNORECASE,
)
_OTHER_VERSION = re.compile(r"\b(?:dub|dubbed|dubbing|remade|remakes?|versions?|released|retitled)\b", re.I)
# Words that end a title written without italics: what the sentence goes on to say.
_NAME_END = re.compile(
    r"\s+(?:and|in|by|with|starring|which|who|where|while|but|directed|released|for|from|after|before|on|at)\b"
    r"|\s*[.,;:()!?]\s|\s*[.,;:()!?]$|\s+\d{4}\b",
)
MAX_NAME_WORDS = 8


def gloss(piece: str) -> str | None:
    """What a bracketed piece after a title says the title means ("lit. A Kitten's Story" → that), or None.

    A piece may list the native name and the gloss together ("子猫物語, Koneko Monogatari, lit. …"): each
    comma-separated part is tried.
    """
    for part in (piece, *re.split(r",\s*", piece)):
        match = _GLOSS.match(part.strip())
        if match:
            return match.group("what").strip(_QUOTES + " ")
    return None


def name_pattern(name: str) -> re.Pattern[str]:
    """A name's words with any punctuation between them ("ra one" finds "Ra.One", "G. One")."""
    words = re.findall(r"\w+", name)
    return re.compile(r"(?<!\w)" + r"\W{0,3}".join(re.escape(w) for w in words) + r"(?!\w)", re.IGNORECASE)


def explains(sentence: str, name: str) -> bool:
    """Whether a sentence explains a name where it writes it ("soma, is Greek for "body"", "X (short for Y)")."""
    pattern = name_pattern(name)
    if not pattern.pattern or not re.findall(r"\w+", name):
        return False
    for match in pattern.finditer(sentence):
        following = sentence[match.end() : match.end() + _EXPLAIN_WINDOW + 30]
        found = _EXPLAINS.match(following)
        if found and found.start() <= _EXPLAIN_WINDOW:
            return True
    return False


def titles_in_languages(sentence: str) -> list[tuple[str, str]]:
    """``(language, title)`` for each other-language version a sentence names ("dubbed into Hindi as X").

    Only sentences about a dub, a remake, a version or a release count ("set in Tamil Nadu as …" does not).
    """
    if not _OTHER_VERSION.search(sentence):
        return []
    found: list[tuple[str, str]] = []
    for pattern in (_IN_LANGUAGE_AS, _LANGUAGE_VERSION):
        for match in pattern.finditer(sentence):
            name = _name_at(sentence[match.end() :])
            if name:
                found.append((match.group("lang").title(), name))
    return found


def _name_at(text: str) -> str:
    """The title a sentence writes at its current point: quoted, or up to where the sentence goes on."""
    quoted = re.match(rf"[{_QUOTES}](?P<name>[^{_QUOTES}]{{2,80}})[{_QUOTES}]", text)
    if quoted:
        return quoted.group("name").strip()
    end = _NAME_END.search(text)
    name = (text[: end.start()] if end else text).strip(_QUOTES + " .")
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or not (words[0][0].isupper() or words[0][0].isdigit()):
        return ""
    return name
