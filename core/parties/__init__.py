"""Watch parties: the plan of prompts, the time parser, the store and the scheduler that sends them."""
