"""awareness-check: review awareness material on trafficking in persons and smuggling of migrants.

The public API is small: :func:`check_text` and :func:`check_file` return a :class:`Report`;
the CLI is a thin layer over them.
"""
from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("awareness-check")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0+src"

from .errors import InputError, LexiconError  # noqa: E402
from .findings import Category, DocumentReport, Finding, Report, Severity  # noqa: E402
from .api import check_file, check_paths, check_text  # noqa: E402

__all__ = [
    "Category",
    "DocumentReport",
    "Finding",
    "InputError",
    "LexiconError",
    "Report",
    "Severity",
    "__version__",
    "check_file",
    "check_paths",
    "check_text",
]
