"""The README's own install works from the repository root: after ``pip install .``,
``python -m resumecheck`` and ``resumecheck.check()`` run there and anywhere else.

From a checkout's root the current folder comes first on ``sys.path``, so Python imports the
package from the checkout, not from the virtual environment. That used to fail with
``ModuleNotFoundError: resumecheck.keywords``: the profiles sit in the top-level keywords/
folder, which only the wheel maps into the package; a checkout's package now reads them
from there. This test installs a copy of the repository into a fresh virtual environment
with pip, as the README says, and runs both from the copy's root and from elsewhere.
"""

from __future__ import annotations

import json
import shutil
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _copy_repository(dest: Path) -> None:
    dest.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, dest / name)
    for folder in ("resumecheck", "keywords"):
        shutil.copytree(ROOT / folder, dest / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    (dest / "samples").mkdir()
    shutil.copy2(ROOT / "samples" / "cv_pain_medicine.pdf", dest / "samples" / "cv.pdf")


@pytest.mark.slow
def test_pip_install_then_run_from_the_repository_root_and_elsewhere(tmp_path: Path) -> None:
    repo = tmp_path / "checkout"
    _copy_repository(repo)
    env_dir = tmp_path / "venv"
    venv.create(env_dir)  # without its own pip: this test's pip installs into it (--python)
    python = env_dir / "bin" / "python"
    if not python.exists():  # pragma: no cover - Windows layout
        pytest.skip("POSIX virtual environment layout expected")
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         "--disable-pip-version-check", "."],
        cwd=repo, capture_output=True, text=True, timeout=600, check=False)
    if install.returncode != 0 and "setuptools" in install.stderr and (
            "No matching distribution" in install.stderr or "connection" in install.stderr):
        pytest.skip("the build backend (setuptools) cannot be fetched here")
    assert install.returncode == 0, install.stderr[-2000:]
    # The dependencies (spaCy and the rest) come from this test's own environment,
    # appended after the new environment's site-packages, which holds resumecheck.
    purelib = subprocess.run([str(python), "-c", "import sysconfig; "
                              "print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    Path(purelib, "zz_test_dependencies.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n", encoding="utf-8")

    library = ("import json, resumecheck; r = resumecheck.check('{cv}'); "
               "print(json.dumps([resumecheck.__file__, r.score.value]))")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for cwd, cv, home in ((repo, "samples/cv.pdf", repo),
                          (elsewhere, str(repo / "samples" / "cv.pdf"), Path(purelib))):
        cli = subprocess.run(
            [str(python), "-m", "resumecheck", "check", cv, "--isolated", "-q", "-f", "json"],
            cwd=cwd, capture_output=True, text=True, timeout=300, check=False)
        assert cli.returncode in (0, 1), cli.stderr[-2000:]
        assert json.loads(cli.stdout)["reports"][0]["score"]["value"] > 0
        call = subprocess.run([str(python), "-c", library.format(cv=cv)], cwd=cwd,
                              capture_output=True, text=True, timeout=300, check=False)
        assert call.returncode == 0, call.stderr[-2000:]
        module, score = json.loads(call.stdout)
        assert Path(module).resolve().is_relative_to(home.resolve()) and score > 0
        listed = subprocess.run([str(python), "-m", "resumecheck", "profiles"], cwd=cwd,
                                capture_output=True, text=True, timeout=120, check=False)
        assert listed.stdout.startswith("pain-medicine\t"), listed.stderr[-2000:]
