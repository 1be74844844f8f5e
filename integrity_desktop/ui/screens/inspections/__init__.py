"""The inspection screens: inspectors, plan, visit log, follow-up, reports, the visit editor."""
