"""The store itself: opening, reference data, record stamping, keys, encryption, backups, evidence files."""
