"""Sync bundles: signed (optionally encrypted) files that carry records between offices."""
