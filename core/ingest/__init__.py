"""Ingest: documents from files, XML dumps and Wikipedia, parsed and saved to the library, with a report."""
