"""Deterministic demo content, one generator per area, and the HQ demo built from bundles."""
