"""Built-in keyword profiles (data files read through importlib.resources)."""
