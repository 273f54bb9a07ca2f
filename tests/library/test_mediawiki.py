"""The MediaWiki client and ``/film add`` against a loopback fake of the Action API."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bots.console.__main__ import main
from core.app import FilmClub
from core.clubs.organisers import EVERYONE
from core.commands.lookup import Found
from core.commands.registry import CommandContext
from core.documents.mediawiki import WikiClient, WikiError, WikiUnavailable, title_from_input
from core.library.model import SourceKind
from core.responses import CardPart, ChoicePart
from tests.library.fake_wikipedia import FakeWikipedia, serve, standard_wiki

CONTACT = "filmclub-tests@example.org"


@pytest.fixture
def wiki() -> Iterator[FakeWikipedia]:
    with serve(standard_wiki()) as fake:
        yield fake


@pytest.fixture
def waits() -> list[float]:
    """The waits the client asked for, in seconds: recorded, not slept."""
    return []


@pytest.fixture
def client(wiki: FakeWikipedia, waits: list[float]) -> WikiClient:
    return WikiClient(wiki.api_url, CONTACT, backoff=0.01, sleep=waits.append)


def organiser() -> CommandContext:
    return CommandContext(platform="test", server_id="s", channel_id="c", user_id="u", organisers=EVERYONE)


def member() -> CommandContext:
    return CommandContext(platform="test", server_id="s", channel_id="c", user_id="m")


@pytest.fixture
def online(empty_club: FilmClub, wiki: FakeWikipedia) -> FilmClub:
    empty_club.settings.wiki_api_url = wiki.api_url
    empty_club.settings.contact = CONTACT
    return empty_club


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# -- the client --------------------------------------------------------------------------------


def test_fetch_sends_the_etiquette_and_reads_the_current_revision(client: WikiClient, wiki: FakeWikipedia) -> None:
    fetched = client.fetch("Enter_the_Dragon")
    assert fetched.page is not None
    assert fetched.page.title == "Enter the Dragon" and fetched.page.revision_id == 954278955
    assert fetched.page.text.startswith(wiki.pages["Enter the Dragon"][0][:200])
    assert fetched.wiki.id == "enwiki"
    assert (
        fetched.wiki.url("Enter the Dragon", 954278955)
        == "https://en.wikipedia.org/wiki/Enter_the_Dragon?oldid=954278955"
    )
    params, headers = wiki.requests[-1]
    assert params["maxlag"] == "5" and params["format"] == "json" and params["formatversion"] == "2"
    assert params["action"] == "query" and params["redirects"] == "1" and params["rvslots"] == "main"
    assert set(params["rvprop"].split("|")) == {"content", "ids"}
    agent = headers["User-Agent"]
    assert agent.startswith("filmclub/") and CONTACT in agent and "Python-urllib" in agent


def test_redirects_are_followed(client: WikiClient) -> None:
    fetched = client.fetch("Batman 1989")
    assert fetched.page is not None and fetched.page.title == "Batman (1989 film)"
    assert fetched.redirected_from == "Batman 1989"


def test_missing_invalid_and_disambiguation_pages(client: WikiClient) -> None:
    assert client.fetch("No Such Film Anywhere").page is None
    assert client.fetch("a [[broken]] title").invalid
    batman = client.fetch("Batman")
    assert batman.disambiguation and batman.page is not None


def test_429_then_success_honours_retry_after(client: WikiClient, wiki: FakeWikipedia, waits: list[float]) -> None:
    wiki.fail_next(429, retry_after="0")
    wiki.fail_next(503, retry_after="1")
    fetched = client.fetch("Four Daughters")
    assert fetched.page is not None and fetched.page.title == "Four Daughters"
    assert len(wiki.requests) == 3
    assert waits == [0, 1], "waited as each Retry-After asked"


def test_maxlag_errors_are_retried_and_retries_are_bounded(client: WikiClient, wiki: FakeWikipedia) -> None:
    wiki.fail_next(200, retry_after="0", maxlag=True)
    assert client.fetch("Azhagarsamy").page is not None
    wiki.requests.clear()
    wiki.fail_next(503, times=10)
    with pytest.raises(WikiUnavailable):
        client.fetch("Azhagarsamy")
    assert len(wiki.requests) == client.attempts
    wiki.failures.clear()


def test_a_retry_after_longer_than_the_limit_is_not_waited_for(
    client: WikiClient, wiki: FakeWikipedia, waits: list[float]
) -> None:
    wiki.fail_next(429, retry_after="3600")
    with pytest.raises(WikiUnavailable):
        client.fetch("Azhagarsamy")
    assert waits == [] and len(wiki.requests) == 1


def test_requests_never_overlap(client: WikiClient, wiki: FakeWikipedia) -> None:
    wiki.delay = 0.05
    threads = [threading.Thread(target=client.fetch, args=(t,)) for t in ("Azhagarsamy", "Four Daughters", "Batman")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(wiki.requests) == 3 and wiki.most_in_flight == 1


def test_http_errors_and_unreachable_wikis(wiki: FakeWikipedia) -> None:
    with pytest.raises(WikiError):
        WikiClient(wiki.api_url.replace("/w/api.php", "/nowhere"), CONTACT).fetch("Azhagarsamy")
    with pytest.raises(WikiUnavailable):
        WikiClient(f"http://127.0.0.1:{closed_port()}/w/api.php", CONTACT).fetch("Azhagarsamy")
    with pytest.raises(WikiUnavailable):  # the real Wikipedia: blocked by pytest-socket, as when offline
        WikiClient("https://en.wikipedia.org/w/api.php", CONTACT, timeout=3).fetch("Azhagarsamy")


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("Bicycle Thieves", "Bicycle Thieves"),
        ("bicycle_thieves ", "bicycle thieves"),
        ("https://en.wikipedia.org/wiki/Batman_(1989_film)", "Batman (1989 film)"),
        ("https://en.m.wikipedia.org/wiki/L%C3%A9on:_The_Professional#Plot", "Léon: The Professional"),
        ("https://en.wikipedia.org/w/index.php?title=Four_Daughters&oldid=1", "Four Daughters"),
    ],
)
def test_titles_from_what_members_type(typed: str, title: str) -> None:
    assert title_from_input(typed) == title


def test_a_link_without_a_title_is_refused() -> None:
    with pytest.raises(ValueError, match="doesn't name"):
        title_from_input("https://en.wikipedia.org/")


# -- /film add ---------------------------------------------------------------------------------


def test_film_add_ingests_the_article_and_answers_at_once(online: FilmClub, wiki: FakeWikipedia) -> None:
    response = online.run_line("/film add Bruce Lee's Enter the Dragon", organiser())
    text = response.plain_text()
    assert not response.is_error, text
    assert "Added Enter the Dragon (1973)" in text and "redirects there" in text
    card = online.run_line("/film info enter the dragon", organiser())
    assert isinstance(card.parts[0], CardPart) and card.parts[0].title == "Enter the Dragon"
    assert "Wikipedia: Enter the Dragon" in card.parts[0].sources
    found = online.find_film("Enter the Dragon")
    assert isinstance(found, Found)
    film = found.film
    sources = {f.source for f in film.facts}
    assert {s.document_id for s in sources} == {"enwiki:Enter the Dragon"}
    assert {s.url for s in sources} == {"https://en.wikipedia.org/wiki/Enter_the_Dragon?oldid=954278955"}
    assert {s.kind for s in sources} == {SourceKind.WIKITEXT}


def test_film_add_again_refreshes_without_duplicating(online: FilmClub, wiki: FakeWikipedia) -> None:
    link = "https://en.wikipedia.org/wiki/Four_Daughters"
    assert "Added Four Daughters" in online.run_line(f"/film add {link}", organiser()).plain_text()
    found = online.find_film("Four Daughters")
    assert isinstance(found, Found)
    facts_before = len(found.film.facts)
    assert "already up to date" in online.run_line("/film add Four Daughters", organiser()).plain_text()

    text, revid = wiki.pages["Four Daughters"]
    wiki.pages["Four Daughters"] = (text.replace("| runtime        = 90 minutes", "| runtime = 91 minutes"), revid + 1)
    assert "Refreshed Four Daughters" in online.run_line("/film add Four Daughters", organiser()).plain_text()
    found = online.find_film("Four Daughters")
    assert isinstance(found, Found)
    film = found.film
    assert len(film.facts) == facts_before and online.library.count_films() == 1
    assert {f.source.url for f in film.facts} == {f"https://en.wikipedia.org/wiki/Four_Daughters?oldid={revid + 1}"}


def test_film_add_is_for_organisers(online: FilmClub, wiki: FakeWikipedia) -> None:
    response = online.run_line("/film add Enter the Dragon", member())
    assert response.is_error and "organisers" in response.plain_text()
    assert not wiki.requests and online.library.count_films() == 0


def test_film_add_offers_the_films_of_a_disambiguation_page(online: FilmClub) -> None:
    response = online.run_line("/film add Batman", organiser())
    choice = response.parts[0]
    assert isinstance(choice, ChoicePart)
    assert choice.options == ["Batman (serial)", "Batman (1966 film)", "Batman (1989 film)"]
    by_template = online.run_line("/film add Enter the Dragon (disambiguation)", organiser()).parts[0]
    assert isinstance(by_template, ChoicePart) and by_template.options == ["Enter the Dragon"]
    assert online.library.count_films() == 0


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("Tim Burton", "is not a film article"),
        ("No Such Film Anywhere", "no article called “No Such Film Anywhere”"),
        ("Talk:Enter the Dragon", "is not an encyclopedia article"),
        ("<@&123> [[x]]", "can't be a Wikipedia title"),
    ],
)
def test_film_add_refuses_what_is_not_a_film(online: FilmClub, typed: str, said: str) -> None:
    response = online.run_line(f"/film add {typed}", organiser())
    assert response.is_error and said in response.plain_text()
    assert online.library.count_films() == 0


def test_film_add_without_network_says_so_and_the_bot_keeps_working(club: FilmClub) -> None:
    club.settings.wiki_api_url = f"http://127.0.0.1:{closed_port()}/w/api.php"
    response = club.run_line("/film add Bicycle Thieves", organiser())
    assert response.is_error and "I can't reach Wikipedia right now" in response.plain_text()
    club.settings.wiki_api_url = "https://en.wikipedia.org/w/api.php"  # blocked by pytest-socket, as offline
    assert "I can't reach Wikipedia right now" in club.run_line("/film add Bicycle Thieves", organiser()).plain_text()
    assert not club.run_line("/film info Batman 1989", organiser()).is_error


def test_filmclub_add_on_the_console(
    wiki: FakeWikipedia, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FILMCLUB_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    monkeypatch.setenv("FILMCLUB_WIKI_API_URL", wiki.api_url)
    monkeypatch.setenv("FILMCLUB_CONTACT", CONTACT)
    assert main(["add", "Azhagarsamy"]) == 0
    assert "Azhagarsamy" in capsys.readouterr().out
    assert main(["add", "Tim", "Burton"]) == 1
    assert "not a film article" in capsys.readouterr().out
