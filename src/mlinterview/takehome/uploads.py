"""A file someone sent, copied to a temporary file for as long as a request needs it."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from mlinterview.errors import InvalidInput

MAX_UPLOAD = 300 * 1024 * 1024  # compressed or not: the validator limits what it unpacks


@dataclass(frozen=True)
class Upload:
    """Where an uploaded file was saved temporarily, and the name it had."""

    path: Path
    name: str


@contextlib.contextmanager
def saved(stream: BinaryIO | None, name: str | None) -> Iterator[Upload | None]:
    """The stream copied to a temporary file (deleted afterwards), or None when no file was chosen."""
    if stream is None or not name:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="mli-upload-") as folder:
        path = Path(folder) / "upload"
        with path.open("wb") as handle:
            copied = 0
            while chunk := stream.read(1 << 20):
                copied += len(chunk)
                if copied > MAX_UPLOAD:
                    raise InvalidInput(f"{name}: files are limited to {MAX_UPLOAD // 2**20} MB.")
                handle.write(chunk)
        yield Upload(path=path, name=name)
