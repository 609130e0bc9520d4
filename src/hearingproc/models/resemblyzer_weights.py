"""Where Resemblyzer's GE2E weights are installed and their checksum, without torch: the
pipeline names the diarization's weights in every transcript from a process that never
imports torch (diarization runs in a child, stages/diarize_worker.py); the model itself is
:mod:`hearingproc.models.speaker_embedding`."""

from __future__ import annotations

from pathlib import Path

from hearingproc._fsutil import packaged_path
from hearingproc.models import registry

_WEIGHTS = registry.package_file(registry.SPEAKER_EMBEDDING, "pretrained.pt")
WEIGHTS_PACKAGE = _WEIGHTS.package
WEIGHTS_FILE = _WEIGHTS.path
WEIGHTS_SHA256 = _WEIGHTS.sha256
REINSTALL_HINT = registry.spec(registry.SPEAKER_EMBEDDING).reinstall_hint


def weights_path(package: str = WEIGHTS_PACKAGE) -> Path:
    """Where the installed package keeps ``pretrained.pt``.

    The package is located, not imported: ``resemblyzer/__init__.py`` pulls in librosa and
    webrtcvad (which warns about ``pkg_resources``), none of which is needed here.
    """
    return packaged_path(package, WEIGHTS_FILE, "speaker embedding", REINSTALL_HINT)
