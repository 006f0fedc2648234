"""MkDocs build-time work: hooks, per-language search, page language."""
