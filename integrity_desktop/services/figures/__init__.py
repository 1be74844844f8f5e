"""Figures across areas: the computed-indicator registry, an office's figures, national figures."""
