"""The club's watchlist: films members suggested for a coming poll, one entry per film per club."""
