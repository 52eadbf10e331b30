"""Presenters: each turns one service's value into a Page that any surface can render."""
