"""Reading a predictions file: valid files in every shape they come in, and a clear error for each mistake."""

from __future__ import annotations

import gzip
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.csv as pacsv  # type: ignore[import-untyped]
import pytest

from mlinterview.takehome import predictions
from mlinterview.takehome.predictions import Expected, PredictionError, read_predictions
from mlinterview.takehome.spec import Prediction

IDS = np.array([101, 102, 103, 104, 105, 106], dtype=np.int64)
PROBABILITIES = [0.1, 0.25, 0.5, 0.75, 0.9, 1.0]


def _expected(
    kind: Prediction = Prediction.PROBABILITY,
    ids: np.ndarray = IDS,
    classes: np.ndarray | None = None,
    max_bytes: int = 200 * 1024 * 1024,
) -> Expected:
    return Expected("id", "prob", ids, kind, classes, max_bytes)


def _write(folder: Path, text: str | bytes, *, gzipped: bool = False, name: str = "predictions.csv") -> Path:
    data = text.encode() if isinstance(text, str) else text
    path = folder / name
    path.write_bytes(gzip.compress(data) if gzipped else data)
    return path


def _csv(ids: Sequence[object] | np.ndarray, values: Sequence[object], header: str = "id,prob", end: str = "\n") -> str:
    lines = [header, *(f"{i},{v}" for i, v in zip(ids, values, strict=True))]
    return end.join(lines) + end


def _error(folder: Path, text: str | bytes, expected: Expected | None = None, *, gzipped: bool = False) -> str:
    with pytest.raises(PredictionError) as raised:
        read_predictions(_write(folder, text, gzipped=gzipped), expected or _expected())
    return str(raised.value)


@pytest.fixture(params=["one-stream", "two-streams"], autouse=True)
def streams(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs twice: as a small file (one stream) and as if it were large (cut in two, read in parallel,
    where a problem sends the file through one stream again for its line number)."""
    if request.param == "two-streams":
        monkeypatch.setattr(predictions, "_TWO_STREAMS_FROM", 1)
    return str(request.param)


# -- valid files -----------------------------------------------------------------------------------------------------


def test_in_test_order(tmp_path: Path) -> None:
    result = read_predictions(_write(tmp_path, _csv(IDS, PROBABILITIES)), _expected())
    assert result.dtype == np.float64
    np.testing.assert_array_equal(result, PROBABILITIES)


def test_shuffled_rows_are_aligned_by_id(tmp_path: Path) -> None:
    order = [3, 0, 5, 1, 4, 2]
    path = _write(tmp_path, _csv(IDS[order], [PROBABILITIES[i] for i in order]))
    np.testing.assert_array_equal(read_predictions(path, _expected()), PROBABILITIES)


def test_test_ids_in_any_order_with_gaps(tmp_path: Path) -> None:
    ids = np.array([50, 7, 31, 12, 90], dtype=np.int64)  # test-file order, not sorted, with gaps
    values = [0.5, 0.07, 0.31, 0.12, 0.9]
    path = _write(tmp_path, _csv(ids[::-1], values[::-1]))
    np.testing.assert_array_equal(read_predictions(path, _expected(ids=ids)), values)


def test_sparse_ids(tmp_path: Path) -> None:
    ids = np.array([5_000_000_000, -3, 10, 123_456_789], dtype=np.int64)  # too spread for a lookup table
    path = _write(tmp_path, _csv([10, 5_000_000_000, 123_456_789, -3], [0.3, 0.1, 0.4, 0.2]))
    np.testing.assert_array_equal(read_predictions(path, _expected(ids=ids)), [0.1, 0.2, 0.3, 0.4])


def test_gzipped(tmp_path: Path) -> None:
    path = _write(tmp_path, _csv(IDS[::-1], PROBABILITIES[::-1]), gzipped=True, name="predictions.csv.gz")
    np.testing.assert_array_equal(read_predictions(path, _expected()), PROBABILITIES)


def test_gzipped_under_any_name(tmp_path: Path) -> None:
    path = _write(tmp_path, _csv(IDS, PROBABILITIES), gzipped=True, name="predictions.csv")
    np.testing.assert_array_equal(read_predictions(path, _expected()), PROBABILITIES)


def test_utf8_byte_order_mark(tmp_path: Path) -> None:
    path = _write(tmp_path, b"\xef\xbb\xbf" + _csv(IDS, PROBABILITIES).encode())
    np.testing.assert_array_equal(read_predictions(path, _expected()), PROBABILITIES)


def test_crlf_line_endings(tmp_path: Path) -> None:
    path = _write(tmp_path, _csv(IDS, PROBABILITIES, end="\r\n"))
    np.testing.assert_array_equal(read_predictions(path, _expected()), PROBABILITIES)


def test_quoted_header_and_values_as_r_writes_them(tmp_path: Path) -> None:
    text = '"id","prob"\n' + "".join(f'{i},"{v}"\n' for i, v in zip(IDS, PROBABILITIES, strict=True))
    np.testing.assert_array_equal(read_predictions(_write(tmp_path, text), _expected()), PROBABILITIES)


def test_no_final_line_end_and_blank_lines_at_the_end(tmp_path: Path) -> None:
    text = _csv(IDS, PROBABILITIES)
    np.testing.assert_array_equal(read_predictions(_write(tmp_path, text.rstrip("\n")), _expected()), PROBABILITIES)
    np.testing.assert_array_equal(read_predictions(_write(tmp_path, text + "\n\n"), _expected()), PROBABILITIES)


def test_spaces_around_numbers_and_exponents(tmp_path: Path) -> None:
    values = [" 0.1", "2.5e-1 ", "5E-1", ".75", "0.9", "1"]
    path = _write(tmp_path, _csv(IDS, values))
    np.testing.assert_array_equal(read_predictions(path, _expected()), PROBABILITIES)


def test_values_may_be_any_finite_number(tmp_path: Path) -> None:
    path = _write(tmp_path, _csv(IDS, [-1e6, 0, 3.5, 1e300, -0.0, 42]))
    result = read_predictions(path, _expected(Prediction.VALUE))
    np.testing.assert_array_equal(result, [-1e6, 0, 3.5, 1e300, -0.0, 42])


def test_string_labels(tmp_path: Path) -> None:
    classes = np.array(["cat", "dog", "eel"])
    labels = ["dog", "cat", "eel", "eel", "cat", "dog"]
    path = _write(tmp_path, _csv(IDS[::-1], labels[::-1]))
    result = read_predictions(path, _expected(Prediction.LABEL, classes=classes))
    assert result.dtype == classes.dtype
    np.testing.assert_array_equal(result, labels)


def test_integer_labels(tmp_path: Path) -> None:
    classes = np.array([0, 1, 7])
    path = _write(tmp_path, _csv(IDS, [7, 0, 1, 1, 7, 0]))
    result = read_predictions(path, _expected(Prediction.LABEL, classes=classes))
    assert result.dtype == classes.dtype
    np.testing.assert_array_equal(result, [7, 0, 1, 1, 7, 0])


def test_clusters(tmp_path: Path) -> None:
    path = _write(tmp_path, _csv(IDS, [3, -1, 3, 900_000_000_000, 0, 2]))
    result = read_predictions(path, _expected(Prediction.CLUSTER))
    assert result.dtype == np.int64
    np.testing.assert_array_equal(result, [3, -1, 3, 900_000_000_000, 0, 2])


def test_two_million_rows_are_aligned_in_reasonable_time(tmp_path: Path) -> None:
    rows = 2_000_000
    rng = np.random.default_rng(5)
    ids = np.sort(rng.choice(3 * rows, size=rows, replace=False)).astype(np.int64) + 1000
    values = np.round(rng.random(rows), 12)
    order = rng.permutation(rows)
    path = tmp_path / "big.csv"
    with path.open("wb") as handle:
        handle.write(b"id,prob\n")
        table = pa.table({"id": ids[order], "prob": values[order]})
        pacsv.write_csv(table, handle, write_options=pacsv.WriteOptions(include_header=False))
    started = time.perf_counter()
    result = read_predictions(path, _expected(ids=ids))
    elapsed = time.perf_counter() - started
    np.testing.assert_array_equal(result, values)
    assert elapsed < 10, f"{elapsed:.1f} s to read {rows:,} rows"


# -- the file as a whole ---------------------------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    assert "the file is empty" in _error(tmp_path, b"")
    assert "the file is empty" in _error(tmp_path, b"\n \n")
    assert "the file is empty" in _error(tmp_path, b"", gzipped=True)


def test_zip_archive(tmp_path: Path) -> None:
    assert "zip archive" in _error(tmp_path, b"PK\x03\x04rest-of-a-zip")


def test_damaged_gzip(tmp_path: Path) -> None:
    data = gzip.compress(_csv(IDS, PROBABILITIES).encode())
    message = _error(tmp_path, data[:12] + b"\x00" * 40)
    assert "gzip" in message


def test_utf16(tmp_path: Path) -> None:
    message = _error(tmp_path, _csv(IDS, PROBABILITIES).encode("utf-16"))
    assert "UTF-16" in message
    assert "save it as UTF-8" in message


def test_header_not_utf8(tmp_path: Path) -> None:
    message = _error(tmp_path, "id,pr\xe9diction\n101,0.5\n".encode("latin-1"))
    assert "line 1 is not UTF-8" in message
    assert "save the file as UTF-8" in message


def test_label_not_utf8(tmp_path: Path) -> None:
    classes = np.array(["café", "thé"])
    text = _csv(IDS, ["café", "thé", "thé", "café", "thé", "café"]).encode("latin-1")
    message = _error(tmp_path, text, _expected(Prediction.LABEL, classes=classes))
    assert "line 2 is not UTF-8" in message
    assert "save the file as UTF-8" in message


def test_file_over_the_limit(tmp_path: Path) -> None:
    message = _error(tmp_path, _csv(IDS, PROBABILITIES), _expected(max_bytes=40))
    assert "the file is larger than 40 bytes of CSV, the limit" in message
    assert "gzip does not raise it" in message


def test_gzipped_file_unpacking_over_the_limit(tmp_path: Path) -> None:
    big = "id,prob\n" + "101,0.5\n" * 200_000  # 1.6 MB of CSV, a few KB gzipped
    message = _error(tmp_path, big, _expected(max_bytes=1024 * 1024), gzipped=True)
    assert "unpacks to more than 1 MB" in message
    assert "gzip does not raise it" in message


# -- the header ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "hint"),
    [
        ("ID,Prob", "case-sensitive"),
        ("prob,id", "wrong order"),
        ("id,prob,model", "remove the extra column(s) 'model'"),
        ("id", "'prob' are missing"),
        ("id;prob", "commas, not semicolons"),
        ("row,score", "'id', 'prob' are missing"),
        ("", "add the header as the first line"),
    ],
)
def test_wrong_header(tmp_path: Path, header: str, hint: str) -> None:
    message = _error(tmp_path, _csv(IDS, PROBABILITIES, header=header))
    assert f"line 1 (the header) is {header!r}" in message
    assert "must be exactly 'id,prob'" in message
    assert hint in message


def test_missing_header(tmp_path: Path) -> None:
    message = _error(tmp_path, "101,0.1\n102,0.25\n")
    assert "'101,0.1'" in message
    assert "add the header line above it" in message


# -- rows ------------------------------------------------------------------------------------------------------------


def test_too_few_rows_lists_the_missing_ids(tmp_path: Path) -> None:
    message = _error(tmp_path, _csv(IDS[:5], PROBABILITIES[:5]))
    assert "1 test ids have no prediction (106)" in message
    assert "the file has 5 rows but test.csv has 6" in message


def test_many_missing_ids_show_five(tmp_path: Path) -> None:
    ids = np.arange(1, 21, dtype=np.int64)
    message = _error(tmp_path, _csv(ids[:10], [0.5] * 10), _expected(ids=ids))
    assert "10 test ids have no prediction (11, 12, 13, 14, 15, ...)" in message


def test_header_only(tmp_path: Path) -> None:
    message = _error(tmp_path, "id,prob\n")
    assert "6 test ids have no prediction" in message
    assert "the file has 0 rows" in message


def test_duplicate_id(tmp_path: Path) -> None:
    ids = [101, 102, 103, 102, 104, 105, 106]
    message = _error(tmp_path, _csv(ids, [0.5] * 7))
    assert "line 5: id 102 appears again (first on line 3)" in message
    assert "7 rows for 6 test rows" in message


def test_unknown_id(tmp_path: Path) -> None:
    ids = [101, 102, 103, 999, 105, 106]
    message = _error(tmp_path, _csv(ids, PROBABILITIES))
    assert "line 5: 999 is not the id of a test row" in message
    assert "'id' column" in message


def test_unknown_id_among_sparse_ids(tmp_path: Path) -> None:
    ids = np.array([5_000_000_000, 10], dtype=np.int64)
    message = _error(tmp_path, _csv([10, 11], [0.5, 0.5]), _expected(ids=ids))
    assert "line 3: 11 is not the id of a test row" in message


@pytest.mark.parametrize("bad", ["2.5", "abc", "1e3", "99999999999999999999"])
def test_id_not_an_integer(tmp_path: Path, bad: str) -> None:
    ids = ["101", "102", bad, "104", "105", "106"]
    message = _error(tmp_path, _csv(ids, PROBABILITIES))
    assert f"line 4: the id {bad!r} is not a whole number" in message


def test_missing_id(tmp_path: Path) -> None:
    message = _error(tmp_path, "id,prob\n101,0.1\n,0.2\n")
    assert "line 3 has no id" in message


@pytest.mark.parametrize("bad", ["", "NaN", "nan", "NA", "null"])
def test_missing_prediction(tmp_path: Path, bad: str) -> None:
    values: list[object] = [0.1, 0.2, 0.3, bad, 0.5, 0.6]
    message = _error(tmp_path, _csv(IDS, values))
    assert f"line 5: the prediction {bad!r} is missing" in message
    assert "every test row needs one" in message


@pytest.mark.parametrize("bad", ["abc", "0,5", "50%", "0.5.1"])
def test_prediction_not_a_number(tmp_path: Path, bad: str) -> None:
    values: list[object] = [0.1, 0.2, f'"{bad}"' if "," in bad else bad, 0.4, 0.5, 0.6]
    message = _error(tmp_path, _csv(IDS, values))
    assert f"line 4: the prediction {bad!r} is not a number" in message
    assert "a probability between 0 and 1" in message


@pytest.mark.parametrize("bad", [1.5, -0.01, 2])
def test_probability_out_of_range(tmp_path: Path, bad: float) -> None:
    values: list[object] = [0.1, 0.2, 0.3, 0.4, 0.5, bad]
    message = _error(tmp_path, _csv(IDS, values))
    assert f"line 7: {float(bad)!r} is not a probability" in message
    assert "[0, 1]" in message


@pytest.mark.parametrize("kind", [Prediction.PROBABILITY, Prediction.VALUE])
@pytest.mark.parametrize("bad", ["inf", "-inf", "Infinity"])
def test_infinite_prediction(tmp_path: Path, kind: Prediction, bad: str) -> None:
    values: list[object] = [0.1, bad, 0.3, 0.4, 0.5, 0.6]
    message = _error(tmp_path, _csv(IDS, values), _expected(kind))
    assert "line 3: the prediction" in message
    assert "inf" in message
    assert "not a finite number" in message


def test_unknown_string_label(tmp_path: Path) -> None:
    classes = np.array(["cat", "dog"])
    message = _error(
        tmp_path, _csv(IDS, ["cat", "dog", "Dog", "cat", "cat", "dog"]), _expected(Prediction.LABEL, classes=classes)
    )
    assert "line 4: the label 'Dog' is not one of the classes ('cat', 'dog')" in message


def test_unknown_integer_label(tmp_path: Path) -> None:
    classes = np.array([0, 1])
    expected = _expected(Prediction.LABEL, classes=classes)
    assert "line 6: the label 2 is not one of the classes (0, 1)" in _error(
        tmp_path, _csv(IDS, [0, 1, 1, 0, 2, 1]), expected
    )
    assert "line 3: the label 'yes' is not one of the classes (0, 1)" in _error(
        tmp_path, _csv(IDS, [0, "yes", 1, 0, 1, 1]), expected
    )


def test_empty_label(tmp_path: Path) -> None:
    classes = np.array(["cat", "dog"])
    message = _error(
        tmp_path, _csv(IDS, ["cat", "", "dog", "cat", "cat", "dog"]), _expected(Prediction.LABEL, classes=classes)
    )
    assert "line 3: the prediction '' is missing" in message


def test_cluster_not_an_integer(tmp_path: Path) -> None:
    message = _error(tmp_path, _csv(IDS, [1, 2, "x", 1, 2, 1]), _expected(Prediction.CLUSTER))
    assert "line 4: the cluster 'x' is not a whole number" in message


@pytest.mark.parametrize(("line", "fields"), [("103,0.5,extra", 3), ("103", 1)])
def test_malformed_line(tmp_path: Path, line: str, fields: int) -> None:
    text = "id,prob\n101,0.1\n102,0.2\n" + line + "\n104,0.4\n"
    message = _error(tmp_path, text)
    assert f"line 4 has {fields} fields" in message
    assert "write exactly '<id>,<prob>' on each line" in message


def test_blank_line_inside_the_file(tmp_path: Path) -> None:
    text = "id,prob\n101,0.1\n102,0.2\n\n103,0.3\n104,0.4\n105,0.5\n106,1\n"
    message = _error(tmp_path, text)
    assert "line 4 is empty" in message
    assert "delete that line" in message


def test_line_numbers_count_blank_lines_at_the_end_of_nothing(tmp_path: Path) -> None:
    text = "id,prob\r\n101,0.1\r\n102,7\r\n\r\n"
    assert "line 3: 7.0 is not a probability" in _error(tmp_path, text)


# -- the expectation -------------------------------------------------------------------------------------------------


def test_expected_wants_int64_ids() -> None:
    with pytest.raises(TypeError, match="int64"):
        Expected("id", "prob", np.array([1, 2], dtype=np.int32), Prediction.VALUE, None)


def test_expected_labels_need_classes() -> None:
    with pytest.raises(TypeError, match="classes"):
        Expected("id", "prob", IDS, Prediction.LABEL, None)


def test_expected_header() -> None:
    assert _expected().header == "id,prob"


# -- files written in test order, read a small block at a time --------------------------------------------------------


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(predictions, "_BLOCK_BYTES", 256)  # about 20 rows a block


def test_in_order_blocks_are_copied_whole(tmp_path: Path, small_blocks: None) -> None:
    ids = np.arange(1000, 1500, dtype=np.int64)
    values = np.round(np.linspace(0, 1, 500), 6)
    path = _write(tmp_path, _csv(ids, values.tolist()))
    np.testing.assert_array_equal(read_predictions(path, _expected(ids=ids)), values)


def test_in_order_blocks_that_repeat_rows(tmp_path: Path, small_blocks: None) -> None:
    ids = np.arange(1000, 1500, dtype=np.int64)
    written = [*ids[:300].tolist(), *ids[250:].tolist()]  # rows 250 to 299 twice, each run in test order
    message = _error(tmp_path, _csv(written, [0.5] * len(written)), _expected(ids=ids))
    assert "line 302: id 1250 appears again (first on line 252)" in message


def test_in_order_blocks_that_skip_rows(tmp_path: Path, small_blocks: None) -> None:
    ids = np.arange(1000, 1500, dtype=np.int64)
    written = [*ids[:300].tolist(), *ids[310:].tolist()]
    message = _error(tmp_path, _csv(written, [0.5] * len(written)), _expected(ids=ids))
    assert "10 test ids have no prediction (1300, 1301, 1302, 1303, 1304, ...)" in message


def test_in_order_blocks_still_check_values(tmp_path: Path, small_blocks: None) -> None:
    ids = np.arange(1000, 1500, dtype=np.int64)
    values: list[object] = [0.5] * 500
    values[421] = 1.5
    message = _error(tmp_path, _csv(ids, values), _expected(ids=ids))
    assert "line 423: 1.5 is not a probability" in message


def test_labels_with_blank_lines_at_the_end(tmp_path: Path) -> None:
    classes = np.array(["cat", "dog"])
    text = _csv(IDS, ["cat", "dog", "dog", "cat", "cat", "dog"]) + "\n\n"
    result = read_predictions(_write(tmp_path, text), _expected(Prediction.LABEL, classes=classes))
    np.testing.assert_array_equal(result, ["cat", "dog", "dog", "cat", "cat", "dog"])


def test_labels_with_a_blank_line_inside(tmp_path: Path) -> None:
    classes = np.array(["cat", "dog"])
    text = "id,prob\n101,cat\n\n102,dog\n"
    message = _error(tmp_path, text, _expected(Prediction.LABEL, classes=classes))
    assert "line 3 is empty" in message
