from resumecheck.cli import entry

entry()
