"""HQ's screens: the province console and the national dashboard."""
