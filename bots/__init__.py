"""Chat adapters: each turns platform traffic into core commands and core responses into platform output."""
