"""The evaluation set of ``/film ask``: questions as members phrase them, with the expected answers.

The films are the bundled ones: the 8 real Wikipedia fixtures (../shared/fixtures/wikitext) and the
two Children of Heaven seeds. Expected answers come from the articles themselves. A question is
answered right when the answer is not an error, holds every expected text, none of the rejected
ones (the facts of a neighbouring question: a director question must not answer with the writers),
and cites a source about the right film. ``context`` is the film the channel talked about before
(for questions without a title). Run ``benchmarks/answers_eval.py`` for the score.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.app import FilmClub
from core.commands.registry import CommandContext
from core.responses import Response, SpoilerPart


@dataclass(frozen=True)
class EvalQuestion:
    """One question, the film it is about, and what a right answer holds."""

    question: str
    film: str
    expect: tuple[str, ...]
    reject: tuple[str, ...] = ()
    context: bool = False
    spoiler: tuple[str, ...] = ()


def q(
    question: str,
    film: str,
    *expect: str,
    reject: tuple[str, ...] = (),
    context: bool = False,
    spoiler: tuple[str, ...] = (),
) -> EvalQuestion:
    return EvalQuestion(question, film, expect, reject, context, spoiler)


BATMAN, DRAGON, DAUGHTERS, MILO = "Batman", "Enter the Dragon", "Four Daughters", "The Adventures of Milo and Otis"
VANITY, WELCOME, AZHAGARSAMY, RAONE = "Vanity Fair", "Welcome", "Azhagarsamy", "Ra.One"
HEAVEN = "Children of Heaven"

QUESTIONS: tuple[EvalQuestion, ...] = (
    # Batman (1989)
    q("who directed batman 1989", BATMAN, "Tim Burton", reject=("Sam Hamm",)),
    q("Who wrote Batman?", BATMAN, "Sam Hamm", "Warren Skaaren", reject=("Tim Burton",)),
    q("who did the music for batman", BATMAN, "Danny Elfman"),
    q("how long is batman", BATMAN, "126 min"),
    q("when did batman come out", BATMAN, "1989"),
    q("what was the budget of batmn", BATMAN, "$35 million", reject=("411",)),
    q("how much did batman make at the box office", BATMAN, "$411.3 million", reject=("35 million",)),
    q("who plays the joker in batman", BATMAN, "Jack Nicholson", reject=("Keaton",)),
    q("who played Vicki Vale in Batman?", BATMAN, "Kim Basinger"),
    q("who does michael keaton play in batman", BATMAN, "Bruce Wayne"),
    q("is batman in english", BATMAN, "Yes", "English"),
    q("what country is batman from", BATMAN, "United States"),
    q("who's in batman", BATMAN, "Michael Keaton", "Jack Nicholson"),
    q("who was the cinematographer on batman", BATMAN, "Roger Pratt", reject=("Tim Burton",)),
    q("who produced batman", BATMAN, "Jon Peters", "Peter Guber"),
    q("who edited it", BATMAN, "Ray Lovejoy", context=True),
    q("who plays commissioner gordon", BATMAN, "Pat Hingle", context=True),
    q("who is alfred", BATMAN, "Michael Gough", context=True, spoiler=("butler",)),
    # Enter the Dragon (1973)
    q("who directed enter the dragon", DRAGON, "Robert Clouse"),
    q("enter dragon director", DRAGON, "Robert Clouse"),
    q("who wrote the screenplay of enter the dragon", DRAGON, "Michael Allin"),
    q("who composed the music for enter the dragon?", DRAGON, "Lalo Schifrin"),
    q("enter the dragon runtime", DRAGON, "102 min"),
    q("what year did enter the dragon come out", DRAGON, "1973"),
    q("how much did enter the dragon cost to make", DRAGON, "$850,000", reject=("90 million",)),
    q("box office of enter the dragon", DRAGON, "$90 million", reject=("850,000",)),
    q("who plays han in enter the dragon", DRAGON, "Shih Kien"),
    q("who played roper in enter the dragon", DRAGON, "John Saxon"),
    q("what role does jim kelly play in enter the dragon", DRAGON, "Williams"),
    q("is jackie chan in enter the dragon", DRAGON, "Yes", "Han's henchman"),
    q("what languages is enter the dragon in", DRAGON, "English", "Cantonese"),
    q("where was enter the dragon made", DRAGON, "Hong Kong", "United States"),
    q("who starred in enter the dragon", DRAGON, "Bruce Lee"),
    q("who directed 龍爭虎鬥", DRAGON, "Robert Clouse"),
    q("who produced it", DRAGON, "Raymond Chow", context=True),
    # Four Daughters (1938)
    q("who directed four daughters", DAUGHTERS, "Michael Curtiz"),
    q("who wrote four daughters", DAUGHTERS, "Julius J. Epstein", "Lenore J. Coffee"),
    q("who composed the score for four daughters", DAUGHTERS, "Max Steiner"),
    q("how long is four daughters", DAUGHTERS, "90 min"),
    q("when was four daughters released", DAUGHTERS, "1938"),
    q("what was the budget of four daughters", DAUGHTERS, "don't have the budget"),
    q("how much did four daughters gross", DAUGHTERS, "don't have the box office"),
    q("who plays mickey borden in four daughters", DAUGHTERS, "John Garfield"),
    q("who did claude rains play in four daughters", DAUGHTERS, "Adam Lemp"),
    q("who is aunt etta in four daughters", DAUGHTERS, "May Robson"),
    q("is four daughters in english?", DAUGHTERS, "Yes", "English"),
    q("which country is four daughters from", DAUGHTERS, "United States"),
    q("who distributed four daughters", DAUGHTERS, "Warner Bros."),
    q("who's in four daughters", DAUGHTERS, "Priscilla Lane"),
    q("who produced 4 daughters", DAUGHTERS, "Hal B. Wallis"),
    q("who was the editor", DAUGHTERS, "Ralph Dawson", context=True),
    # The Adventures of Milo and Otis (1986)
    q("who directed the adventures of milo and otis", MILO, "Masanori Hata"),
    q("who directed milo and otis", MILO, "Masanori Hata"),
    q("who narrates milo and otis", MILO, "Dudley Moore"),
    q("who composed the music for milo and otis", MILO, "Ryuichi Sakamoto"),
    q("how long is milo and otis", MILO, "92 min", "77 min"),
    q("when did milo and otis come out", MILO, "1986"),
    q("what was the budget of milo and otis", MILO, "¥800 million"),
    q("how much did milo and otis make", MILO, "$136 million"),
    q("how much did it make in the us", MILO, "$13.3 million", context=True),
    q("what language is milo and otis in", MILO, "Japanese"),
    q("which country made milo and otis", MILO, "Japan"),
    q("who wrote the adventures of milo and otis", MILO, "Mark Saltzman"),
    q("who directed the adventures of chatran", MILO, "Masanori Hata"),
    q("koneko monogatari runtime", MILO, "92 min"),
    q("who shot milo and otis", MILO, "Hideo Fujii"),
    q("who's in it", MILO, "Dudley Moore", context=True),
    # Vanity Fair (2004)
    q("who directed vanity fair 2004", VANITY, "Mira Nair"),
    q("vanity fiar director", VANITY, "Mira Nair"),
    q("who wrote vanity fair", VANITY, "Julian Fellowes"),
    q("who plays becky sharp in vanity fair", VANITY, "Reese Witherspoon"),
    q("who played dobbin in vanity fair", VANITY, "Rhys Ifans"),
    q("what character does gabriel byrne play in vanity fair", VANITY, "Marquess of Steyne"),
    q("how long is vanity fair", VANITY, "141 min"),
    q("when did vanity fair come out", VANITY, "2004"),
    q("what was vanity fair's budget", VANITY, "$23 million"),
    q("how much did vanity fair gross", VANITY, "$19.4 million"),
    q("is vanity fair a british film", VANITY, "Yes", "United Kingdom"),
    q("what language is vanity fair", VANITY, "English"),
    q("who scored vanity fair", VANITY, "Mychael Danna"),
    q("what is vanity fair based on", VANITY, "Thackeray"),
    q("who's in vanity fair", VANITY, "Reese Witherspoon"),
    q("who plays amelia", VANITY, "Romola Garai", context=True),
    # Welcome (2007)
    q("who directed welcome", WELCOME, "Anees Bazmee"),
    q("who wrote welcome 2007", WELCOME, "Rajiv Kaul", "Praful Parekh"),
    q("how long is welcome", WELCOME, "158 min"),
    q("what year did welcome come out", WELCOME, "2007"),
    q("what was the budget of welcome", WELCOME, "₹40 crore"),
    q("how much did welcome earn", WELCOME, "₹122 crore"),
    q("who plays majnu bhai in welcome", WELCOME, "Anil Kapoor"),
    q("who does akshay kumar play in welcome", WELCOME, "Rajiv Saini"),
    q("who is uday shetty in welcome", WELCOME, "Nana Patekar"),
    q("what language is welcome in", WELCOME, "Hindi"),
    q("is welcome an indian film", WELCOME, "Yes", "India"),
    q("who did the music for welcome", WELCOME, "Sajid-Wajid"),
    q("who's in welcome?", WELCOME, "Akshay Kumar"),
    q("who produced welcome", WELCOME, "Firoz Nadiadwala"),
    q("welcom cast", WELCOME, "Katrina Kaif"),
    q("who plays sanjana", WELCOME, "Katrina Kaif", context=True),
    # Azhagarsamy (1999)
    q("who directed azhagarsamy", AZHAGARSAMY, "Sundar C"),
    q("who composed the music of azhagarsamy", AZHAGARSAMY, "Deva"),
    q("how long is azhagarsamy", AZHAGARSAMY, "140 min"),
    q("when was azhagarsamy released", AZHAGARSAMY, "1999"),
    q("what language is azhagarsamy in", AZHAGARSAMY, "Tamil"),
    q("is azhagarsamy in tamil", AZHAGARSAMY, "Yes", "Tamil"),
    q("is azhagarsamy in hindi", AZHAGARSAMY, "No", "Tamil"),
    q("who plays suja in azhagarsamy", AZHAGARSAMY, "Roja"),
    q("who does sathyaraj play in azhagarsamy", AZHAGARSAMY, "Azhagu"),
    q("azhagarsami budget", AZHAGARSAMY, "don't have the budget"),
    q("box office of azhagarsamy", AZHAGARSAMY, "don't have the box office"),
    q("where is azhagarsamy from", AZHAGARSAMY, "India"),
    q("who wrote azhagarsamy", AZHAGARSAMY, "R. Selvaraj"),
    q("who's in azhagarsamy", AZHAGARSAMY, "Sathyaraj"),
    q("who produced azhagarsamy", AZHAGARSAMY, "Malar Balu"),
    q("who plays the landlord", AZHAGARSAMY, "Radha Ravi", context=True),
    # Ra.One (2011)
    q("who directed ra.one", RAONE, "Anubhav Sinha"),
    q("who directed ra one", RAONE, "Anubhav Sinha"),
    q("who produced raone", RAONE, "Gauri Khan"),
    q("how long is ra.one", RAONE, "156 min"),
    q("when did ra.one come out", RAONE, "2011"),
    q("what was the budget of ra.one", RAONE, "₹130 crore", reject=("207",)),
    q("how much did ra.one make", RAONE, "₹207 crore", reject=("130 crore",)),
    q("who plays g.one in ra.one", RAONE, "Shah Rukh Khan"),
    q("who plays ra.one in ra.one", RAONE, "Arjun Rampal"),
    q("who does kareena kapoor play in ra.one", RAONE, "Sonia"),
    q("who is prateek in ra.one", RAONE, "Armaan Verma"),
    q("what language is ra.one", RAONE, "Hindi"),
    q("who wrote the music for ra.one", RAONE, "Vishal-Shekhar"),
    q("who's in ra.one", RAONE, "Shah Rukh Khan"),
    q("where was ra.one made", RAONE, "India"),
    q("who wrote ra.one", RAONE, "Kanika Dhillon"),
    # Children of Heaven (1997): the two bundled seeds (flattened Wikipedia + end-credits page)
    q("who directed children of heaven", HEAVEN, "Majid Majidi"),
    q("childern of haven director", HEAVEN, "Majid Majidi"),
    q("who plays Zahra in Children of Heaven?", HEAVEN, "Bahare Seddiqi"),
    q("who's in it", HEAVEN, "Amir Farrokh Hashemian", context=True),
    q("how long is children of heaven", HEAVEN, "89 min"),
    q("when did it come out", HEAVEN, "1997", "1999", context=True),
    q("how much did children of heaven make", HEAVEN, "1,628,579", "933,933", "382,000"),
    q("what was the budget", HEAVEN, "180,000", context=True),
    q("is it in english", HEAVEN, "No", "Persian", context=True),
    q("where was it made", HEAVEN, "Iran", context=True),
    q("what did critics think", HEAVEN, "Metascore 77", context=True),
    q("does children of heaven have an end credit scene", HEAVEN, "no end-credit scenes"),
    q("is there anything after the credits", HEAVEN, "no end-credit scenes", context=True),
    q("who is Alireza", HEAVEN, "Mohammed-Hossein Shahidi", context=True, spoiler=("grandfather",)),
    q("who played ali in children of heaven", HEAVEN, "Amir Farrokh Hashemian"),
)


@dataclass
class EvalResult:
    """The outcome of one question."""

    item: EvalQuestion
    answer: str
    problems: list[str] = field(default_factory=list)

    @property
    def right(self) -> bool:
        return not self.problems


def check(item: EvalQuestion, response: Response) -> EvalResult:
    """Judge one answer against its expectations."""
    text = response.plain_text()
    folded = text.casefold()
    spoilers = " ".join(p.text for p in response.parts if isinstance(p, SpoilerPart)).casefold()
    result = EvalResult(item, text)
    if response.is_error:
        result.problems.append("error")
    result.problems += [f"missing {e!r}" for e in item.expect if e.casefold() not in folded]
    result.problems += [f"has {r!r}" for r in item.reject if r.casefold() in folded]
    result.problems += [f"spoiler lacks {s!r}" for s in item.spoiler if s.casefold() not in spoilers]
    if f": {item.film}".casefold() not in folded:
        result.problems.append(f"no source about {item.film}")
    return result


def run_eval(club: FilmClub, questions: tuple[EvalQuestion, ...] = QUESTIONS) -> list[EvalResult]:
    """Ask every question in its own channel (after ``/film info`` of the film for context questions)."""
    results = []
    for n, item in enumerate(questions):
        ctx = CommandContext(platform="eval", server_id="eval", channel_id=str(n), user_id="member")
        if item.context:
            club.run_line(f"/film info {item.film}", ctx)
        results.append(check(item, club.run_line(f"/film ask {item.question}", ctx)))
    return results
