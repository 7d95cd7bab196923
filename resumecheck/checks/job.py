"""Checks of the job family (rules are registered in this module)."""
