"""Sharing a session: the export file, importing and merging it. No textual in here."""
