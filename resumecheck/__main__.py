import sys

from resumecheck.cli import main

sys.exit(main())
