"""Output formats: one class per format behind :class:`~resumecheck.formatters.base.Formatter`."""
