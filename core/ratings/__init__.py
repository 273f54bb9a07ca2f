"""The club's own ratings of films: half stars from ½ to 5, one per member per film, and the club's top list."""
