"""Small invented film articles for the rules of answers from prose (no real article's wording in them).

Each is wikitext as Wikipedia writes it, ingested through the path ``filmclub ingest`` takes, so a
test meets the rule through the parser, the store and ``/film ask`` alike.
"""

from __future__ import annotations

from pathlib import Path

from core.app import FilmClub
from core.ingest.files import ingest_paths

HARBOUR = """{{Infobox film
| name = The Harbour Lights
| director = Ana Reyes
| starring = Tom Hale, Rosa Lind, Karl Berg
| released = {{Film date|1999|5|1}}
| runtime = 95 minutes
| country = United Kingdom
}}
'''The Harbour Lights''' is a 1999 British drama film directed by Ana Reyes.

== Plot ==
Elena Voss, a young seamstress, lives with her uncle Oskar Brandt above his bakery in Falmouth, a fishing port in
Cornwall. Oskar works as a baker and owes money to the smuggler Dieter Kahn.

Elena meets Piet, a charming stranger who claims to be a sailor. Oskar distrusts him and forbids the match.
Elena is heartbroken. One night she leaves a note for her uncle: she has eloped with Piet.

Months later, Oskar is found murdered in the bakery. The police suspect Piet, but Dieter Kahn stabbed Oskar over
the unpaid debt. Piet is not a sailor at all but a customs officer hunting Dieter.

Piet arrests Dieter at the docks. Elena forgives Piet for his lies, and the two sail for Lisbon, where they marry
and open a new bakery.

== Cast ==
* Rosa Lind as Elena Voss
* Tom Hale as Piet
* Karl Berg as Oskar Brandt

== Production ==
The bakery scenes were shot in a real bakery in Penzance, standing in for Oskar's shop.
"""


def ingest_article(club: FilmClub, folder: Path, name: str, text: str) -> None:
    """Write an article to ``folder`` and ingest it into the club's library."""
    path = folder / f"{name}.wiki"
    path.write_text(text, encoding="utf-8")
    ingest_paths(club.library, [path])
    club.library_changed()


QUIET_YEARS = """{{Infobox film
| name = The Quiet Years
| director = Lena Moor
| released = 2005
}}
'''The Quiet Years''' is a 2005 drama film. Principal photography took place in Prague. The film takes place early in
its heroine's life.

== Plot ==
Marta Kell, a shy schoolgirl, spends every summer with her grandmother. Marta's grandmother keeps bees on a small
farm outside Dunmore, a village on the Irish coast.

Years later, Marta returns to the farm and finds the hives gone.
"""

SET_IN_LEAD = """{{Infobox film
| name = Harbour of Ash
| director = Lena Moor
| released = 2007
}}
'''Harbour of Ash''' is a 2007 thriller film. It is set in 1830s Lisbon during a cholera outbreak.

== Plot ==
A doctor arrives by ship and is quarantined with the crew.
"""
