"""Question → intent, subject and the words left for the title: many phrasings per kind of fact."""

from __future__ import annotations

import pytest

from core.answers.intents import Intent, parse_question
from core.answers.phrasing import fold_question, strip_filler

I = Intent  # noqa: E741

# (question, intent, subject, title words left once filler is stripped)
PHRASINGS: list[tuple[str, Intent, str, str]] = [
    # director
    ("who directed children of heaven", I.DIRECTOR, "", "children of heaven"),
    ("Who is the director of Children of Heaven?", I.DIRECTOR, "", "children of heaven"),
    ("children of heaven director", I.DIRECTOR, "", "children of heaven"),
    ("who made batman", I.DIRECTOR, "", "batman"),
    ("who was behind the camera... I mean who directed it", I.DIRECTOR, "", "camera i mean"),
    ("which filmmaker did vanity fair", I.DIRECTOR, "", "vanity fair"),
    ("did majid majidi direct children of heaven", I.DIRECTOR, "majid majidi", "children of heaven"),
    ("was it directed by tim burton", I.DIRECTOR, "tim burton", ""),
    # writer
    ("who wrote batman", I.WRITER, "", "batman"),
    ("who wrote the screenplay for four daughters", I.WRITER, "", "four daughters"),
    ("batman screenwriter", I.WRITER, "", "batman"),
    ("who are the writers of ra.one?", I.WRITER, "", "ra one"),
    ("who penned welcome", I.WRITER, "", "welcome"),
    ("was vanity fair written by julian fellowes", I.WRITER, "julian fellowes", "vanity fair"),
    # producer
    ("who produced batman", I.PRODUCER, "", "batman"),
    ("producers of ra.one", I.PRODUCER, "", "ra one"),
    # music
    ("who did the music for batman", I.MUSIC, "", "batman"),
    ("who composed the score of milo and otis", I.MUSIC, "", "milo and otis"),
    ("who wrote the music for ra.one", I.MUSIC, "", "ra one"),
    ("batman composer", I.MUSIC, "", "batman"),
    ("who did the soundtrack", I.MUSIC, "", ""),
    # cinematography, editing
    ("who was the director of photography on batman", I.CINEMATOGRAPHY, "", "batman"),
    ("cinematographer of enter the dragon", I.CINEMATOGRAPHY, "", "enter the dragon"),
    ("who shot milo and otis", I.CINEMATOGRAPHY, "", "milo and otis"),
    ("who edited batman", I.EDITING, "", "batman"),
    ("who was the editor", I.EDITING, "", ""),
    # studio, distributor, based on
    ("which studio made welcome", I.STUDIO, "", "welcome"),
    ("production company of batman", I.STUDIO, "", "batman"),
    ("who distributed four daughters", I.DISTRIBUTOR, "", "four daughters"),
    ("what is vanity fair based on", I.BASED_ON, "", "vanity fair"),
    ("is batman an adaptation", I.BASED_ON, "", "batman"),
    # release
    ("when did it come out", I.RELEASED, "", ""),
    ("when did children of heaven come out?", I.RELEASED, "", "children of heaven"),
    ("what year did batman come out", I.RELEASED, "", "batman"),
    ("when was four daughters released", I.RELEASED, "", "four daughters"),
    ("release date of ra.one", I.RELEASED, "", "ra one"),
    ("when did it premiere", I.RELEASED, "", ""),
    ("how old is enter the dragon", I.RELEASED, "", "enter the dragon"),
    ("when's it from", I.RELEASED, "", ""),
    # runtime
    ("how long is children of heaven", I.RUNTIME, "", "children of heaven"),
    ("how long is it", I.RUNTIME, "", ""),
    ("what's the runtime of Vanity Fair?", I.RUNTIME, "", "vanity fair"),
    ("batman running time", I.RUNTIME, "", "batman"),
    ("how many minutes is welcome", I.RUNTIME, "", "welcome"),
    ("length of ra.one", I.RUNTIME, "", "ra one"),
    # country
    ("where was it made", I.COUNTRY, "", ""),
    ("where is azhagarsamy from", I.COUNTRY, "", "azhagarsamy"),
    ("what country is batman from", I.COUNTRY, "", "batman"),
    ("which country made milo and otis", I.COUNTRY, "", "milo and otis"),
    ("was it made in iran", I.COUNTRY, "iran", ""),
    ("is vanity fair a british film", I.COUNTRY, "british", "vanity fair"),
    ("is it an american movie", I.COUNTRY, "american", ""),
    # language
    ("is it in english", I.LANGUAGE, "english", ""),
    ("is children of heaven in persian?", I.LANGUAGE, "persian", "children of heaven"),
    ("what language is ra.one in", I.LANGUAGE, "", "ra one"),
    ("what languages is enter the dragon in", I.LANGUAGE, "", "enter the dragon"),
    ("does it have subtitles", I.LANGUAGE, "", ""),
    ("is welcome a hindi language film", I.LANGUAGE, "hindi", "welcome"),
    # budget
    ("what was the budget", I.BUDGET, "", ""),
    ("what was vanity fair's budget", I.BUDGET, "", "vanity fair"),
    ("how much did it cost to make batman", I.BUDGET, "", "batman"),
    ("how much did children of heaven cost", I.BUDGET, "", "children of heaven"),
    ("how expensive was ra.one", I.BUDGET, "", "ra one"),
    # box office
    ("how much did children of heaven make", I.GROSS, "", "children of heaven"),
    ("how much did it make", I.GROSS, "", ""),
    ("box office of enter the dragon", I.GROSS, "", "enter the dragon"),
    ("how much did batman gross", I.GROSS, "", "batman"),
    ("how much money did welcome earn", I.GROSS, "", "welcome"),
    ("what were the earnings of ra.one", I.GROSS, "", "ra one"),
    ("was it a hit", I.GROSS, "", ""),
    # scores
    ("what did critics think", I.SCORES, "", ""),
    ("what did the critics say about batman", I.SCORES, "", "batman"),
    ("rotten tomatoes score for children of heaven", I.SCORES, "", "children of heaven"),
    ("what is its metascore", I.SCORES, "", ""),
    ("how was it reviewed", I.SCORES, "", ""),
    ("is it any good", I.SCORES, "", ""),
    ("ratings of welcome", I.SCORES, "", "welcome"),
    # end credits
    ("does children of heaven have an end credit scene", I.END_CREDITS, "", "children of heaven"),
    ("is there anything after the credits", I.END_CREDITS, "", ""),
    ("any post-credits scene in batman?", I.END_CREDITS, "", "batman"),
    ("should i stay for the credits", I.END_CREDITS, "", ""),
    ("mid credit scenes in ra.one", I.END_CREDITS, "", "ra one"),
    # cast and characters
    ("who's in it", I.CAST, "", ""),
    ("who is in children of heaven", I.CAST, "", "children of heaven"),
    ("who stars in batman", I.CAST, "", "batman"),
    ("cast of vanity fair", I.CAST, "", "vanity fair"),
    ("who are the actors in welcome", I.CAST, "", "welcome"),
    ("who plays Zahra in Children of Heaven?", I.PLAYED_BY, "zahra in children of heaven", ""),
    ("who played the joker", I.PLAYED_BY, "the joker", ""),
    ("who portrays becky sharp in vanity fair", I.PLAYED_BY, "becky sharp in vanity fair", ""),
    ("who is the actor playing ali", I.PLAYED_BY, "ali", ""),
    ("zahra is played by who", I.PLAYED_BY, "zahra", ""),
    ("who narrates milo and otis", I.PLAYED_BY, "narrator", "milo and otis"),
    ("who does bahare seddiqi play in children of heaven", I.ROLE_OF, "bahare seddiqi", "children of heaven"),
    ("what role does jim kelly play", I.ROLE_OF, "jim kelly", ""),
    ("which character does gabriel byrne play in vanity fair", I.ROLE_OF, "gabriel byrne", "vanity fair"),
    ("is jackie chan in enter the dragon", I.IN_CAST, "jackie chan", "enter the dragon"),
    ("who is Alireza", I.WHO_IS, "alireza", ""),
    ("who's alireza?", I.WHO_IS, "alireza", ""),
    ("who is the father in children of heaven", I.WHO_IS, "the father in children of heaven", ""),
    # the rest
    ("what genre is batman", I.GENRE, "", "batman"),
    ("did children of heaven win any awards", I.AWARDS, "", "children of heaven"),
    ("tell me about azhagarsamy", I.SUMMARY, "", "azhagarsamy"),
    ("what is welcome about", I.SUMMARY, "", "welcome"),
    ("how does it end", I.PLOT, "", ""),
    ("what happens in batman", I.PLOT, "", "batman"),
    # what the title means, other titles
    ("what does kadavul mean", I.TITLE_MEANING, "", "kadavul"),
    ("what is the meaning of the title", I.TITLE_MEANING, "", "title"),
    ("how does the title translate", I.TITLE_MEANING, "", "title"),
    ("what is it called in spanish", I.OTHER_TITLES, "spanish", ""),
    ("what was it originally called", I.OTHER_TITLES, "", ""),
    ("what is it also known as", I.OTHER_TITLES, "", ""),
    ("what is its english title", I.OTHER_TITLES, "english", ""),
    ("what was it called in the us", I.OTHER_TITLES, "", ""),
    ("what does ra.one stand for", I.TITLE_MEANING, "", "ra one"),
    ("what does soma mean in zachary wheeler", I.TITLE_MEANING, "", "soma in zachary wheeler"),
    ("where does the title come from", I.TITLE_MEANING, "", ""),
    ("villadhi villain telugu title", I.OTHER_TITLES, "telugu", "villadhi villain"),
    # crew in members' words
    ("who was the cameraman on newspaper boy", I.CINEMATOGRAPHY, "", "newspaper boy"),
    ("villadhi villain music director", I.MUSIC, "", "villadhi villain"),
    # where it is set, where it was filmed
    ("where is it set", I.SETTING, "", ""),
    ("where does it take place", I.SETTING, "", ""),
    ("what year is it set in", I.SETTING, "", ""),
    ("where was it filmed", I.FILMING, "", ""),
    ("where was it shot", I.FILMING, "", ""),
    ("what were the filming locations", I.FILMING, "", ""),
    # songs
    ("who sang jaipen jaipen", I.SONGS, "", "jaipen jaipen"),
    ("who wrote the lyrics", I.SONGS, "", "wrote"),
]


@pytest.mark.parametrize(("question", "intent", "subject", "title"), PHRASINGS)
def test_question_is_taken_apart(question: str, intent: Intent, subject: str, title: str) -> None:
    parsed = parse_question(question)
    assert parsed.intent is intent
    assert parsed.subject == subject
    assert " ".join(strip_filler(parsed.rest)) == title


def test_every_intent_has_phrasings_in_the_table() -> None:
    assert {row[1] for row in PHRASINGS} == set(Intent)


@pytest.mark.parametrize("question", ["hello", "", "   ", "the weather tomorrow?", "@everyone <!channel>", "ok"])
def test_questions_without_an_intent(question: str) -> None:
    assert parse_question(question).intent is None


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Who's in it?", "who is in it"),
        ("What’s Vanity Fair’s budget", "what is vanity fair s budget"),
        ("doesn't it have subtitles", "does not it have subtitles"),
        ("Où est Amélie", "ou est amelie"),
        ("RA.ONE!!!", "ra one"),
    ],
)
def test_questions_are_folded_like_titles(typed: str, folded: str) -> None:
    assert fold_question(typed) == folded
