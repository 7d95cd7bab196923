"""atheris target: format sniffing and the text/Markdown/HTML reader (through read_bytes).

Any exception other than InputError is a crash. See README.md for how to run it.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["resumecheck", "pdfminer", "docx"]):
    from resumecheck.errors import InputError
    from resumecheck.readers import read_bytes

from _common import LIMITS  # noqa: E402


def test_one_input(data: bytes) -> None:
    try:
        read_bytes(data, "fuzz.txt", limits=LIMITS)
    except InputError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
