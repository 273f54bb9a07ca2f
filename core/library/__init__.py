"""The film library: model, parsers, reconciliation, store and ingest."""
