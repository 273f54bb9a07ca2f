"""The Slack adapter: Block Kit rendering of the neutral response."""
