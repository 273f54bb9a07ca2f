"""Facts that were lost: cast rows in every shape articles write them, and money as the article states it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.documents import wikitext
from core.library.model import FieldName, MoneyValue

HEAD = "{{Infobox film\n| name = Zed\n| starring = [[Ann Lee]]\n| released = 2001\n}}\n'''Zed''' is a 2001 film.\n\n"
DEV_ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "wikitext-dev"


def _cast(body: str) -> list[str]:
    doc = wikitext.parse(HEAD + body, "z.wiki", "Zed")
    return [f.value.display() for f in doc.facts if f.field is FieldName.CAST]


@pytest.mark.parametrize(
    "body",
    [
        "== Cast ==\n[[Ann Lee]] as Mara<br>\n[[Bob Ray]] as Tom\n",
        "== Cast ==\n[[Ann Lee]] as Mara\n\n[[Bob Ray]] as Tom\n",
        "== Cast ==\n[[Ann Lee]] – Mara\n[[Bob Ray]] – Tom\n",
        '== Cast ==\n{| class="wikitable"\n|[[Ann Lee]]||Mara\n|-\n|[[Bob Ray]]||Tom\n|}\n',
        '== Cast ==\n{| class="wikitable"\n! Actor ! Role\n|-\n| [[Ann Lee]] || Mara\n|-\n| [[Bob Ray]] || Tom\n|}\n',
        '== Cast ==\n{| class="wikitable"\n! Actor !! Role\n|-\n| [[Ann Lee]] || Mara\n|-\n| [[Bob Ray]] || Tom\n|}\n',
        "== Production ==\n=== Casting ===\n* [[Ann Lee]] as Mara\n* [[Bob Ray]] as Tom\n",
        "== Cast ==\n* [[Ann Lee]] and [[Bob Ray]] as Mara and Tom\n",
        "== Cast ==\n=== First story ===\n* [[Ann Lee]] as Mara\n=== Second story ===\n* [[Bob Ray]] as Tom\n",
        "== The first story ==\n=== Cast ===\n* [[Ann Lee]] as Mara\n== The second story ==\n=== Cast ===\n"
        "* [[Bob Ray]] as Tom\n",
    ],
    ids=[
        "as-br",
        "as-lines",
        "dash-lines",
        "pipe-table",
        "bang-header",
        "double-bang",
        "casting",
        "and-as-and",
        "segments-inside",
        "segments-apart",
    ],
)
def test_every_way_of_writing_a_cast_row(body: str) -> None:
    assert _cast(body) == ["Ann Lee as Mara", "Bob Ray as Tom"]


def test_a_franchise_character_table_gives_the_first_films_actors() -> None:
    body = (
        '== Cast and characters ==\n{| class="wikitable"\n|-\n! rowspan="2" | Character\n! colspan="2" | Films\n'
        "|-\n! ''Zed''\n! ''Zed 2''\n|-\n! [[Mara]]\n| colspan=\"2\" | [[Ann Lee]]\n|-\n! Tom\n| [[Bob Ray]]\n"
        '| [[Bob Ray]] (f)\n|-\n! Nell\n| style="background:lightgrey;" |\n| [[Cy Dunn]]\n|}\n'
    )
    assert _cast(body) == ["Ann Lee as Mara", "Bob Ray as Tom"]  # Nell is only in the second film


def test_sentences_about_casting_are_not_cast_rows() -> None:
    body = "== Casting ==\nMichael Keaton was cast as Batman after a long search.\n[[Bob Ray]] as Tom\n"
    assert _cast(body) == ["Bob Ray as Tom"]


def test_one_role_for_two_actors_stays_shared() -> None:
    assert _cast("== Cast ==\n* [[Ann Lee]] and [[Bob Ray]] as Mara\n") == ["Ann Lee as Mara", "Bob Ray as Mara"]


def _budget(value: str) -> list[MoneyValue]:
    text = "{{Infobox film\n| name = Zed\n| budget = " + value + "\n| released = 2001\n}}\n'''Zed''' is a 2001 film.\n"
    return [f.value for f in wikitext.parse(text, "z.wiki", "Zed").facts if isinstance(f.value, MoneyValue)]


@pytest.mark.parametrize(
    ("written", "shown", "currency"),
    [
        ("$30–40 million", "$30–40 million", "USD"),
        ("$30-40 million<br>(estimated)", "$30–40 million", "USD"),
        ("$30–<br>40 million", "$30–40 million", "USD"),
        ("₹5<br>crore", "₹5 crore", "INR"),
        ("500 million yen", "¥500 million", "JPY"),
        ("¥1.2 billion", "¥1.2 billion", "JPY"),
        ("£3 million", "£3 million", "GBP"),
        ("€4.5 million", "€4.5 million", "EUR"),
        ("₱50 million", "₱50 million", "PHP"),
        ("PHP 120 million", "₱120 million", "PHP"),
        ("PKR 5 crore", "Rs 5 crore", "PKR"),
        ("50 million Pakistani rupees", "Rs 50 million", "PKR"),
        ("₹50 lakh", "₹50 lakh", "INR"),
        ("Rs. 80 lakh", "₹80 lakh", "INR"),
    ],
)
def test_money_is_kept_whole_and_in_the_articles_units(written: str, shown: str, currency: str) -> None:
    [value] = _budget(written)
    assert (value.display(), value.currency) == (shown, currency)


def test_a_range_keeps_both_ends() -> None:
    [value] = _budget("$30–40 million")
    assert (value.amount, value.upper) == (30_000_000, 40_000_000)
    assert _budget("$30 million")[0].upper is None


@pytest.mark.parametrize("path", sorted(DEV_ARTICLES.glob("*.wiki")), ids=lambda p: p.stem)
def test_real_articles_keep_every_cast_row_they_list(path: Path) -> None:
    """Every ``* [[Actor]] as Role`` bullet of a real article's cast section becomes a cast fact."""
    text = path.read_text(encoding="utf-8")
    doc = wikitext.parse(text, f"file:{path.name}", path.stem)
    actors = {f.value.actor for f in doc.facts if f.field is FieldName.CAST}
    cast = re.search(r"^==\s*Cast\s*==\s*$(?P<body>(?:\n(?!==[^=]).*)*)", text, re.MULTILINE)
    bullets = re.findall(r"^\*\s*\[\[(?:[^\]|]+\|)?([^\]|]+)\]\]\s+as\s", cast["body"], re.MULTILINE) if cast else []
    assert {re.sub(r"\s*\([^)]*\)$", "", b).strip() for b in bullets} <= actors
