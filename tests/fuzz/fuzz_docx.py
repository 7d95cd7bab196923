"""atheris target: the DOCX reader (zip guard, python-docx, lxml).

Any exception other than InputError is a crash. See README.md for how to run it.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["resumecheck", "pdfminer", "docx"]):
    import docx  # noqa: F401 - imported here so that it is instrumented

    from resumecheck.errors import InputError
    from resumecheck.readers.docx import read_docx

from _common import LIMITS  # noqa: E402


def test_one_input(data: bytes) -> None:
    try:
        read_docx(data, "fuzz.docx", LIMITS)
    except InputError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
