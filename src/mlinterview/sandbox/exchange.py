"""Values across the sandbox boundary: JSON, with numpy arrays as base64 ``.npy`` (never pickles).

This module is copied into the sandbox beside the harness, so it uses only the standard library and numpy.
"""

from __future__ import annotations

import base64
import io
import json
from typing import Any

try:
    import numpy as np
except ImportError:  # pragma: no cover - the runtime always has numpy; the encoder works without it
    np = None  # type: ignore[assignment]

ARRAY = "__ndarray__"


def to_plain(value: Any) -> Any:
    """Python values JSON can carry; arrays become {"__ndarray__": base64 npy}. Raises TypeError otherwise."""
    if np is not None and isinstance(value, np.ndarray):
        if value.dtype.kind not in "biufU":
            raise TypeError(f"an array of dtype {value.dtype} cannot be compared; use numbers")
        buffer = io.BytesIO()
        np.save(buffer, value, allow_pickle=False)
        return {ARRAY: base64.b64encode(buffer.getvalue()).decode("ascii")}
    if np is not None and isinstance(value, np.generic):
        return value.item()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    raise TypeError(f"a {type(value).__name__} cannot be compared; return numbers, lists, dicts or arrays")


def from_plain(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {ARRAY}:
            if np is None:  # pragma: no cover
                raise TypeError("numpy is needed to read arrays")
            return np.load(io.BytesIO(base64.b64decode(value[ARRAY])), allow_pickle=False)
        return {k: from_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_plain(v) for v in value]
    return value


def dumps(value: Any) -> str:
    return json.dumps(to_plain(value))


def loads(text: str | bytes) -> Any:
    return from_plain(json.loads(text))
