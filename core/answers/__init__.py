"""Answers: title lookup, the fact card, plain-word questions and search, every answer sourced."""
