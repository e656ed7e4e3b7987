"""The interactive terminal wizard (`dpagen wizard`): questions as data, a testable flow, one terminal module.

- ``nodes.py`` / ``questions.py`` — what is asked, in which order, when, with which defaults (data);
- ``flow.py`` — walks the questions through any prompter, validates every answer with the model;
- ``steps.py`` — the steps with their own logic (security catalogue, signatories);
- ``scope.py`` — what a question's ``when``/``compute`` function sees;
- ``values.py`` / ``validation.py`` — answers to model values and back; the model's errors and messages;
- ``prompts.py`` — the terminal prompter, the only module that imports questionary;
- ``session.py`` — drafts, resuming, editing a file, Ctrl-C, saving, checking and generating.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["run_wizard"]


def run_wizard(out: Path | None, from_file: Path | None, resume: bool, language: str | None,
               edit: bool = False, section: str | None = None) -> int:
    """Run the wizard in the terminal; return the exit status (see session.run_wizard).

    ``edit``: open ``from_file`` on the review screen (``section``: that part first) rather than asking
    every question again.
    """
    from .session import run_wizard as run

    return run(out=out, from_file=from_file, resume=resume, language=language, edit=edit, section=section)
