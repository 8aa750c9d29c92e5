"""Readers: turn a path or stdin into a :class:`Document` whose text is exactly what was decoded."""
from .model import Document, Block
from .normalize import NormalizedText, normalize
from .loader import read_path, read_stdin, iter_input_paths, SUPPORTED_SUFFIXES

__all__ = [
    "Block",
    "Document",
    "NormalizedText",
    "SUPPORTED_SUFFIXES",
    "iter_input_paths",
    "normalize",
    "read_path",
    "read_stdin",
]
