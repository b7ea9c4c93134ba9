"""Computations and rules per stage. No textual in here."""
