"""Inspections (axes 1 and 22): inspectors, plans, visits with findings and actions, figures."""
