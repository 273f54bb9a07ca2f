"""Per-server settings: time zone, reminders, organiser role, prompts and spoiler channels."""
