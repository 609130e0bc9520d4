"""The package as a user installs it: a wheel built from the checkout, installed into a fresh
virtual environment outside the repository, works from any folder. The environment borrows the
checkout's installed dependencies through a ``.pth`` line (nothing is downloaded), never its
editable install: ``hearingproc`` must come from the wheel. ``models verify`` checks the model
bundle in the user's cache, which does not depend on the checkout either."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.models]  # builds and installs; verify hashes models

REPO = Path(__file__).resolve().parents[1]
BUILT_FROM = ("pyproject.toml", "README.md", "src")  # what the wheel is made of
TIMEOUT_S = 600


def _run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None, hint: str = ""
         ) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=TIMEOUT_S)
    assert done.returncode == 0, (
        f"{args} exited {done.returncode}:\n{done.stdout}\n{done.stderr}\n{hint}")
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of a copy of the checkout's sources (so that no build folder or egg-info is
    left in the checkout), built offline with the build backend already installed."""
    source = tmp_path_factory.mktemp("source")
    for name in BUILT_FROM:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(REPO / name, source / name)
    dist = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
          "--no-index", "-q", "-w", dist, source], cwd=source,
         hint="the build backend pyproject.toml names must be installed: bash scripts/setup.sh")
    (built,) = dist.glob("hearingproc-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """(the bin folder of a new virtual environment holding the wheel, the environment to run
    it in)."""
    venv = tmp_path_factory.mktemp("venv")
    _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=venv)
    python = venv / "bin" / "python"
    purelib = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                   cwd=venv).stdout.strip()
    dependencies = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    # A plain path line: the checkout's own .pth files (its editable install) are not read.
    (Path(purelib) / "checkout-dependencies.pth").write_text(
        "".join(f"{path}\n" for path in sorted(dependencies)), encoding="utf-8")
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
          "-q", wheel], cwd=venv)
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return venv / "bin", env


@pytest.fixture()
def elsewhere(tmp_path: Path) -> Path:
    """A working folder that is not the checkout and holds nothing of it."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def test_the_wheel_is_what_runs(installed: tuple[Path, dict[str, str]], elsewhere: Path):
    bin_dir, env = installed
    found = _run([bin_dir / "python", "-c", "import hearingproc; print(hearingproc.__file__)"],
                 cwd=elsewhere, env=env).stdout.strip()
    assert Path(found).is_relative_to(bin_dir.parent), found
    assert not Path(found).is_relative_to(REPO), found


def test_help_runs_from_any_folder(installed: tuple[Path, dict[str, str]], elsewhere: Path):
    bin_dir, env = installed
    out = _run([bin_dir / "hearingproc", "--help"], cwd=elsewhere, env=env).stdout
    for command in ("process", "eval", "models", "review", "watch"):
        assert command in out


def test_models_verify_runs_from_any_folder(installed: tuple[Path, dict[str, str]],
                                            elsewhere: Path):
    bin_dir, env = installed
    out = _run([bin_dir / "hearingproc", "models", "verify"], cwd=elsewhere, env=env).stdout
    assert "all models intact" in out


def test_watch_help_runs_from_any_folder(installed: tuple[Path, dict[str, str]],
                                         elsewhere: Path):
    bin_dir, env = installed
    out = _run([bin_dir / "hearingproc", "watch", "--help"], cwd=elsewhere, env=env).stdout
    assert "usage:" in out.lower() and "INBOX" in out
    assert not list(elsewhere.iterdir())  # help writes nothing where it runs
