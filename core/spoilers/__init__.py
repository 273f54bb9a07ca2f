"""Spoilers: what counts as one (`policy`), plot beats shown safely (`plot`, `labels`), and reveal ids (`reveal`)."""
