"""Question → intent, subject and the words left for the title: many phrasings per kind of fact."""

from __future__ import annotations

import pytest

from core.answers.fields import FIELD_QUESTIONS
from core.answers.intents import RULES, Intent, Topic, parse_question
from core.answers.phrasing import fold_question, strip_filler
from core.library.model import FieldName

F, T = FieldName, Topic

# (question, intent, subject, title words left once filler is stripped)
PHRASINGS: list[tuple[str, Intent, str, str]] = [
    # director
    ("who directed children of heaven", F.DIRECTOR, "", "children of heaven"),
    ("Who is the director of Children of Heaven?", F.DIRECTOR, "", "children of heaven"),
    ("children of heaven director", F.DIRECTOR, "", "children of heaven"),
    ("who made batman", F.DIRECTOR, "", "batman"),
    ("who was behind the camera... I mean who directed it", F.DIRECTOR, "", "camera i mean"),
    ("which filmmaker did vanity fair", F.DIRECTOR, "", "vanity fair"),
    ("did majid majidi direct children of heaven", F.DIRECTOR, "majid majidi", "children of heaven"),
    ("was it directed by tim burton", F.DIRECTOR, "tim burton", ""),
    # writer
    ("who wrote batman", F.WRITER, "", "batman"),
    ("who wrote the screenplay for four daughters", F.WRITER, "", "four daughters"),
    ("batman screenwriter", F.WRITER, "", "batman"),
    ("who are the writers of ra.one?", F.WRITER, "", "ra one"),
    ("who penned welcome", F.WRITER, "", "welcome"),
    ("was vanity fair written by julian fellowes", F.WRITER, "julian fellowes", "vanity fair"),
    # producer
    ("who produced batman", F.PRODUCER, "", "batman"),
    ("producers of ra.one", F.PRODUCER, "", "ra one"),
    # music
    ("who did the music for batman", F.MUSIC, "", "batman"),
    ("who composed the score of milo and otis", F.MUSIC, "", "milo and otis"),
    ("who wrote the music for ra.one", F.MUSIC, "", "ra one"),
    ("batman composer", F.MUSIC, "", "batman"),
    ("who did the soundtrack", F.MUSIC, "", ""),
    # cinematography, editing
    ("who was the director of photography on batman", F.CINEMATOGRAPHY, "", "batman"),
    ("cinematographer of enter the dragon", F.CINEMATOGRAPHY, "", "enter the dragon"),
    ("who shot milo and otis", F.CINEMATOGRAPHY, "", "milo and otis"),
    ("who edited batman", F.EDITING, "", "batman"),
    ("who was the editor", F.EDITING, "", ""),
    # studio, distributor, based on
    ("which studio made welcome", F.STUDIO, "", "welcome"),
    ("production company of batman", F.STUDIO, "", "batman"),
    ("who distributed four daughters", F.DISTRIBUTOR, "", "four daughters"),
    ("what is vanity fair based on", F.BASED_ON, "", "vanity fair"),
    ("is batman an adaptation", F.BASED_ON, "", "batman"),
    # release
    ("when did it come out", F.RELEASED, "", ""),
    ("when did children of heaven come out?", F.RELEASED, "", "children of heaven"),
    ("what year did batman come out", F.RELEASED, "", "batman"),
    ("when was four daughters released", F.RELEASED, "", "four daughters"),
    ("release date of ra.one", F.RELEASED, "", "ra one"),
    ("when did it premiere", F.RELEASED, "", ""),
    ("how old is enter the dragon", F.RELEASED, "", "enter the dragon"),
    ("when's it from", F.RELEASED, "", ""),
    # runtime
    ("how long is children of heaven", F.RUNTIME, "", "children of heaven"),
    ("how long is it", F.RUNTIME, "", ""),
    ("what's the runtime of Vanity Fair?", F.RUNTIME, "", "vanity fair"),
    ("batman running time", F.RUNTIME, "", "batman"),
    ("how many minutes is welcome", F.RUNTIME, "", "welcome"),
    ("length of ra.one", F.RUNTIME, "", "ra one"),
    # country
    ("where was it made", F.COUNTRY, "", ""),
    ("where is azhagarsamy from", F.COUNTRY, "", "azhagarsamy"),
    ("what country is batman from", F.COUNTRY, "", "batman"),
    ("which country made milo and otis", F.COUNTRY, "", "milo and otis"),
    ("was it made in iran", F.COUNTRY, "iran", ""),
    ("is vanity fair a british film", F.COUNTRY, "british", "vanity fair"),
    ("is it an american movie", F.COUNTRY, "american", ""),
    # language
    ("is it in english", F.LANGUAGE, "english", ""),
    ("is children of heaven in persian?", F.LANGUAGE, "persian", "children of heaven"),
    ("what language is ra.one in", F.LANGUAGE, "", "ra one"),
    ("what languages is enter the dragon in", F.LANGUAGE, "", "enter the dragon"),
    ("does it have subtitles", F.LANGUAGE, "", ""),
    ("is welcome a hindi language film", F.LANGUAGE, "hindi", "welcome"),
    # budget
    ("what was the budget", F.BUDGET, "", ""),
    ("what was vanity fair's budget", F.BUDGET, "", "vanity fair"),
    ("how much did it cost to make batman", F.BUDGET, "", "batman"),
    ("how much did children of heaven cost", F.BUDGET, "", "children of heaven"),
    ("how expensive was ra.one", F.BUDGET, "", "ra one"),
    # box office
    ("how much did children of heaven make", F.GROSS, "", "children of heaven"),
    ("how much did it make", F.GROSS, "", ""),
    ("box office of enter the dragon", F.GROSS, "", "enter the dragon"),
    ("how much did batman gross", F.GROSS, "", "batman"),
    ("how much money did welcome earn", F.GROSS, "", "welcome"),
    ("what were the earnings of ra.one", F.GROSS, "", "ra one"),
    ("was it a hit", F.GROSS, "", ""),
    # scores
    ("what did critics think", F.SCORE, "", ""),
    ("what did the critics say about batman", F.SCORE, "", "batman"),
    ("rotten tomatoes score for children of heaven", F.SCORE, "", "children of heaven"),
    ("what is its metascore", F.SCORE, "", ""),
    ("how was it reviewed", F.SCORE, "", ""),
    ("is it any good", F.SCORE, "", ""),
    ("ratings of welcome", F.SCORE, "", "welcome"),
    # end credits
    ("does children of heaven have an end credit scene", F.END_CREDITS, "", "children of heaven"),
    ("is there anything after the credits", F.END_CREDITS, "", ""),
    ("any post-credits scene in batman?", F.END_CREDITS, "", "batman"),
    ("should i stay for the credits", F.END_CREDITS, "", ""),
    ("mid credit scenes in ra.one", F.END_CREDITS, "", "ra one"),
    # cast and characters
    ("who's in it", F.CAST, "", ""),
    ("who is in children of heaven", F.CAST, "", "children of heaven"),
    ("who stars in batman", F.CAST, "", "batman"),
    ("cast of vanity fair", F.CAST, "", "vanity fair"),
    ("who are the actors in welcome", F.CAST, "", "welcome"),
    ("who plays Zahra in Children of Heaven?", T.PLAYED_BY, "zahra in children of heaven", ""),
    ("who played the joker", T.PLAYED_BY, "the joker", ""),
    ("who portrays becky sharp in vanity fair", T.PLAYED_BY, "becky sharp in vanity fair", ""),
    ("who is the actor playing ali", T.PLAYED_BY, "ali", ""),
    ("zahra is played by who", T.PLAYED_BY, "zahra", ""),
    ("who narrates milo and otis", T.PLAYED_BY, "narrator", "milo and otis"),
    ("who does bahare seddiqi play in children of heaven", T.ROLE_OF, "bahare seddiqi", "children of heaven"),
    ("what role does jim kelly play", T.ROLE_OF, "jim kelly", ""),
    ("which character does gabriel byrne play in vanity fair", T.ROLE_OF, "gabriel byrne", "vanity fair"),
    ("is jackie chan in enter the dragon", T.IN_CAST, "jackie chan", "enter the dragon"),
    ("who is Alireza", T.WHO_IS, "alireza", ""),
    ("who's alireza?", T.WHO_IS, "alireza", ""),
    ("who is the father in children of heaven", T.WHO_IS, "the father in children of heaven", ""),
    # the rest
    ("what genre is batman", F.GENRE, "", "batman"),
    ("did children of heaven win any awards", F.AWARD, "", "children of heaven"),
    ("tell me about azhagarsamy", F.SUMMARY, "", "azhagarsamy"),
    ("what is welcome about", F.SUMMARY, "", "welcome"),
    ("how does it end", T.PLOT, "", ""),
    ("what happens in batman", T.PLOT, "", "batman"),
    # what the title means, other titles
    ("what does kadavul mean", T.TITLE_MEANING, "", "kadavul"),
    ("what is the meaning of the title", T.TITLE_MEANING, "", "title"),
    ("how does the title translate", T.TITLE_MEANING, "", "title"),
    ("what is it called in spanish", T.OTHER_TITLES, "spanish", ""),
    ("what was it originally called", T.OTHER_TITLES, "", ""),
    ("what is it also known as", T.OTHER_TITLES, "", ""),
    ("what is its english title", T.OTHER_TITLES, "english", ""),
    ("what was it called in the us", T.OTHER_TITLES, "", ""),
    ("what does ra.one stand for", T.TITLE_MEANING, "", "ra one"),
    ("what does soma mean in zachary wheeler", T.TITLE_MEANING, "", "soma in zachary wheeler"),
    ("where does the title come from", T.TITLE_MEANING, "", ""),
    ("villadhi villain telugu title", T.OTHER_TITLES, "telugu", "villadhi villain"),
    ("what was harbour lights reissued as", T.OTHER_TITLES, "", "harbour lights"),
    ("what is the re-release title of it", T.OTHER_TITLES, "", ""),
    # crew in members' words
    ("who was the cameraman on newspaper boy", F.CINEMATOGRAPHY, "", "newspaper boy"),
    ("villadhi villain music director", F.MUSIC, "", "villadhi villain"),
    # where it is set, where it was filmed
    ("where is it set", T.SETTING, "", ""),
    ("where does it take place", T.SETTING, "", ""),
    ("what year is it set in", T.SETTING, "", ""),
    ("where was it filmed", T.FILMING, "", ""),
    ("where was it shot", T.FILMING, "", ""),
    ("what were the filming locations", T.FILMING, "", ""),
    # songs
    ("who sang jaipen jaipen", T.SONGS, "", "jaipen jaipen"),
    ("who wrote the lyrics", T.SONGS, "", "wrote"),
]


@pytest.mark.parametrize(("question", "intent", "subject", "title"), PHRASINGS)
def test_question_is_taken_apart(question: str, intent: Intent, subject: str, title: str) -> None:
    parsed = parse_question(question)
    assert parsed.intent is intent
    assert parsed.subject == subject
    assert " ".join(strip_filler(parsed.rest)) == title


def test_every_intent_has_phrasings_in_the_table() -> None:
    assert {row[1] for row in PHRASINGS} == {rule.intent for rule in RULES}
    assert set(Topic) | set(FIELD_QUESTIONS) <= {rule.intent for rule in RULES}


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
        ("whats it about", "what is it about"),  # typed without the apostrophe
        ("wheres it set", "where is it set"),
    ],
)
def test_questions_are_folded_like_titles(typed: str, folded: str) -> None:
    assert fold_question(typed) == folded
