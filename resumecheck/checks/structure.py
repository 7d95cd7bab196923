"""Checks of the structure family (rules are registered in this module)."""
