"""Trivia: questions made only from sourced facts the library holds, each answer hidden and naming its source."""
