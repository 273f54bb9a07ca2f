"""The Discord bot: slash commands from the core registry, embeds, spoilers and scheduled prompts."""
