"""The administrative-health committee (axis 7) and the training register (axis 12)."""
