"""The errors users cause. Each prints as one line naming the file and the problem (exit code 2)."""

from __future__ import annotations


class KgError(Exception):
    """Base of every error that is the input's or the user's doing, not a bug."""

    exit_code = 2

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class InputError(KgError):
    """A page that cannot be read: missing, unreadable, binary, or not in a known encoding."""


class UsageError(KgError):
    """Options or arguments that do not fit together."""


class GraphError(KgError):
    """A graph file or store that cannot be parsed, validated or queried."""
