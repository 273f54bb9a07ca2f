"""Approval-voting polls on the next film: options, votes with a unique key, a seeded draw for ties."""
