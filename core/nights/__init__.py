"""Club nights: a recurring time at which the bot opens a poll, closes it and creates the party itself."""
