"""`python -m dpagen`."""

from .cli import run

run()
