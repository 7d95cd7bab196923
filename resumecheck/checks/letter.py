"""Checks of the letter family (rules are registered in this module)."""
