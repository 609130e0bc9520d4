"""hearingproc: turn immigration court hearing recordings into reviewed, structured transcripts."""

__version__ = "0.1.0"
