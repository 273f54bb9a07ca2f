"""Moments read from a plot sentence's words, and the forms a party asks once each."""

from __future__ import annotations

from core.parties.moments import FORMS, Moment, moments_in, pick_form


def test_each_kind_of_moment_is_read_from_common_wording() -> None:
    assert moments_in("She discovers that the letter was forged.") == (Moment.REVEAL,)
    assert moments_in("He decides to leave the village.") == (Moment.CHOICE,)
    assert moments_in("The brothers confront the landlord's men.") == (Moment.CONFLICT,)
    assert moments_in("Their mother is devastated.") == (Moment.MOOD,)
    assert moments_in("The family lives in a small house.") == ()
    assert moments_in("He learns the truth and vows revenge.") == (Moment.REVEAL, Moment.CHOICE, Moment.CONFLICT)


def test_a_form_is_asked_once_then_the_next_fitting_one() -> None:
    used: set[str] = set()
    asked = []
    for _ in range(4):
        form = pick_form([Moment.REVEAL], 2, used)
        used.add(form.text)
        asked.append(form)
    assert [f.kind for f in asked[:3]] == [Moment.REVEAL] * 3
    assert [f.names for f in asked[:3]] == [2, 1, 0]
    assert asked[3].kind is Moment.GENERAL and len(used) == 4
    assert asked[0].ask(["Ali", "Zahra"]) == "Now that this is out, how do you see Ali and Zahra?"


def test_every_kind_has_a_form_for_nobody_one_and_two_characters() -> None:
    for kind in Moment:
        assert {f.names for f in FORMS if f.kind is kind} == {0, 1, 2}
    assert len({f.text for f in FORMS}) == len(FORMS)
