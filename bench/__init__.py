"""Benchmark of the handbook: `make bench` (`python -m bench`). Prints figures beside their targets;
asserts nothing (time is never asserted in tests)."""
