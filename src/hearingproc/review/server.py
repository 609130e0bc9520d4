"""Running the review app: with uvicorn in the foreground (the CLI), or on a background thread
(tests, notebooks)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from hearingproc.errors import HearingProcError
from hearingproc.flows.local_api import free_port as free_port  # picks a port for background()
from hearingproc.review.app import create_app
from hearingproc.review.options import ReviewOptions, default_reviewer, is_loopback

if TYPE_CHECKING:
    import uvicorn

STARTUP_SECONDS = 10.0  # how long a background server may take to start listening


def _url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    return f"http://[{shown}]:{port}/" if ":" in shown else f"http://{shown}:{port}/"


def _config(options: ReviewOptions, log_level: str) -> uvicorn.Config:
    import uvicorn

    return uvicorn.Config(create_app(options), host=options.host, port=options.port,
                          log_level=log_level, access_log=log_level == "debug", lifespan="on",
                          ws="none", server_header=False, date_header=False)


def serve(folder: Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          reviewer: str | None = None, audio_dirs: Sequence[Path] = (),
          echo: Callable[[str], None] = print) -> None:
    """Serve ``folder`` until interrupted (Ctrl-C)."""
    import uvicorn

    options = ReviewOptions(folder, host=host, port=port, token=token,
                            reviewer=reviewer or default_reviewer(), audio_dirs=tuple(audio_dirs))
    url = _url(options.host, options.port)
    echo(f"reviewing {options.root} at {url}" + (" (open it with ?token=YOUR_TOKEN once)"
                                                  if token else ""))
    if not is_loopback(options.host):
        echo("warning: the app is reachable from other machines; it uses plain HTTP, so put it "
             "behind TLS (a reverse proxy) on any network you do not trust")
    level = logging.getLogger("hearingproc").getEffectiveLevel()
    server = uvicorn.Server(_config(options, "debug" if level <= logging.DEBUG else "warning"))
    try:
        server.run()
    except SystemExit as exc:  # uvicorn exits when it cannot listen
        raise HearingProcError(f"the review app could not listen on {options.host}:"
                               f"{options.port} (is the port in use? try --port)") from exc


@contextmanager
def background(options: ReviewOptions) -> Iterator[str]:
    """Run the app on a thread for the block; yields its base URL."""
    import uvicorn

    server = uvicorn.Server(_config(options, "warning"))
    thread = threading.Thread(target=server.run, name="hearingproc-review", daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise HearingProcError(f"the review app did not start on {options.host}:"
                                   f"{options.port}")
        time.sleep(0.02)
    try:
        yield _url(options.host, options.port).rstrip("/")
    finally:
        server.should_exit = True
        thread.join(timeout=STARTUP_SECONDS)
