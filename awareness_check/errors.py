"""Errors the CLI turns into one-line messages with exit code 2."""


class AwarenessCheckError(Exception):
    """Base class: anything the user can fix (bad input, bad config, bad lexicon)."""


class InputError(AwarenessCheckError):
    """A draft that cannot be read: names the file and the reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class LexiconError(AwarenessCheckError):
    """A lexicon or checklist file that fails validation: names the file and the entry."""


class ConfigError(AwarenessCheckError):
    """A settings file or option value that cannot be used."""
