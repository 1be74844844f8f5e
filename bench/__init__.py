"""Benchmarks against raw baselines measured in the same run (see ``bench/RESULTS.md``).

Run everything with ``python -m bench``; ``--quick`` for small sizes, ``--only NAME`` for one.
Not part of the test suite: timings live here, never in tests.
"""
