"""Questions about what happens in a film, answered from the one or two plot sentences that tell it.

"What happens to Mickey", "who shoots Lucky", "why does Lee go to the island", "who does Ann run off with",
"what is Edison's job": the question's words are stemmed and put into a few groups of words that say the
same event (kill/murder/slay, marry/wed/elope, flee/escape/run off, "what happens to" = a fate: dies,
is killed, marries, is arrested…), and every sentence of the film's plots is scored by the question
terms it holds, rarer terms weighing more (a lead's name is in every other sentence). A sentence that
opens on a pronoun ("She leaves and … has eloped with Mickey") also holds the names of the sentence
before it that names anyone. A question about the end looks in the plot's last part; a "where" question prefers a
sentence naming a place. Only a sentence holding at least half the question's weight answers; the
answer quotes the best one or two, each in the plot part it comes from, hidden as ``/film plot`` hides
that part.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from core.answers.passages import beat_part, stem
from core.answers.phrasing import FILLER, fold
from core.answers.places import place_score
from core.documents.beats import split_sentences
from core.library.model import CastValue, FieldName, Film, Plot, PlotBeat
from core.library.reconcile import view_field
from core.responses import Response, SpoilerPart, TextPart
from core.spoilers.plot import tellings

_GROUPS = {
    "kill": "kill kills killed killing killer killers murder murders murdered murdering murderer slay slays slew slain "
    "assassinate assassinates assassinated assassination stab stabs stabbed strangle strangles strangled",
    "shoot": "shoot shoots shot shooting fire fires fired gun gunshot",
    "die": "die dies died dead death dying drown drowns drowned perish perishes perished suicide killed",
    "marry": "marry marries married marrying marriage wed weds wedded wedding bride groom husband wife engaged "
    "engagement elope elopes eloped",
    "love": "love loves loved lover lovers romance affair mate mates girlfriend boyfriend together reunite reunites "
    "reunited unite unites united",
    "flee": "flee flees fled escape escapes escaped run runs ran elope elopes eloped leave leaves left",
    "go": "go goes went going travel travels traveled travelled move moves moved head heads headed depart departs "
    "departed return returns returned come comes came sail sails sailed flee flees fled arrive arrives arrived",
    "live": "live lives lived living reside resides resided home stay stays stayed",
    "job": "job jobs work works worked profession career occupation employed employee driver lawyer doctor teacher "
    "officer detective reporter journalist designer engineer overseer farmer soldier nurse clerk servant",
    "beat": "beat beats beaten defeat defeats defeated destroy destroys destroyed vanquish vanquishes vanquished "
    "overpower overpowers overpowered kill kills killed",
    "really": "really actually real truth true reveal reveals revealed revelation secretly turns disguised impostor "
    "identity not",
    "lose": "lose loses lost losing missing",
    "help": "help helps helped aid aids aided assist assists assisted save saves saved rescue rescues rescued",
    "oppose": "oppose opposes opposed against forbid forbids forbade refuse refuses refused object objects objected",
    "fate": "die dies died dead death killed murdered suicide executed hanged drowned slain perishes perished",
    "turn": "shot arrested jailed imprisoned injured wounded survives survived crashes crashed marries married "
    "eloped reunited escapes escaped flees fled leaves left disappears vanished",
}
WORD_GROUPS: dict[str, frozenset[str]] = {}
for _tag, _words in _GROUPS.items():
    for _word in _words.split():
        WORD_GROUPS[_word] = WORD_GROUPS.get(_word, frozenset()) | {f"#{_tag}"}
# Words of a plot question that say what is asked, not what it is about.
_ASKED = (
    "happen happens happened happening plot story storyline spoiler spoilers synopsis start starts beginning begin",
    "begins opening think thought feel felt say says said mention mentions mentioned article wikipedia describe",
    "described explain end ending ends ended finally final last eventually climax finale",
)
ASKED = frozenset(word for group in _ASKED for word in group.split())
ENDING = frozenset(word for word in _ASKED[-1].split())
FATE_PHRASES = re.compile(r"\b(?:happens?|happened) to\b|\bfate\b|\bbecome of\b|\bbecomes of\b")
ORIGIN_QUESTION = re.compile(r"\b(?:come|comes|came|is|are|was|were|originally) from\b")
ORIGIN_VERBS = frozenset({"come", "comes", "came", "originally"})
ORIGIN = re.compile(r"\bfrom (?:the )?[A-Z]|\b(?:born|raised|grew up|native|hometown|lives|lived|living|resides)\b")
PARTICLES = frozenset({"off", "up", "away", "out", "back", "down"})  # "run off with", "end up with": the verb says it
PRONOUNS = frozenset({"he", "she", "they", "him", "her", "his", "hers", "their", "them"})
MIN_COVERAGE = 0.5
SYNONYM_STRENGTH = 0.75  # a word of the same group holds a term less than the word itself
REFERRED_STRENGTH = 0.6  # a name a pronoun may stand for holds less than the name said
SOLE_REFERRED_STRENGTH = 0.8  # … and more when the sentence names no one else ("Melancholic, she …")
PRONOUN_REACH = 3  # a pronoun may stand for the names of the nearest of the three sentences before naming any
MIN_FUZZY, TITLE_SCORE = 5, 80.0  # a question's word this close to a long title word spells the title
ORDER_BONUS, NEAR_WORDS = 0.25, 4  # two characters named in the question's order, this close: "Luis shoots Walter"
SECOND_SHARE = 0.6  # a second sentence is quoted when it scores at least this share of the best
ENDING_SHARE = 2 / 3  # a question about the end reads the plot's last third
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*")
_PARENTHESIS = re.compile(r"\([^()]*\)")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a telling, with the terms it holds (its own, and the names a pronoun refers back to)."""

    plot: Plot
    beat: PlotBeat
    order: int
    text: str
    terms: frozenset[str]
    referred: frozenset[str] = frozenset()  # names only a pronoun of the sentence may stand for
    names_anyone: bool = True  # the sentence names someone itself (a pronoun in it may stand for them)


def root(word: str) -> str:
    """A stem that also meets a word's bare form ("challenge" and "challenges" → ``challeng``)."""
    found = stem(word)
    return found[:-1] if found.endswith("e") and len(found) > 3 else found


def word_terms(words: list[str]) -> set[str]:
    """Roots and event groups of folded words ("eloped" → ``elop``, ``#marry``, ``#flee``, ``#fate``)."""
    found: set[str] = set()
    for word in words:
        found.add(root(word))
        found |= WORD_GROUPS.get(word, frozenset())
    return found


def character_names(film: Film) -> frozenset[str]:
    """Folded words that name someone in the film's plots or its cast list's characters (not its actors).

    A capitalised word of a plot is a name when the plot never writes it in lower case (so "The", "As"
    and "Meanwhile" are not); words in parentheses are actors' names and left out.
    """
    names: set[str] = set()
    for plot in film.plots:
        text = " ".join(_PARENTHESIS.sub(" ", beat.text) for beat in plot.beats)
        lower = set(re.findall(r"\b[a-z][\w'’-]*", text))
        for match in _CAPITALISED.finditer(text):
            opens = not text[: match.start()].rstrip() or text[: match.start()].rstrip()[-1] in '.!?:;"“'
            if match.group().lower() not in lower and not opens:
                names.update(fold(match.group()).split())
    return frozenset(w for w in names | cast_characters(film) if w not in FILLER and len(w) > 1)


def cast_characters(film: Film) -> frozenset[str]:
    """Folded words of the names the cast list gives its characters ("Meena's father" → ``meena``)."""
    return frozenset(
        w
        for group in view_field(film.facts, FieldName.CAST).groups
        if isinstance(group.value, CastValue) and group.value.character
        for token in _CAPITALISED.findall(group.value.character)
        for w in fold(token).split()
    )


def _title_words(film: Film) -> set[str]:
    return {w for name in (film.title, *film.aliases) for w in fold(name).split()}


def _misspells_title(word: str, title: set[str]) -> bool:
    return word not in title and any(len(t) >= MIN_FUZZY and fuzz.ratio(word, t) >= TITLE_SCORE for t in title)


def without_title(film: Film, words: list[str]) -> list[str]:
    """A question's words without those naming the film: runs of its title's words, a misspelt title word.

    A lone title word is kept: left over once the title was found, it names a character ("who does Otis
    end up with in Milo and Otis").
    """
    title = _title_words(film)
    kept: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if word and (word in title or _misspells_title(word, title)):
            run.append(word)
            continue
        if len(run) == 1 and run[0] in title:
            kept += run
        run = []
        if word:
            kept.append(word)
    return kept


def names_character(film: Film, words: list[str]) -> bool:
    """Whether a question names one of the film's characters (a plot question, not one about the making).

    The film's own title is left out (it may be a character's name: the question names the film by it).
    """
    cast = [g.value for g in view_field(film.facts, FieldName.CAST).groups if isinstance(g.value, CastValue)]
    actors = {w for value in cast for w in fold(value.actor).split()}
    names = character_names(film) - actors
    return any(w in names for w in without_title(film, words))


def _sentences(film: Film, names: frozenset[str]) -> list[Sentence]:
    """Every sentence of every telling; one opening on a pronoun also holds the last names said before it."""
    found: list[Sentence] = []
    for plot in tellings(film):
        recent: list[set[str]] = []  # the names of the sentences before, nearest last
        order = 0
        for beat in plot.beats:
            for text in split_sentences(beat.text) or [beat.text]:
                words = fold(text).split()
                own = word_terms(words)
                if ORIGIN.search(text):
                    own.add("#origin")
                referred: set[str] = set()
                if _pronoun_first(words, names):
                    referred = next((names for names in reversed(recent[-PRONOUN_REACH:]) if names), set()) - own
                named = {root(w) for w in words if w in names}
                found.append(
                    Sentence(plot, beat, order, text, frozenset(own | referred), frozenset(referred), bool(named))
                )
                recent.append(named)
                order += 1
    return found


def _pronoun_first(words: list[str], names: frozenset[str]) -> bool:
    """Whether a sentence says "he"/"she" before any name (then the pronoun stands for someone named before)."""
    for word in words:
        if word in PRONOUNS:
            return True
        if word in names:
            return False
    return False


@dataclass(frozen=True)
class Term:
    """One thing a question asks about: a word's forms (its root, its event groups), any of which may answer."""

    forms: frozenset[str]
    root: str = ""
    name: bool = False  # a character's name: an answer must hold one of those the question names

    def held(self, sentence: Sentence) -> bool:
        return bool(self.forms & sentence.terms)

    def strength(self, sentence: Sentence) -> float:
        """1 for the word itself, less for a word of its group ("marry" over "marriage") or a pronoun, 0 for none."""
        own = self.forms & (sentence.terms - sentence.referred)
        if self.root in own:
            return 1.0
        if own:
            return SYNONYM_STRENGTH
        if not self.held(sentence):
            return 0.0
        return REFERRED_STRENGTH if sentence.names_anyone else SOLE_REFERRED_STRENGTH


def question_terms(words: list[str], names: frozenset[str] = frozenset()) -> list[Term]:
    """What a plot question asks about: a term per content word, and "what happens to" as a fate.

    Args:
        words: the question's folded words.
        names: the film's characters' names (folded words), so a named character must be in the answer.

    """
    terms: list[Term] = []
    previous = ""
    origin = ORIGIN_QUESTION.search(" ".join(words))
    if origin:  # "where does Julia come from": where a character is from or lives
        words = [w for w in words if w not in ORIGIN_VERBS]
        terms.append(Term(frozenset({"#origin"}), "#origin"))
    for word in dict.fromkeys(words):
        if word in FILLER or word in ASKED or word in PARTICLES or len(word) < 2:
            previous = ""
            continue
        if word in names and previous in names and terms:  # "George Osborne": one character, either name
            terms[-1] = Term(terms[-1].forms | {root(word)}, terms[-1].root, name=True)
        else:
            terms.append(Term(frozenset(word_terms([word])), root(word), name=word in names))
        previous = word
    if FATE_PHRASES.search(" ".join(words)):
        terms.append(Term(frozenset({"#fate", "#turn"}), "#fate"))  # a death first, then any turn of fortune
    return terms


@dataclass(frozen=True)
class Found:
    """The plot sentences that answer a question, and the share of the question's terms the best one holds."""

    sentences: list[Sentence]
    share: float


def plot_sentences(film: Film, words: list[str]) -> Found | None:
    """The one or two plot sentences that best answer a question, or None.

    Args:
        film: the film asked about.
        words: the question's folded words (the title taken out).

    Returns:
        The sentences, best first; None when the film has no plot or no sentence holds at least half the
        question's weight (and, when it names characters, one of them).

    """
    names = character_names(film)
    terms = question_terms(without_title(film, words), names)
    sentences = _sentences(film, names)
    if not terms or not sentences:
        return None
    df = [sum(t.held(s) for s in sentences) for t in terms]
    weight = [math.log(1 + len(sentences) / n) if n else math.log(1 + len(sentences)) for n in df]
    total = sum(weight)
    named = [t for t in terms if t.name]
    ending = bool(ENDING & set(words))
    where = "where" in words
    people = cast_characters(film)
    fate = any("#fate" in t.forms for t in terms)
    scored: list[tuple[float, float, Sentence]] = []
    for sentence in sentences:
        beats = len(sentence.plot.beats)
        if ending and beats > 1 and sentence.beat.index <= beats * ENDING_SHARE:
            continue
        if named and not any(t.held(sentence) for t in named):
            continue
        held = [t.strength(sentence) for t in terms]
        weighed = sum(w * h for w, h in zip(weight, held, strict=True))
        if weighed / total < MIN_COVERAGE:
            continue
        bonus = 1.0 + (0.5 if where and place_score(sentence.text, people) else 0.0)
        bonus += ORDER_BONUS * in_order(named, sentence.text)
        late = sentence.beat.index / beats if fate else 0.0
        scored.append((weighed * bonus + 0.01 * late, sum(h > 0 for h in held) / len(terms), sentence))
    if not scored:
        return None
    scored.sort(key=lambda item: -item[0])
    best = scored[0][0]
    chosen = [s for score, _, s in scored[:2] if score >= SECOND_SHARE * best]
    return Found(chosen, scored[0][1])


def in_order(named: list[Term], text: str) -> bool:
    """Whether a sentence names the question's characters in its order, near each other ("Luis shoots Walter").

    "What does Luis do to Walter" asks for a sentence where Luis acts on Walter, not one where Walter
    arrives and tells Luis something.
    """
    if len(named) < 2:
        return False
    roots = [root(w) for w in fold(text).split()]
    places = [[i for i, r in enumerate(roots) if r in term.forms] for term in named[:2]]
    return any(0 < b - a <= NEAR_WORDS for a in places[0] for b in places[1])


def plot_event_answer(film: Film, words: list[str], plain: bool, found: Found | None = None) -> Response | None:
    """Answer a question about something in the plot from its best one or two sentences, or None.

    Args:
        film: the film asked about.
        words: the question's folded words (the title taken out).
        plain: shown plainly (the club's spoiler channels); else every sentence after the set-up is hidden.
        found: the sentences when already looked for (``plot_sentences``).

    Returns:
        The sentences in story order, each in the part of the plot it comes from (``beat_part``); None
        when no sentence answers (see ``plot_sentences``).

    """
    found = found or plot_sentences(film, words)
    return Response(parts=_parts(film, found.sentences, plain)) if found else None


def _parts(film: Film, chosen: list[Sentence], plain: bool) -> list[TextPart | SpoilerPart]:
    """The chosen sentences in story order, one part per beat they come from."""
    parts: list[TextPart | SpoilerPart] = []
    by_beat: dict[tuple[str, int], list[Sentence]] = {}
    for sentence in sorted(chosen, key=lambda s: (s.plot.source.document_id, s.order)):
        by_beat.setdefault((sentence.plot.source.document_id, sentence.beat.index), []).append(sentence)
    for group in by_beat.values():
        first = group[0]
        text = " ".join(s.text for s in group)
        parts.append(beat_part(film, first.plot, first.beat, text, plain, first.plot.source.label))
    return parts
