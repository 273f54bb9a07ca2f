"""Title resolution: from what a member typed to a film id, exactly when possible, fuzzily otherwise.

Only names are held in memory, never films, and compactly (arrays, not objects per film): the
folded names, which film answers to each, and an inverted index from title words to names. A
misspelled title is scored with rapidfuzz QRatio only against candidate names: those sharing its
words, where a word missing from the vocabulary stands for the vocabulary words a keystroke or two
away (found through a small trigram index over the words, not over the titles) or for two words
run together. A full QRatio scan of 100k names costs ~15 ms; the candidates, well under one. A year
in the query ("Solaris 1972") tells remakes apart. A query that is a name's leading words, loosely
("ci mahadevan" for "C. I. Mahadevan 5 Adi 4 Inchu"), means the few films so named.

A question names its film somewhere among other words: ``find_in`` looks every run of its words up
(a hash lookup each, so a question costs microseconds at any library size) as a name, as a loose
name (small words dropped, letters of an acronym joined: "ET", "milo otis") and as a part of a
name (the main title before a colon or the subtitle after it), longest first.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from functools import cached_property
from itertools import islice

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from core.answers.phrasing import FILLER, fold
from core.library.store import TitleEntry

_YEAR_SUFFIX = re.compile(r"\s*\(?\b(18[89]\d|19\d\d|20\d\d)\)?\s*$")
_ARTICLES = ("the ", "a ", "an ")
MIN_SCORE = 72.0
PARTIAL_SCORE = 88.0
SUGGEST_SCORE = 50.0
TIE_MARGIN = 2.0
# Beyond this many candidate names, only those sharing the most words with the query are scored.
MAX_SCORED = 2000
# A query names a film by its leading words when it has this many (loosely) and they lead at most so many films.
MIN_LEADING_WORDS = 2
MAX_LEADING_FILMS = 10
# Words too common to find a title by; used only when a query has no other word.
STOP_WORDS = frozenset({"the", "a", "an", "of", "and", "in", "on", "to", "for", "with", "at", "by", "from", "or"})
ScoreFn = Callable[..., float]
# Words a loose name leaves out: "Adventures of Milo and Otis" is also "adventures milo otis".
LOOSE_DROPPED = frozenset({"the", "a", "an", "of", "and", "n"})
# A title is named in a question in at most this many words.
MAX_TITLE_WORDS = 12
_PART_BREAK = re.compile(r"\s*[:–—]\s+|\s+-\s+")
_YEAR = re.compile(r"(18[89]\d|19\d\d|20[0-3]\d)")


class NameMatch(IntEnum):
    """How a run of a question's words names a film, weakest first."""

    PART = 1  # the main title or the subtitle of a name with a colon
    LOOSE = 2  # the name without its small words, an acronym's letters joined
    EXACT = 3


def loose_key(key: str) -> str:
    """A folded name as members shorten it: small words dropped, an acronym's letters run together.

    Args:
        key: a folded name (``e t the extra terrestrial``, ``adventures of milo and otis``).

    Returns:
        ``et extra terrestrial``, ``adventures milo otis``; a lone letter after a word (the ``s`` of
        ``that's``) joins that word: ``thats entertainment``.

    """
    words: list[str] = []
    letters: list[bool] = []  # whether each kept word is a run of single letters
    for word in key.split():
        single = len(word) == 1 and word.isalpha()
        if single and words and (letters[-1] or word in "sdmt"):
            words[-1] += word
        elif word not in LOOSE_DROPPED:
            words.append(word)
            letters.append(single)
    return " ".join(words)


def name_parts(name: str) -> list[str]:
    """The main title and the subtitle of a name written ``Main: Subtitle`` (none for a name without one)."""
    pieces = [title_key(p) for p in _PART_BREAK.split(name)]
    if len(pieces) < 2:
        return []
    return [p for p in pieces if any(w not in STOP_WORDS for w in p.split()) and len(p) >= 4]


@dataclass(frozen=True)
class TitleSpan:
    """Where a question names a film: its words ``start:end`` (a year next to it included), and how."""

    start: int
    end: int
    match: NameMatch
    resolution: Resolution
    is_title: bool  # the words are the film's own title, not an alias


class _HashedNames:
    """Names found by a hash of a derived key, in two flat arrays (12 bytes a name, not a dict entry)."""

    def __init__(self) -> None:
        self._pending: list[tuple[int, int]] = []
        self._hashes = array("q")
        self._names = array("i")

    def add(self, key: str, index: int) -> None:
        self._pending.append((hash(key), index))

    def freeze(self) -> None:
        self._pending.sort()
        self._hashes = array("q", (h for h, _ in self._pending))
        self._names = array("i", (i for _, i in self._pending))
        self._pending = []

    def find(self, key: str) -> list[int]:
        """Names whose derived key may be ``key`` (the caller checks: hashes may collide)."""
        h = hash(key)
        return list(self._names[bisect_left(self._hashes, h) : bisect_right(self._hashes, h)])


def title_key(text: str) -> str:
    """Fold a title for exact lookups: case, accents, punctuation and a leading article go.

    Args:
        text: a title or alias as written.

    Returns:
        The folded name: ``The Adventures of Milo and Otis`` → ``adventures of milo and otis``.

    """
    key = fold(text)
    for article in _ARTICLES:
        if key.startswith(article) and len(key) > len(article):
            return key[len(article) :]
    return key


def split_year(query: str) -> tuple[str, int | None]:
    """Split a trailing year off a title: ``Solaris 1972`` → (``Solaris``, 1972).

    Args:
        query: a title as typed.

    Returns:
        The title without the year, and the year (None when there is none); a title that is only
        a year stays a title.

    """
    match = _YEAR_SUFFIX.search(query)
    if match and match.start() > 0:
        return query[: match.start()], int(match.group(1))
    return query, None


def trigrams(word: str) -> set[str]:
    """Character trigrams of a word, padded so its start and end count."""
    padded = f" {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


@dataclass
class Resolution:
    """Films a query may mean, best first. ``ambiguous`` when several are equally close."""

    query: str
    candidates: list[TitleEntry] = field(default_factory=list)
    exact: bool = False

    @property
    def film_id(self) -> int | None:
        """The one film meant, when there is one."""
        return self.candidates[0].film_id if self.candidates and not self.ambiguous else None

    @property
    def ambiguous(self) -> bool:
        """True when more than one film is equally close (the member must pick)."""
        return len({c.film_id for c in self.candidates}) > 1


class TitleIndex:
    """An in-memory index of film names, rebuilt from the store when the library changes."""

    def __init__(self, entries: Iterable[TitleEntry]) -> None:
        self._keys: list[str] = []  # folded names, scored by rapidfuzz
        # The same names as written (for answers), as UTF-8 in one buffer: 100k small str objects cost ~7 MB more.
        self._names = bytearray()
        self._name_ends = array("I")
        self._key_ids: dict[str, int] = {}
        self._key_film = array("i")  # name → its film; remakes sharing a name go to _more_films
        self._more_films: dict[int, tuple[int, ...]] = {}
        self._film_name = array("i")  # film id → index of its title among the names (-1: none)
        self._film_year = array("H")  # film id → year (0: unknown)
        self._word_ids: dict[str, int] = {}
        self._words: list[str] = []
        self._postings: list[array[int]] = []  # word → names holding it
        self._word_grams: dict[str, array[int]] = {}  # trigram → words holding it (for misspelled words)
        self._loose = _HashedNames()  # loose_key(name) → names
        self._parts = _HashedNames()  # name_parts(name) → names
        for entry in entries:
            self._add(entry)
        self._loose.freeze()
        self._parts.freeze()

    def _add(self, entry: TitleEntry) -> None:
        self._grow(entry.film_id)
        if entry.year:
            self._film_year[entry.film_id] = entry.year
        key = title_key(entry.name)
        if not key:
            return
        index = self._key_ids.get(key)
        if index is None:
            index = len(self._keys)
            self._key_ids[key] = index
            self._keys.append(key)
            self._names += entry.name.encode()
            self._name_ends.append(len(self._names))
            self._key_film.append(entry.film_id)
            for word in dict.fromkeys(key.split()):
                self._postings[self._word_id(word)].append(index)
            loose = loose_key(key)
            if loose and loose != key:
                self._loose.add(loose, index)
            for part in name_parts(entry.name):
                self._parts.add(part, index)
        elif entry.film_id not in self._films_at(index):
            self._more_films[index] = (*self._more_films.get(index, ()), entry.film_id)
        # A film is shown by its title, or by the first of its names when its title is not among them.
        if entry.name == entry.title or self._film_name[entry.film_id] < 0:
            self._film_name[entry.film_id] = index

    def _grow(self, film_id: int) -> None:
        missing = film_id + 1 - len(self._film_name)
        if missing > 0:
            self._film_name.extend([-1] * missing)
            self._film_year.extend([0] * missing)

    def _word_id(self, word: str) -> int:
        word_id = self._word_ids.get(word)
        if word_id is None:
            word_id = self._word_ids[word] = len(self._words)
            self._words.append(word)
            self._postings.append(array("i"))
            for gram in trigrams(word):
                self._word_grams.setdefault(gram, array("i")).append(word_id)
        return word_id

    def __len__(self) -> int:
        return len(self._keys)

    # -- lookups -------------------------------------------------------------------------------

    def resolve(self, query: str) -> Resolution:
        """Find the films a typed title may mean.

        Args:
            query: a title as typed, with or without its year, article or typos.

        Returns:
            One candidate when the title is clear; several when they tie (the member picks);
            none when nothing is close (then ``suggest`` gives the nearest names).

        """
        exact = self.resolve_exact(query)
        if exact.candidates:
            return exact
        name, year = split_year(query)
        key = self._without_noise(title_key(name))
        if not key:
            return Resolution(query)
        leading = self._filter_year(self._names_led_by(key), year)
        if leading:  # "ci mahadevan" for "C. I. Mahadevan 5 Adi 4 Inchu"
            return Resolution(query, [self._entry(f) for f in dict.fromkeys(leading)])
        scored = self._fuzzy(key, fuzz.QRatio, MIN_SCORE, fuzzy_known=False)
        if not scored:  # a slip that made another real word ("haven" for "heaven"): widen every word
            scored = self._fuzzy(key, fuzz.QRatio, MIN_SCORE, fuzzy_known=True)
        if not scored and " " in key:  # a well-known part of a longer title ("Milo and Otis")
            scored = self._fuzzy(key, fuzz.WRatio, PARTIAL_SCORE, fuzzy_known=True, longer=True)
        if not scored:
            return Resolution(query)
        best = scored[0][1]
        close = [index for index, score in scored if best - score <= TIE_MARGIN]
        films = self._filter_year([f for index in close for f in self._films_at(index)], year)
        return Resolution(query, [self._entry(f) for f in dict.fromkeys(films)])

    def _names_led_by(self, key: str) -> list[int]:
        """Films one of whose names starts with the query's words, loosely ("ci mahadevan"); a lone word leads none.

        Only the names holding the query's rarest known word are read, so the cost is that word's postings.
        """
        loose = loose_key(key)
        if len(loose.split()) < MIN_LEADING_WORDS:
            return []
        known = [self._postings_of(w) for w in key.split() if w not in STOP_WORDS and w in self._word_ids]
        if not known:
            return []
        rarest = min(known, key=len)
        prefix = loose + " "
        led = [i for i in islice(rarest, MAX_SCORED) if loose_key(self._keys[i]).startswith(prefix)]
        films = list(dict.fromkeys(f for i in led for f in self._films_at(i)))
        return films if len(films) <= MAX_LEADING_FILMS else []

    def resolve_exact(self, query: str) -> Resolution:
        """Find the films whose name is exactly the query (after folding case, accents, punctuation, article).

        Args:
            query: a title as typed, maybe with a year.

        Returns:
            The films of that name (of that year, ±1, when a year is given); no candidates otherwise.

        """
        whole = self._key_ids.get(title_key(query))
        if whole is not None:  # a title that ends in a year-like number ("Blade Runner 2049")
            return Resolution(query, [self._entry(f) for f in self._films_at(whole)], exact=True)
        name, year = split_year(query)
        index = self._key_ids.get(title_key(name))
        if index is None:
            return Resolution(query)
        films = self._filter_year(list(self._films_at(index)), year)
        return Resolution(query, [self._entry(f) for f in films], exact=True)

    def find_in(self, words: list[str]) -> list[TitleSpan]:
        """Find every run of a question's words that names a film, best first.

        Args:
            words: the question's folded words (``who plays zahra in children of heaven 1997``).

        Returns:
            The runs naming a film, each with its films (a year written before or after it, as in
            "the 1989 batman", picks among remakes and is taken into the run). Best first: more words
            that are not filler, then an exact name over a loose one over a part, then the film's own
            title over an alias, then the longer run.

        """
        found: list[tuple[tuple[int, int, bool, int], TitleSpan]] = []
        for start in range(len(words)):
            for end in range(min(len(words), start + MAX_TITLE_WORDS), start, -1):
                phrase = words[start:end]
                if all(w in FILLER for w in phrase):
                    continue
                matched = self._name_at(" ".join(phrase))
                if matched is None:
                    continue
                how, indexes = matched
                span = self._with_year(words, start, end, how, indexes)
                weight = sum(1 for w in phrase if w not in FILLER and not w.isdigit())
                found.append(((weight, how, span.is_title, end - start), span))
        found.sort(key=lambda item: item[0], reverse=True)
        return [span for _, span in found]

    def _name_at(self, phrase: str) -> tuple[NameMatch, list[int]] | None:
        """The names a phrase is, and how it names them (exactly, loosely, or as a part of a name)."""
        key = title_key(phrase)
        if not key:
            return None
        index = self._key_ids.get(key)
        if index is not None:
            return NameMatch.EXACT, [index]
        loose = loose_key(key)
        indexes = [i for i in self._loose.find(loose) if loose_key(self._keys[i]) == loose]
        if (index := self._key_ids.get(loose)) is not None:
            indexes.append(index)
        if indexes:
            return NameMatch.LOOSE, indexes
        indexes = [i for i in self._parts.find(key) if key in name_parts(self._name(i))]
        return (NameMatch.PART, indexes) if indexes else None

    def _with_year(self, words: list[str], start: int, end: int, how: NameMatch, indexes: list[int]) -> TitleSpan:
        """The span of a name, widened to a year next to it ("batman 1989", "the 1989 batman") when one picks films."""
        films = list(dict.fromkeys(f for i in indexes for f in self._films_at(i)))
        before = start - 1
        after = end + 1 if end < len(words) and words[end] in {"from", "of", "in"} else end
        for at in (after, before):
            if 0 <= at < len(words) and _YEAR.fullmatch(words[at]):
                dated = self._filter_year(films, int(words[at]))
                if (dated and len(films) > 1) or (dated and self._film_year[dated[0]]):
                    films = dated
                    start, end = min(start, at), max(end, at + 1)
                    break
        is_title = bool(films) and self._film_name[films[0]] in indexes
        query = " ".join(words[start:end])
        return TitleSpan(start, end, how, Resolution(query, [self._entry(f) for f in films], exact=True), is_title)

    def suggest(self, query: str, limit: int = 3) -> list[TitleEntry]:
        """Find the nearest names to an unknown title, for "did you mean".

        Args:
            query: what the member typed.
            limit: how many films at most.

        Returns:
            Films sharing a word (or nearly) with the query, best first by WRatio (partial matches
            count, so "Batmann Returns Again" still suggests Batman).

        """
        key = title_key(split_year(query)[0])
        if not key:
            return []
        scored = self._fuzzy(key, fuzz.WRatio, SUGGEST_SCORE, fuzzy_known=True, loose=True, limit=limit * 3)
        films = dict.fromkeys(f for index, _ in scored for f in self._films_at(index))
        return [self._entry(f) for f in list(films)[:limit]]

    def complete(self, typed: str, limit: int = 25) -> list[TitleEntry]:
        """Find the films a member may be typing, for autocomplete: the last word counts as a prefix.

        Args:
            typed: what the member has typed so far (``chil``, ``children of hea``, or nothing yet).
            limit: how many films at most.

        Returns:
            Films whose name starts with what was typed (shortest first), then films whose names hold
            words starting with the typed ones; only when there are none, the fuzzy matches for a slip
            (`resolve`, `suggest`); for nothing typed, the first films of the index.

        """
        key = title_key(typed)
        if not key:
            named = (film for film, index in enumerate(self._film_name) if index >= 0)
            return [self._entry(film) for film in islice(named, limit)]
        films = dict.fromkeys(f for index in self._names_starting(key, limit) for f in self._films_at(index))
        if len(films) < limit:
            films.update(dict.fromkeys(f for index in self._names_with_word_starts(key) for f in self._films_at(index)))
        if not films:  # nothing starts like that: a slip in what was typed
            fuzzy = [*self.resolve(typed).candidates, *self.suggest(typed, limit)]
            films.update(dict.fromkeys(entry.film_id for entry in fuzzy))
        return [self._entry(film) for film in list(films)[:limit]]

    def _names_starting(self, key: str, limit: int) -> list[int]:
        """Names starting with ``key``, shortest first: one bisection into the sorted names, then a short read."""
        keys, order = self._sorted_names
        found = []
        start = bisect_left(keys, key)
        for i in range(start, min(len(keys), start + 4 * limit)):
            if not keys[i].startswith(key):
                break
            found.append(order[i])
        return sorted(found, key=lambda n: (len(self._keys[n]), self._keys[n]))

    def _names_with_word_starts(self, key: str) -> list[int]:
        """Names holding the typed words (whole, or as a word's start) and a word starting with the last one."""
        *whole, last = key.split()
        groups = [
            set(self._postings[self._word_ids[word]]) if word in self._word_ids else self._words_starting(word)
            for word in whole
        ]
        if groups:
            groups.sort(key=len)
            common = groups[0].intersection(*groups[1:])
            found = [n for n in common if any(word.startswith(last) for word in self._keys[n].split())]
        else:
            found = list(self._words_starting(last))
        return sorted(found[:MAX_SCORED], key=lambda n: (len(self._keys[n]), self._keys[n]))

    def _words_starting(self, prefix: str) -> set[int]:
        """Names holding a word that starts with ``prefix`` (enough of them to rank: at most about MAX_SCORED)."""
        vocabulary = self._vocabulary
        names: set[int] = set()
        for i in range(bisect_left(vocabulary, prefix), len(vocabulary)):
            if not vocabulary[i].startswith(prefix) or len(names) >= MAX_SCORED:
                break
            names.update(self._postings[self._word_ids[vocabulary[i]]])
        return names

    @cached_property
    def _vocabulary(self) -> list[str]:
        """Every title word, sorted, so the words starting with a prefix are one bisection away."""
        return sorted(self._words)

    @cached_property
    def _sorted_names(self) -> tuple[list[str], list[int]]:
        """The folded names in order, and where each is in ``_keys``: names starting with a prefix are adjacent."""
        order = sorted(range(len(self._keys)), key=self._keys.__getitem__)
        return [self._keys[i] for i in order], order

    def film_title(self, film_id: int) -> str | None:
        """Give the title of a film in the index (None when it is not there)."""
        if 0 <= film_id < len(self._film_name) and (index := self._film_name[film_id]) >= 0:
            return self._name(index)
        return None

    def _name(self, index: int) -> str:
        """A name as written."""
        start = self._name_ends[index - 1] if index else 0
        return self._names[start : self._name_ends[index]].decode()

    # -- internals -----------------------------------------------------------------------------

    def _fuzzy(
        self,
        key: str,
        scorer: ScoreFn,
        cutoff: float,
        fuzzy_known: bool,
        loose: bool = False,
        limit: int = 10,
        longer: bool = False,
    ) -> list[tuple[int, float]]:
        """Score the candidate names for a query: (name index, score), best first; ``longer``: only longer names."""
        candidates = self._candidates(key, fuzzy_known, loose)
        choices = {index: self._keys[index] for index in candidates}
        if longer:
            choices = {index: name for index, name in choices.items() if len(name) > len(key)}
        if not choices:
            return []
        found = process.extract(key, choices, scorer=scorer, limit=limit, score_cutoff=cutoff)
        return [(int(index), float(score)) for _, score, index in found]

    def _candidates(self, key: str, fuzzy_known: bool, loose: bool) -> list[int]:
        """Names sharing the query's words, allowing one word to be missing or wrong.

        Each content word of the query stands for the names holding it, or (when it is not a known
        word, or ``fuzzy_known``) holding any word within a keystroke or two of it, or holding two
        known words it runs together ("raone"). A name must match all but one of the query's
        words (any one when ``loose``).
        """
        words = key.split()
        content = [w for w in words if w not in STOP_WORDS and not self._is_noise(w)] or words
        # Words in thousands of titles ("2", "love") find nothing by themselves: leave them to the scoring.
        rare = [w for w in content if len(self._postings_of(w)) <= MAX_SCORED]
        content = rare or content
        groups: list[set[int]] = []
        for i, word in enumerate(content):
            group: set[int] = set()
            for word_id in self._similar_words(word, fuzzy_known):
                group.update(self._postings[word_id])
            if word not in self._word_ids:
                group |= self._run_together(word)
                if i + 1 < len(content):  # a word broken in two: "chil dren"
                    joined = self._word_ids.get(word + content[i + 1])
                    if joined is not None:
                        group.update(self._postings[joined])
            groups.append(group)
        if len(groups) == 1:
            return list(groups[0])[:MAX_SCORED]
        counts: Counter[int] = Counter()
        for group in groups:
            counts.update(group)
        need = 1 if loose else len(groups) - 1
        ranked = [index for index, count in counts.most_common() if count >= need]
        return ranked[:MAX_SCORED]

    def _postings_of(self, word: str) -> array[int]:
        word_id = self._word_ids.get(word)
        return self._postings[word_id] if word_id is not None else array("i")

    def _similar_words(self, word: str, fuzzy_known: bool) -> list[int]:
        """Ids of the known words a typed word may be: itself, or those a keystroke or two away."""
        exact = self._word_ids.get(word)
        if (exact is not None and not fuzzy_known) or len(word) < 3:
            return [exact] if exact is not None else []
        distance = 1 if len(word) <= 5 else 2
        postings = sorted((p for p in (self._word_grams.get(g) for g in trigrams(word)) if p is not None), key=len)
        # An edit destroys at most 3 trigrams, so a word within ``distance`` shares one of any 3d+1.
        nearby: set[int] = set()
        for posting in postings[: 3 * distance + 1]:
            nearby.update(posting)
        choices = {word_id: self._words[word_id] for word_id in nearby}
        found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=distance, limit=None)
        # A slip near "the" or "of" says nothing about which film: those words are in every other title.
        return [int(word_id) for similar, _, word_id in found if similar not in STOP_WORDS]

    def _is_noise(self, word: str) -> bool:
        """Tell whether a short unknown word is a keystroke from a stop word ("teh", "oof"): a slip, not a clue."""
        return (
            len(word) <= 3 and word not in self._word_ids and any(OSA.distance(word, stop) <= 1 for stop in STOP_WORDS)
        )

    def _without_noise(self, key: str) -> str:
        """Drop a misspelled leading article ("teh matrix"), as names are stored without one."""
        first, _, rest = key.partition(" ")
        if rest and first not in self._word_ids and len(first) <= 3 and OSA.distance(first, "the") <= 1:
            return rest
        return key

    def _run_together(self, word: str) -> set[int]:
        """Names holding two known words that ``word`` runs together ("raone" → "ra" + "one")."""
        found: set[int] = set()
        for cut in range(1, len(word)):
            left, right = self._word_ids.get(word[:cut]), self._word_ids.get(word[cut:])
            if left is not None and right is not None:
                found |= set(self._postings[left]) & set(self._postings[right])
        return found

    def _films_at(self, index: int) -> tuple[int, ...]:
        return (self._key_film[index], *self._more_films.get(index, ()))

    def _entry(self, film_id: int) -> TitleEntry:
        title = self.film_title(film_id) or ""
        year = self._film_year[film_id] if film_id < len(self._film_year) else 0
        return TitleEntry(film_id, title, title, year or None)

    def _filter_year(self, films: list[int], year: int | None) -> list[int]:
        if year is None:
            return films
        return [f for f in films if not self._film_year[f] or abs(self._film_year[f] - year) <= 1]
