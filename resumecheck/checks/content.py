"""Checks of the content family (rules are registered in this module)."""
