"""atheris target: the PDF reader (pdfminer.six underneath).

Any exception other than InputError is a crash. See README.md for how to run it.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["resumecheck", "pdfminer", "docx"]):
    import pdfminer.layout  # noqa: F401 - imported here so that it is instrumented
    import pdfminer.pdfdocument  # noqa: F401 - imported here so that it is instrumented
    import pdfminer.pdfinterp  # noqa: F401 - imported here so that it is instrumented
    import pdfminer.pdfparser  # noqa: F401 - imported here so that it is instrumented

    from resumecheck.errors import InputError
    from resumecheck.readers.pdf import read_pdf

from _common import LIMITS  # noqa: E402


def test_one_input(data: bytes) -> None:
    try:
        read_pdf(data, "fuzz.pdf", LIMITS)
    except InputError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
