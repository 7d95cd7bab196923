"""The calibration set of issue 14: its builder (build.py) and its measurement (measure.py)."""
