"""Benchmark scripts that print their figures."""
