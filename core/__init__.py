"""The platform-neutral film club core: library, answers, spoilers, parties, clubs, commands."""
