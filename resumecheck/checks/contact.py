"""Checks of the contact family (rules are registered in this module)."""
