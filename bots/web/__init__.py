"""The web front end: serves each club's calendar at its secret subscribe address (``python -m bots.web``)."""
