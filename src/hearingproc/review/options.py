"""Options of the review app, validated on creation."""

from __future__ import annotations

import getpass
import ipaddress
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from hearingproc.errors import ConfigError

REVIEWER_ENV = "HEARINGPROC_REVIEWER"  # default reviewer name, before the OS user name
TOKEN_ENV = "HEARINGPROC_REVIEW_TOKEN"  # the access token, so it need not be on a command line
MIN_TOKEN_CHARS = 16  # a shorter token is guessable; `secrets.token_urlsafe()` gives 43
STORE_NAME = ".review.sqlite3"  # the review store, beside the recordings' output folders
MAX_REVIEWER_CHARS = 80
_REVIEWER = re.compile(rf"^[^\x00-\x1f\x7f]{{1,{MAX_REVIEWER_CHARS}}}$")


def default_reviewer() -> str:
    """``$HEARINGPROC_REVIEWER``, else the OS user name, else ``"reviewer"``."""
    name = os.environ.get(REVIEWER_ENV, "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name for this uid (e.g. a container)
        return "reviewer"


def clean_reviewer(name: str) -> str:
    """A reviewer name as stored: stripped, one line, at most ``MAX_REVIEWER_CHARS``."""
    name = " ".join(str(name).split())
    if not _REVIEWER.match(name):
        raise ConfigError(f"reviewer name must be 1 to {MAX_REVIEWER_CHARS} printable characters")
    return name


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ReviewOptions:
    root: Path  # the folder `hearingproc process --out` wrote: one sub-folder per recording
    host: str = "127.0.0.1"  # address to bind; anything but loopback needs a token
    port: int = 8000  # TCP port; 0 lets the OS choose
    token: str | None = None  # when set, every request must carry it (header, cookie or ?token=)
    reviewer: str = field(default_factory=default_reviewer)  # who changes are recorded as,
    # unless the page names another reviewer
    audio_dirs: tuple[Path, ...] = ()  # further folders to look in for the recordings' audio
    store_name: str = STORE_NAME  # file name of the SQLite review store inside ``root``

    def __post_init__(self) -> None:
        root = Path(self.root)
        if not root.is_dir():
            raise ConfigError(f"{root}: not a folder of processed recordings "
                              "(give the --out folder of `hearingproc process`)")
        object.__setattr__(self, "root", root.resolve())
        object.__setattr__(self, "audio_dirs", tuple(Path(p).resolve() for p in self.audio_dirs))
        object.__setattr__(self, "reviewer", clean_reviewer(self.reviewer))
        if not 0 <= self.port <= 65535:
            raise ConfigError(f"port {self.port} is not between 0 and 65535")
        if self.token is not None and len(self.token) < MIN_TOKEN_CHARS:
            raise ConfigError(f"the review token must have at least {MIN_TOKEN_CHARS} characters;"
                              " make one with: python -c 'import secrets; "
                              "print(secrets.token_urlsafe())'")
        if not is_loopback(self.host) and self.token is None:
            raise ConfigError(f"binding the review app to {self.host} exposes confidential "
                              f"transcripts: give --token (or ${TOKEN_ENV}), or bind 127.0.0.1")
        if "/" in self.store_name or self.store_name in ("", ".", ".."):
            raise ConfigError(f"store_name {self.store_name!r} must be a plain file name")

    @property
    def store_path(self) -> Path:
        return self.root / self.store_name
