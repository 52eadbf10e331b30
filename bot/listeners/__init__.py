"""Slack surfaces, each registering its own listeners on the bolt App."""
