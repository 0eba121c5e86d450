"""Benchmarks: each prints a table of measurements and ratios against a baseline measured in the same run."""
