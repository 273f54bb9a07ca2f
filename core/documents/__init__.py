"""Reading documents: cleaning raw bytes, and one parser per document kind (wikitext, flattened dumps, credit pages).

Parsers turn text into a `core.library.model.ParsedDocument` and never touch the store.
"""
