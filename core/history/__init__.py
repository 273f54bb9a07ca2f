"""What the club has watched: every party that reached its start, with its date and who joined."""
