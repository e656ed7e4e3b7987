"""The one error root of dpagen, and the exit codes the command line maps errors to."""

from __future__ import annotations

EXIT_OK = 0
EXIT_INVALID = 1  # the input was read but is wrong (model errors, compliance errors)
EXIT_USAGE = 2  # the input could not be used at all (missing file, directory, no terminal)
EXIT_INTERRUPTED = 130


class DpagenError(Exception):
    """Root of every error dpagen reports to a user as a message rather than a traceback."""

    exit_code = EXIT_INVALID

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []

    def render(self) -> str:
        """The message and its detail lines, ready to print."""
        return "\n".join([self.message, *(f"  {line}" for line in self.details)])


class InputFileError(DpagenError):
    """A file that cannot be read: missing, a directory, unreadable."""

    exit_code = EXIT_USAGE


class DescriptionError(DpagenError):
    """A description that is not valid JSON or does not fit the model."""

    exit_code = EXIT_INVALID


class TemplateError(DpagenError):
    """A clause or template that cannot be rendered (unknown variable, bad syntax)."""

    exit_code = EXIT_INVALID


class IncompleteError(DpagenError):
    """A final document was asked for but the description lacks what it needs."""

    exit_code = EXIT_INVALID


class OutputError(DpagenError):
    """An output file cannot be written, or exists and --force was not given."""

    exit_code = EXIT_USAGE


class UsageError(DpagenError):
    """The command was called in a way that cannot work (e.g. the wizard without a terminal)."""

    exit_code = EXIT_USAGE


class Interrupted(DpagenError):
    """The user stopped an interactive session (Ctrl-C, Ctrl-D)."""

    exit_code = EXIT_INTERRUPTED
