"""Comparing a function's output with the expected one: structure exactly, numbers within a tolerance."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from mlinterview.exercises.spec import Tolerance


def compare(expected: Any, got: Any, tolerance: Tolerance, where: str = "the result") -> str | None:
    """None when ``got`` matches ``expected``; otherwise the first difference, in words."""
    if isinstance(expected, np.ndarray) or isinstance(got, np.ndarray):
        return _arrays(np.asarray(expected), got, tolerance, where)
    if isinstance(expected, bool) or isinstance(got, bool):
        if isinstance(got, bool | np.bool_) and bool(got) == bool(expected):
            return None
        return f"{where} should be {expected!r}, got {_show(got)}"
    if isinstance(expected, int | float | np.integer | np.floating):
        if not isinstance(got, int | float | np.integer | np.floating):
            return f"{where} should be a number, got {type(got).__name__}"
        whole = isinstance(expected, int | np.integer)
        if whole and not isinstance(got, int | np.integer) and not float(got).is_integer():
            return f"{where} should be the whole number {expected}, got {_show(got)}"
        if math.isnan(float(expected)) and math.isnan(float(got)):
            return None
        if math.isclose(float(got), float(expected), rel_tol=tolerance.rtol, abs_tol=tolerance.atol):
            return None
        return f"{where} should be {_show(expected)}, got {_show(got)}"
    if isinstance(expected, str):
        return None if got == expected else f"{where} should be {expected!r}, got {_show(got)}"
    if expected is None:
        return None if got is None else f"{where} should be None, got {_show(got)}"
    if isinstance(expected, Mapping):
        if not isinstance(got, Mapping):
            return f"{where} should be a dict, got {type(got).__name__}"
        if set(map(str, got)) != set(map(str, expected)):
            return f"{where} should have the keys {sorted(map(str, expected))}, got {sorted(map(str, got))}"
        values = {str(k): v for k, v in got.items()}
        for key, value in expected.items():
            problem = compare(value, values[str(key)], tolerance, f"{where}[{key!r}]")
            if problem:
                return problem
        return None
    if isinstance(expected, list | tuple):
        if not isinstance(got, list | tuple):
            return f"{where} should be a list of {len(expected)}, got {type(got).__name__}"
        if len(got) != len(expected):
            return f"{where} should have {len(expected)} items, got {len(got)}"
        for index, (want, have) in enumerate(zip(expected, got, strict=True)):
            problem = compare(want, have, tolerance, f"{where}[{index}]")
            if problem:
                return problem
        return None
    return None if got == expected else f"{where} should be {_show(expected)}, got {_show(got)}"


def _arrays(expected: np.ndarray, got: Any, tolerance: Tolerance, where: str) -> str | None:
    if isinstance(got, list | tuple):
        try:
            got = np.asarray(got)
        except ValueError:
            return f"{where} should be an array of shape {expected.shape}, got a ragged list"
    if not isinstance(got, np.ndarray):
        return f"{where} should be an array of shape {expected.shape}, got {type(got).__name__}"
    if got.shape != expected.shape:
        return f"{where} should have shape {expected.shape}, got {got.shape}"
    if expected.dtype.kind in "biuf" and got.dtype.kind in "biuf":
        close = np.isclose(got.astype(float), expected.astype(float), rtol=tolerance.rtol, atol=tolerance.atol)
        close |= np.isnan(got.astype(float)) & np.isnan(expected.astype(float))
        if close.all():
            return None
        index = tuple(int(i) for i in np.argwhere(~close)[0])
        return f"{where}{list(index)} should be {_show(expected[index])}, got {_show(got[index])}"
    return None if np.array_equal(got, expected) else f"{where} differs from the expected array"


def _show(value: Any) -> str:
    text = repr(value.item() if isinstance(value, np.generic) else value)
    return text if len(text) <= 60 else text[:57] + "..."
