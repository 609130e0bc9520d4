"""hearingproc: turn immigration court hearing recordings into reviewed, structured transcripts."""

from hearingproc._env import force_telemetry_off

__version__ = "0.1.0"

force_telemetry_off()  # before any library that phones home is imported (hearingproc._env)
