"""Benchmarks of the reader site (not tests): `make bench` runs bench/run.py."""
