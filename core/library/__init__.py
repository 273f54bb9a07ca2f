"""Keeping films: the film model, its tables, reconciliation of documents into films, and the store."""
