"""Reading a candidate's predictions file: validate it and align it to the test rows by id, fast.

A submission is a CSV (optionally gzipped): the header ``<id_column>,<prediction_column>``, then one line per test
row, in any order. Files can hold millions of rows, so no row ever becomes a Python object: pyarrow's streaming CSV
reader parses the file a block at a time into typed columns, and each block is checked and scattered into the
aligned result with numpy straight away. Memory is the result plus a few blocks, whatever the file's size.

Large plain files are cut at a line end near the middle and the halves are read on two threads. A half does not
know which line it starts on, so any problem found that way sends the file through one stream again, where every
message can name its line (as a text editor numbers it: the header is line 1) and say what to change.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import os
import re
import threading
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import NoReturn, TypeAlias

import numpy as np
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.compute as pc  # type: ignore[import-untyped]
import pyarrow.csv as pacsv  # type: ignore[import-untyped]

from mlinterview.takehome.spec import Prediction

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"
UTF8_BOM = b"\xef\xbb\xbf"
_HEAD_BYTES = 64 * 1024  # the header must end within this many bytes
_BLOCK_BYTES = 2 << 20  # per parsed block; pyarrow reads up to ~35 blocks ahead of the parser, so this bounds memory
_TWO_STREAMS_FROM = 8 << 20  # plain files at least this large are read as two halves in parallel
_SHOWN = 5  # missing ids listed in a message
# A dense id -> position table is used when the ids span at most this many slots per test row (else: sorting).
_DENSE_SPAN_PER_ROW = 4


class PredictionError(ValueError):
    """A problem with a predictions file, phrased for the person who uploaded it: where it is and what to do."""


class _Recheck(Exception):
    """A problem found by a half of the file, which knows no line numbers: read it again in one stream."""


@dataclass(frozen=True)
class Expected:
    """What a predictions file must hold for one project."""

    id_column: str
    prediction_column: str
    ids: np.ndarray  # int64: the test rows' ids, in test-file order
    kind: Prediction
    classes: np.ndarray | None = None  # the allowed labels when kind is LABEL (integers or strings)
    max_bytes: int = 200 * 1024 * 1024  # of the uncompressed CSV

    def __post_init__(self) -> None:
        if self.ids.ndim != 1 or self.ids.dtype != np.int64:
            raise TypeError(f"Expected.ids must be a 1-d int64 array, not {self.ids.dtype} of shape {self.ids.shape}")
        if self.kind is Prediction.LABEL and (self.classes is None or self.classes.dtype.kind not in "iuUO"):
            raise TypeError("Expected.classes must list the allowed labels (integers or strings) for label predictions")

    @property
    def header(self) -> str:
        return f"{self.id_column},{self.prediction_column}"

    @cached_property
    def index(self) -> _Index:
        """Where each id sits in test order: built once per Expected, which scoring keeps for every file."""
        return _Index.build(self.ids)


def read_predictions(path: Path, expected: Expected) -> np.ndarray:
    """The file's predictions in ``expected.ids`` order: float64 for probabilities and values, int64 for clusters,
    the classes' dtype for labels. Raises ``PredictionError`` saying what is wrong, where, and how to fix it."""
    source = _Source.open(path, expected.max_bytes)
    _check_header(source.first_line, expected)
    try:
        halves = source.halves()
        if halves is not None:
            try:
                return _read(source, expected, halves)
            except _Recheck:
                pass  # something is wrong: find it again, with its line number
        return _read(source, expected, [source.stream()])
    finally:
        if source.size >= _TWO_STREAMS_FROM:
            # pyarrow's allocator keeps the blocks it read ahead (tens of MB); hand them back for the scoring after
            pa.default_memory_pool().release_unused()


# -- the file --------------------------------------------------------------------------------------------------------


CsvInput: TypeAlias = str | io.RawIOBase  # what pyarrow's reader is given: a path or a Python stream


@dataclass(frozen=True)
class _Source:
    path: Path
    size: int  # on disk
    gzipped: bool
    first_line: bytes  # without the UTF-8 BOM and the line ending
    max_bytes: int

    @classmethod
    def open(cls, path: Path, max_bytes: int) -> _Source:
        size = path.stat().st_size
        with path.open("rb") as handle:
            magic = handle.read(4)
        if size == 0:
            raise PredictionError("the file is empty: upload a CSV with a header line and one line per test row")
        if magic == ZIP_MAGIC:
            raise PredictionError("this is a zip archive: upload the CSV itself, or the CSV compressed with gzip")
        gzipped = magic.startswith(GZIP_MAGIC)
        if not gzipped and size > max_bytes:
            raise PredictionError(_too_big(max_bytes, gzipped=False))
        head = _head(path, gzipped)
        return cls(path, size, gzipped, _first_line(head), max_bytes)

    def stream(self) -> CsvInput:
        """The whole file for pyarrow: its path, or for gzip a decompressing stream that enforces the size limit."""
        if not self.gzipped:
            return str(self.path)
        return _Limited(pa.input_stream(str(self.path), compression="gzip"), self.max_bytes)

    def halves(self) -> list[CsvInput] | None:
        """A large plain file cut after the first line end past its middle, as two streams of its bytes."""
        if self.gzipped or self.size < _TWO_STREAMS_FROM:
            return None
        middle = self.size // 2
        with self.path.open("rb") as handle:
            handle.seek(middle)
            end = handle.read(_HEAD_BYTES).find(b"\n")
        if end < 0:
            return None  # no line end near the middle (a file of bare CR line ends?): one stream it is
        cut = middle + end + 1
        return [_Range(self.path, 0, cut), _Range(self.path, cut, self.size)]


class _Buffers(io.RawIOBase):
    """A read-only stream for pyarrow that hands out pyarrow buffers (``read_buffer``), which it takes as they are.

    Buffers from pyarrow's own memory pool are reused block after block, where Python bytes from ``read`` would be
    copied once more and pile up in the C allocator's free lists."""

    def readable(self) -> bool:
        return True

    def read_buffer(self, size: int | None = -1) -> pa.Buffer:
        raise NotImplementedError

    def read(self, size: int | None = -1) -> bytes:
        chunk: bytes = self.read_buffer(size).to_pybytes()
        return chunk

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = self.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


class _Range(_Buffers):
    """Bytes ``start`` to ``stop`` of a file, read with pread so that two threads can share the file (a memory map
    would copy nothing, but would count the whole file as this process's memory)."""

    def __init__(self, path: Path, start: int, stop: int) -> None:
        super().__init__()
        self._file = path.open("rb")
        self._position, self._stop = start, stop

    def read_buffer(self, size: int | None = -1) -> pa.Buffer:
        left = self._stop - self._position
        wanted = left if size is None or size < 0 else min(size, left)
        buffer = pa.allocate_buffer(max(wanted, 0))
        got = os.preadv(self._file.fileno(), [memoryview(buffer)], self._position) if wanted > 0 else 0
        self._position += got
        return buffer if got == wanted else buffer.slice(0, got)

    def close(self) -> None:
        self._file.close()
        super().close()


class _Limited(_Buffers):
    """A decompressing stream that fails once more than ``limit`` bytes have come out of it (gzip bombs included)."""

    def __init__(self, inner: pa.NativeFile, limit: int) -> None:
        super().__init__()
        self._inner, self._limit, self._count = inner, limit, 0

    def read_buffer(self, size: int | None = -1) -> pa.Buffer:
        try:
            chunk = self._inner.read_buffer(None if size is None or size < 0 else size)
        except OSError as error:
            raise PredictionError(f"the gzip data is damaged ({error}): gzip the CSV again") from None
        self._count += chunk.size
        if self._count > self._limit:
            raise PredictionError(_too_big(self._limit, gzipped=True))
        return chunk

    def close(self) -> None:
        self._inner.close()
        super().close()


def _too_big(limit: int, gzipped: bool) -> str:
    size = f"{limit / 2**20:.0f} MB" if limit >= 2**20 else f"{limit} bytes"
    where = "unpacks to more than" if gzipped else "is larger than"
    return (
        f"the file {where} {size} of CSV, the limit (it counts the uncompressed CSV, so gzip does not raise it): "
        "write only the id and the prediction columns, with fewer digits (6 significant digits are plenty)"
    )


def _head(path: Path, gzipped: bool) -> bytes:
    try:
        with gzip.open(path, "rb") if gzipped else path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except (OSError, EOFError, zlib.error) as error:
        raise PredictionError(
            f"the file starts like gzip but cannot be decompressed ({error}): gzip it again"
        ) from None
    if not head.strip():
        raise PredictionError("the file is empty: upload a CSV with a header line and one line per test row")
    return head


def _first_line(head: bytes) -> bytes:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        raise PredictionError(
            "the file is UTF-16 text, not UTF-8: save it as UTF-8 (in Excel: 'CSV UTF-8 (Comma delimited)'; "
            "in pandas: to_csv(path, index=False), whose default is UTF-8)"
        )
    head = head.removeprefix(UTF8_BOM)
    end = re.search(rb"[\r\n]", head)
    if end is None and len(head) == _HEAD_BYTES:
        raise PredictionError(f"line 1 is over {_HEAD_BYTES // 1024} KB long: the first line must be a short header")
    return head if end is None else head[: end.start()]


# -- the header ------------------------------------------------------------------------------------------------------


def _check_header(line: bytes, expected: Expected) -> None:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        raise PredictionError(
            "line 1 is not UTF-8 text: save the file as UTF-8 (in Excel: 'CSV UTF-8 (Comma delimited)')"
        ) from None
    names = [name.strip() for name in next(csv.reader([text]), [])]
    wanted = [expected.id_column, expected.prediction_column]
    if names == wanted:
        return
    raise PredictionError(
        f"line 1 (the header) is {text!r} but must be exactly {expected.header!r}: {_hint(names, wanted)}"
    )


def _hint(names: list[str], wanted: list[str]) -> str:
    if not any(names):
        return "add the header as the first line, with no blank line before it"
    if len(names) == 1 and (";" in names[0] or "\t" in names[0]):
        return "separate the columns with commas, not semicolons or tabs"
    if _looks_numeric(names[0]):
        return "the file starts with data; add the header line above it"
    if sorted(names) == sorted(wanted):
        return "the columns are in the wrong order; put the id column first"
    missing = [name for name in wanted if name not in names]
    extra = [name for name in names if name not in wanted]
    if not missing:
        return f"remove the extra column(s) {', '.join(map(repr, extra))}: only the id and the prediction are read"
    lowered = [name.lower() for name in names]
    if all(name.lower() in lowered for name in wanted):
        return "the column names are case-sensitive"
    return f"the column(s) {', '.join(map(repr, missing))} are missing; name the columns as the brief says"


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# -- the rows --------------------------------------------------------------------------------------------------------


def _value_type(expected: Expected) -> pa.DataType:
    if expected.kind in (Prediction.PROBABILITY, Prediction.VALUE):
        return pa.float64()
    if expected.kind is Prediction.LABEL and expected.classes is not None and expected.classes.dtype.kind in "UO":
        return pa.string()
    return pa.int64()  # clusters, and integer labels


def _reader(stream: CsvInput, expected: Expected, *, header: bool, threads: bool = True) -> pacsv.CSVStreamingReader:
    names = [expected.id_column, expected.prediction_column]
    return pacsv.open_csv(
        stream,
        # skip_rows drops the header (with its BOM); threads=False is slower but names the row in its errors
        read_options=pacsv.ReadOptions(
            column_names=names, skip_rows=1 if header else 0, block_size=_BLOCK_BYTES, use_threads=threads
        ),
        # Blank lines are kept (as rows of nulls) so that row r of the file is always on line r + 2.
        parse_options=pacsv.ParseOptions(ignore_empty_lines=False),
        convert_options=pacsv.ConvertOptions(column_types={names[0]: pa.int64(), names[1]: _value_type(expected)}),
    )


class _Result:
    """The aligned predictions, filled block by block, and which test rows have one."""

    def __init__(self, expected: Expected) -> None:
        rows = len(expected.ids)
        self.expected = expected
        self.labels = pa.array(expected.classes, type=_value_type(expected)) if _is_label(expected) else None
        if _value_type(expected) == pa.float64():
            # NaN marks a test row nothing was written to (predictions are checked to be finite before they are
            # written), which saves a second scattered write per row.
            self.values, self.seen = np.full(rows, np.nan), None
        else:
            self.values, self.seen = np.empty(rows, dtype=np.int64), np.zeros(rows, dtype=bool)
        self.stop = threading.Event()  # set when one half failed: the other need not finish

    def put(self, positions: np.ndarray | slice, values: np.ndarray) -> None:
        self.values[positions] = values
        if self.seen is not None:
            self.seen[positions] = True

    def absent(self) -> np.ndarray:
        """Which test rows have no prediction."""
        absent: np.ndarray = np.isnan(self.values) if self.seen is None else ~self.seen
        return absent

    def predictions(self) -> np.ndarray:
        if self.expected.kind is Prediction.LABEL:
            assert self.expected.classes is not None
            labels: np.ndarray = self.expected.classes[self.values]  # codes to labels
            return labels
        return self.values


def _is_label(expected: Expected) -> bool:
    return expected.kind is Prediction.LABEL


@dataclass
class _Part:
    """One stream's progress: the whole file, or one half of it."""

    first_line: int | None  # the line its first row is on; None for a half, which cannot know
    rows: int = 0  # rows read, blank ones included
    kept: int = 0  # rows with an id and a prediction
    first_blank: int | None = None  # the first row with neither
    last_filled: int = -1  # the last row with either

    def fail(self, row: int, problem: Callable[[int], str]) -> NoReturn:
        """Raise ``problem(line)`` for one of this part's rows (a half asks for a recheck instead)."""
        if self.first_line is None:
            raise _Recheck
        raise PredictionError(problem(self.first_line + row))


def _read(source: _Source, expected: Expected, streams: list[CsvInput]) -> np.ndarray:
    result = _Result(expected)
    located = len(streams) == 1
    parts = [_Part(first_line=2 if located else None) for _ in streams]
    try:
        if located:
            _read_part(source, result, streams[0], parts[0], header=True)
        else:
            later = _pool().submit(_read_part, source, result, streams[1], parts[1], header=False)
            try:
                _read_part(source, result, streams[0], parts[0], header=True)
            finally:
                later.result()  # the other half's error, if it had one
    except pa.ArrowInvalid as error:
        if not located:
            raise _Recheck from None
        raise _diagnose(source, expected, error) from None
    except OSError as error:  # pyarrow's own errors for damaged gzip data
        raise PredictionError(f"the file could not be read ({error}): if it is gzipped, gzip the CSV again") from None
    _check_coverage(source, result, parts)
    return result.predictions()


@cache
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="takehome-predictions")


def _read_part(source: _Source, result: _Result, stream: CsvInput, part: _Part, header: bool) -> None:
    try:
        for batch in _reader(stream, result.expected, header=header):
            if result.stop.is_set():
                return
            _take(batch, part, result, source)
    except BaseException:
        result.stop.set()
        raise


def _take(batch: pa.RecordBatch, part: _Part, result: _Result, source: _Source) -> None:
    """Check one parsed block and scatter it into the result; the common case is a few whole-array operations."""
    ids, values = batch.column(0), batch.column(1)
    start, part.rows = part.rows, part.rows + batch.num_rows
    if result.labels is not None:
        values = _label_codes(values, result.labels, part, start)
    kept: np.ndarray | None = None  # the rows with data, where some have none
    if ids.null_count or values.null_count:
        kept = _gaps(np.asarray(ids.is_null()), np.asarray(values.is_null()), part, start, source)
        ids, values = ids.fill_null(0), values.fill_null(0)
    elif batch.num_rows:
        if part.first_blank is not None:
            part.fail(part.first_blank, _blank_line)
        part.last_filled = start + batch.num_rows - 1
    id_array, value_array = ids.to_numpy(), values.to_numpy()
    rows: np.ndarray | None = None  # the block's row of each kept value, where some were dropped
    if kept is not None:
        rows = np.flatnonzero(kept)
        id_array, value_array = id_array[rows], value_array[rows]
    first = _in_test_order(id_array, result.expected)
    positions: np.ndarray | slice
    if first is not None:  # the block lists test rows first, first + 1, ...: one plain copy, no lookups
        positions = slice(first, first + len(id_array))
    else:
        positions = result.expected.index.positions(id_array)
        unknown = positions < 0
        if unknown.any():
            bad = int(np.argmax(unknown))
            part.fail(start + _row(rows, bad), _unknown_id(int(id_array[bad]), result.expected))
    bad_value = _first_invalid(value_array, result.expected.kind)
    if bad_value is not None:
        problem = _invalid_value(float(value_array[bad_value]), result.expected.kind)
        part.fail(start + _row(rows, bad_value), problem)
    result.put(positions, value_array)
    part.kept += len(id_array)


def _in_test_order(ids: np.ndarray, expected: Expected) -> int | None:
    """Where a block's ids start in test order, when they are a run of consecutive test rows (files written in
    test order are the common case); None otherwise, after a look at the ends for most blocks that are not."""
    if len(ids) == 0:
        return None
    first = int(expected.index.positions(ids[:1])[0])
    if first < 0 or first + len(ids) > len(expected.ids) or expected.ids[first + len(ids) - 1] != ids[-1]:
        return None
    return first if np.array_equal(ids, expected.ids[first : first + len(ids)]) else None


def _row(rows: np.ndarray | None, index: int) -> int:
    return index if rows is None else int(rows[index])


def _label_codes(values: pa.Array, labels: pa.Array, part: _Part, start: int) -> pa.Array:
    """Each label's position among the classes: null where the label is missing, an error where it is unknown."""
    codes = pc.index_in(values, value_set=labels)
    if codes.null_count == values.null_count:
        return codes
    empty = np.asarray(values.is_null())
    if pa.types.is_string(values.type):
        empty |= np.asarray(pc.equal(values, "").fill_null(True))
        codes = pc.if_else(pc.equal(values, ""), pa.scalar(None, codes.type), codes)
    unknown = np.asarray(codes.is_null()) & ~empty
    if unknown.any():
        row = int(np.argmax(unknown))
        label = values[row].as_py()
        part.fail(
            start + row,
            lambda line: (
                f"line {line}: the label {label!r} is not one of the classes ({_shown(labels.to_pylist())}): "
                "predict one of these, spelt exactly as in train.csv"
            ),
        )
    return codes


def _shown(labels: list[object]) -> str:
    listed = ", ".join(repr(label) for label in labels[:20])
    return listed + (", ..." if len(labels) > 20 else "")


def _gaps(no_id: np.ndarray, no_value: np.ndarray, part: _Part, start: int, source: _Source) -> np.ndarray:
    """Rows missing an id or a prediction: blank lines may end the file, nothing else may. The rows with data."""
    blank = no_id & no_value
    blanks, filled = np.flatnonzero(blank), np.flatnonzero(~blank)
    if part.first_blank is None and len(blanks):
        part.first_blank = start + int(blanks[0])
    if len(filled):
        part.last_filled = start + int(filled[-1])
    half = np.flatnonzero(no_id ^ no_value)
    half_row = start + int(half[0]) if len(half) else None
    first_blank = part.first_blank
    if first_blank is not None and first_blank < part.last_filled and (half_row is None or first_blank < half_row):
        part.fail(first_blank, _blank_line)
    if half_row is not None:
        if no_id[half_row - start]:
            part.fail(half_row, lambda line: f"line {line} has no id: write the test row's id, then the prediction")
        part.fail(half_row, lambda line: _missing_value(source, line))
    kept: np.ndarray = ~blank
    return kept


def _blank_line(line: int) -> str:
    return f"line {line} is empty (no id and no prediction): delete that line"


def _missing_value(source: _Source, line: int) -> str:
    text = _raw_cell(source, line - 2)
    return f"line {line}: the prediction {text!r} is missing (empty, NA or NaN): every test row needs one"


def _unknown_id(value: int, expected: Expected) -> Callable[[int], str]:
    return lambda line: (
        f"line {line}: {value} is not the id of a test row: predict exactly the rows of test.csv, identified by its "
        f"{expected.id_column!r} column"
    )


def _first_invalid(values: np.ndarray, kind: Prediction) -> int | None:
    """The first value that is not finite (or, for probabilities, outside [0, 1]); None when all are fine."""
    if kind is Prediction.PROBABILITY:
        if len(values) == 0 or (values.min() >= 0 and values.max() <= 1):  # NaN fails both comparisons
            return None
        return int(np.argmin((values >= 0) & (values <= 1)))
    if kind is Prediction.VALUE and not np.isfinite(values).all():
        return int(np.argmin(np.isfinite(values)))
    return None  # integers: parsed means valid


def _invalid_value(value: float, kind: Prediction) -> Callable[[int], str]:
    if not np.isfinite(value):
        return lambda line: f"line {line}: the prediction {value!r} is not a finite number: write a finite number"
    return lambda line: (
        f"line {line}: {value!r} is not a probability: predictions must be in [0, 1] "
        "(the probability of class 1, not a score or a label)"
    )


def _raw_cell(source: _Source, row: int) -> str:
    """The prediction on a data row as written, for a message (reads the file again)."""
    reader = pacsv.open_csv(
        source.stream(),
        read_options=pacsv.ReadOptions(column_names=["id", "value"], skip_rows=1, block_size=_BLOCK_BYTES),
        parse_options=pacsv.ParseOptions(ignore_empty_lines=False),
        convert_options=pacsv.ConvertOptions(column_types={"id": pa.binary(), "value": pa.binary()}),
    )
    seen = 0
    for batch in reader:
        if row < seen + batch.num_rows:
            cell = batch.column(1)[row - seen].as_py()
            return "" if cell is None else bytes(cell).decode("utf-8", "replace")
        seen += batch.num_rows
    return ""


# -- what the parser rejected ----------------------------------------------------------------------------------------

_MALFORMED = re.compile(r"Row #(\d+): Expected (\d+) columns, got (\d+): (.*)", re.DOTALL)
_UNCONVERTIBLE = re.compile(r"In CSV column #(\d+): Row #(\d+): CSV conversion error to \w+: (.*)", re.DOTALL)
_INVALID_VALUE = re.compile(r"invalid value '(.*)'", re.DOTALL)


def _diagnose(source: _Source, expected: Expected, error: pa.ArrowInvalid) -> PredictionError:
    """Read the file again on one thread, where pyarrow's errors carry the line, and phrase the error."""
    try:
        for _ in _reader(source.stream(), expected, header=True, threads=False):
            pass
    except pa.ArrowInvalid as located:
        error = located
    message = str(error)
    malformed = _MALFORMED.search(message)
    if malformed:
        line, _, fields, text = malformed.groups()
        return PredictionError(
            f"line {line} has {fields} fields ({text.strip()!r}) where the header has 2: write exactly "
            f"'<{expected.id_column}>,<{expected.prediction_column}>' on each line, and quote text that holds commas"
        )
    unconvertible = _UNCONVERTIBLE.search(message)
    if unconvertible:
        column, line, problem = unconvertible.groups()
        return PredictionError(_unconvertible(int(column), int(line), problem, expected))
    return PredictionError(f"the file could not be read as CSV ({message}): check it is a plain comma-separated file")


def _unconvertible(column: int, line: int, problem: str, expected: Expected) -> str:
    if "UTF8" in problem:
        return f"line {line} is not UTF-8 text: save the file as UTF-8 (in Excel: 'CSV UTF-8 (Comma delimited)')"
    found = _INVALID_VALUE.search(problem)
    value = found.group(1) if found else problem
    if column == 0:
        return (
            f"line {line}: the id {value!r} is not a whole number: copy the ids from test.csv's {expected.id_column!r}"
        )
    if expected.kind is Prediction.LABEL:
        assert expected.classes is not None
        classes = _shown(expected.classes.tolist())
        return f"line {line}: the label {value!r} is not one of the classes ({classes}): predict one of these"
    if expected.kind is Prediction.CLUSTER:
        return f"line {line}: the cluster {value!r} is not a whole number: name each cluster by an integer"
    what = "a probability between 0 and 1" if expected.kind is Prediction.PROBABILITY else "a number"
    return f"line {line}: the prediction {value!r} is not a number: write {what} (a dot for decimals, no units)"


# -- ids -------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Index:
    """Where each test id sits in test-file order: an offset (ids low, low + 1, ... in order), a dense table from
    id to position (ids within a few times as many slots as rows), or the ids sorted (anything else)."""

    low: int
    count: int
    table: np.ndarray | None = None  # position of id ``low + i``, or -1
    ordered: np.ndarray | None = None  # the ids sorted ...
    sorter: np.ndarray | None = None  # ... and where each of them is in test order

    @classmethod
    def build(cls, ids: np.ndarray) -> _Index:
        if len(ids) == 0:
            return cls(0, 0, table=np.empty(0, dtype=np.int32))
        low, high = int(ids.min()), int(ids.max())
        span = high - low + 1
        if span == len(ids) and ids[0] == low and bool(np.all(np.diff(ids) == 1)):
            return cls(low, len(ids))
        if span <= _DENSE_SPAN_PER_ROW * len(ids) + 1024:
            table = np.full(span, -1, dtype=np.int32 if len(ids) < 2**31 else np.int64)
            table[ids - low] = np.arange(len(ids), dtype=table.dtype)
            return cls(low, len(ids), table=table)
        sorter = np.argsort(ids, kind="stable")
        return cls(low, len(ids), ordered=ids[sorter], sorter=sorter)

    def positions(self, submitted: np.ndarray) -> np.ndarray:
        """Each submitted id's position in test order, -1 for ids that are not test ids."""
        if self.ordered is not None and self.sorter is not None:
            found = np.minimum(np.searchsorted(self.ordered, submitted), self.count - 1)
            return np.where(self.ordered[found] == submitted, self.sorter[found], -1)
        span = self.count if self.table is None else len(self.table)
        offsets = submitted - self.low
        outside = None
        if len(offsets) and (offsets.min() < 0 or offsets.max() >= span):
            outside = (offsets < 0) | (offsets >= span)
            offsets[outside] = 0
        positions = offsets if self.table is None else self.table[offsets]
        if outside is not None:
            positions[outside] = -1
        return positions


def _check_coverage(source: _Source, result: _Result, parts: list[_Part]) -> None:
    """Every test id exactly once: no blank line inside the file, no repeated id, none missing."""
    for earlier, later in itertools.pairwise(parts):
        if earlier.first_blank is not None and later.last_filled >= 0:
            raise _Recheck  # a blank line ends the first half but the second has data
    rows, count = sum(part.kept for part in parts), len(result.expected.ids)
    absent = result.absent()
    covered = count - int(np.count_nonzero(absent))
    if covered < rows:
        raise _repeated_id(source, result.expected, rows)
    if covered < count:
        missing = result.expected.ids[absent]
        listed = ", ".join(str(value) for value in missing[:_SHOWN].tolist()) + (
            ", ..." if len(missing) > _SHOWN else ""
        )
        raise PredictionError(
            f"{len(missing)} test ids have no prediction ({listed}): the file has {rows} rows but test.csv has "
            f"{count}; write one line for every test row"
        )


def _repeated_id(source: _Source, expected: Expected, rows: int) -> PredictionError:
    """The first line whose id an earlier line has: reads the ids again (every one is known to be a test id)."""
    chunks = []
    for batch in _reader(source.stream(), expected, header=True):
        ids = batch.column(0)
        chunks.append(expected.index.positions(ids.drop_null().to_numpy()))  # blank lines come last
    positions = np.concatenate(chunks)
    order = np.argsort(positions, kind="stable")  # stable: each id's rows stay in file order
    repeats = np.flatnonzero(positions[order][1:] == positions[order][:-1]) + 1
    second = int(order[repeats].min())  # the earliest row that repeats an earlier one
    first = int(np.argmax(positions == positions[second]))
    return PredictionError(
        f"line {second + 2}: id {int(expected.ids[positions[second]])} appears again (first on line {first + 2}): "
        f"the file has {rows} rows for {len(expected.ids)} test rows; give each test id exactly one line"
    )
