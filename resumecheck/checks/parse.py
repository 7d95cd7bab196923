"""Checks of the parse family (rules are registered in this module)."""
