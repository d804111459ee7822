"""Synthetic scanned-form digits built from scikit-learn's bundled 8x8 digit images (``load_digits``, no download).

Generative process
------------------
1. Source images: the 1,797 images of ``sklearn.datasets.load_digits`` (pixel intensities 0..16, label 0..9).
2. Class imbalance: each digit keeps a fixed share of its source images (digits 5, 8 and 9 are kept at 35-55 %,
   4 and 7 at 80-85 %, the rest in full), mimicking forms where some digits are rarer.
3. Split: the kept source images are split 60/40 into train and test, stratified by digit, *before* augmentation,
   so that no source image contributes to both files.
4. Augmentation (documented for the reviewer, not the candidate): every source image yields its original plus
   0-2 extra copies (Binomial(2, 0.5)); each extra copy is shifted by one pixel in a random direction (zero fill).
   This gives roughly 2,900 rows in total (about 1,700 train and 1,150 test).
5. Scanner effects: each row is assigned one of three scanners at random. The observed pixel is
   ``clip(gain * pixel + offset + N(0, sigma), 0, 16)`` with (gain, offset, sigma) = (1.0, 0.0, 0.5) for SC-A,
   (0.75, 1.2, 0.8) for SC-B (washed-out, grey background) and (1.25, 0.0, 0.6) for SC-C (high contrast,
   saturated). Values are rounded to 2 decimals.
6. Corruption: about 1.2 % of rows are blank (only scanner background noise), about 0.8 % are smudged (every pixel
   uniform on 0..16). The label is kept, so these rows are essentially unpredictable.
7. Missing values: about 4 % of rows lose a run of 3-10 consecutive pixels (transmission drop-out, NaN).
8. Label noise: about 1.5 % of *train* labels are replaced by a random other digit (transcription errors).
   Test labels are the true digits.

The target ``label`` depends only on the pixels (through the original handwritten digit); ``scanner`` is a
nuisance variable that changes the intensity scale.

Leakage trap
------------
``scan_batch``: in the training archive the forms were sorted by digit before being scanned in batches of ~45,
so each train batch is ~85 % one digit (10 % of rows are then moved to a random train batch). A model can read
the label off the batch id and cross-validate almost perfectly. The test forms came from a later, unsorted
intake: their batch ids (numbered after the train ones) never occur in train and their digits are mixed, so any
use of ``scan_batch`` fails on test (a tree on the batch number extrapolates the digit of the last train batches).

Ids are drawn at random from 100000..999999 for train and test together and carry no information.
"""

from __future__ import annotations

import numpy as np
from sklearn.datasets import load_digits

KEEP_SHARE = np.array([1.0, 1.0, 1.0, 1.0, 0.85, 0.35, 1.0, 0.8, 0.4, 0.55])
SCANNERS = np.array(["SC-A", "SC-B", "SC-C"])
SCANNER_PROBS = np.array([0.45, 0.3, 0.25])
GAIN = np.array([1.0, 0.75, 1.25])
OFFSET = np.array([0.0, 1.2, 0.0])
SIGMA = np.array([0.5, 0.8, 0.6])
BATCH_SIZE = 45


def _shift(image: np.ndarray, dy: int, dx: int) -> np.ndarray:
    """Shift an 8x8 image by (dy, dx) pixels with zero fill."""
    out = np.zeros_like(image)
    src = image[max(0, -dy) : 8 - max(0, dy), max(0, -dx) : 8 - max(0, dx)]
    out[max(0, dy) : max(0, dy) + src.shape[0], max(0, dx) : max(0, dx) + src.shape[1]] = src
    return out


def _augment(images: np.ndarray, labels: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    directions = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1) if (dy, dx) != (0, 0)]
    out_images, out_labels = [], []
    extra = rng.binomial(2, 0.5, size=len(images))
    for image, label, n_extra in zip(images, labels, extra, strict=True):
        grid = image.reshape(8, 8)
        out_images.append(grid.ravel())
        out_labels.append(label)
        for pick in rng.choice(len(directions), size=n_extra, replace=False):
            dy, dx = directions[pick]
            out_images.append(_shift(grid, dy, dx).ravel())
            out_labels.append(label)
    return np.array(out_images, dtype=np.float64), np.array(out_labels, dtype=np.int64)


def _scan(images: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Apply scanner gain/offset/noise, corruption and pixel drop-outs. Returns pixels and scanner names."""
    n = len(images)
    scanner = rng.choice(3, size=n, p=SCANNER_PROBS)
    noise = rng.normal(0.0, 1.0, size=images.shape) * SIGMA[scanner, None]
    pixels = GAIN[scanner, None] * images + OFFSET[scanner, None] + noise
    kind = rng.random(n)
    blank = kind < 0.012
    smudged = (kind >= 0.012) & (kind < 0.02)
    pixels[blank] = OFFSET[scanner[blank], None] + rng.normal(0.0, 1.0, size=(blank.sum(), 64)) * 0.5
    pixels[smudged] = rng.uniform(0.0, 16.0, size=(smudged.sum(), 64))
    pixels = np.round(np.clip(pixels, 0.0, 16.0), 2)
    for row in np.flatnonzero(rng.random(n) < 0.04):
        length = int(rng.integers(3, 11))
        start = int(rng.integers(0, 64 - length + 1))
        pixels[row, start : start + length] = np.nan
    return pixels, SCANNERS[scanner]


def _sorted_batches(labels: np.ndarray, rng: np.random.Generator, first: int) -> np.ndarray:
    """Train archive: forms sorted by digit, then cut into batches; 10 % of rows moved to a random batch."""
    order = np.lexsort((rng.random(len(labels)), labels))
    batch = np.empty(len(labels), dtype=np.int64)
    batch[order] = np.arange(len(labels)) // BATCH_SIZE
    n_batches = int(batch.max()) + 1
    moved = rng.random(len(labels)) < 0.10
    batch[moved] = rng.integers(0, n_batches, size=moved.sum())
    return batch + first


def _mixed_batches(n: int, rng: np.random.Generator, first: int) -> np.ndarray:
    """Later intake: unsorted forms, batches in arrival order."""
    batch = np.empty(n, dtype=np.int64)
    batch[rng.permutation(n)] = np.arange(n) // BATCH_SIZE
    return batch + first


def generate(seed: int) -> dict:
    rng = np.random.default_rng(seed)
    digits = load_digits()
    images, labels = digits.data.astype(np.float64), digits.target.astype(np.int64)

    keep = rng.random(len(labels)) < KEEP_SHARE[labels]
    images, labels = images[keep], labels[keep]

    in_train = np.zeros(len(labels), dtype=bool)
    for digit in range(10):
        members = rng.permutation(np.flatnonzero(labels == digit))
        in_train[members[: round(0.6 * len(members))]] = True

    train_images, train_labels = _augment(images[in_train], labels[in_train], rng)
    test_images, test_labels = _augment(images[~in_train], labels[~in_train], rng)

    perm = rng.permutation(len(train_labels))
    train_images, train_labels = train_images[perm], train_labels[perm]
    perm = rng.permutation(len(test_labels))
    test_images, test_labels = test_images[perm], test_labels[perm]

    train_pixels, train_scanner = _scan(train_images, rng)
    test_pixels, test_scanner = _scan(test_images, rng)

    train_batch = _sorted_batches(train_labels, rng, first=1)
    test_batch = _mixed_batches(len(test_labels), rng, first=int(train_batch.max()) + 1)

    noisy = rng.random(len(train_labels)) < 0.015
    train_target = train_labels.copy()
    train_target[noisy] = (train_labels[noisy] + rng.integers(1, 10, size=noisy.sum())) % 10

    ids = rng.choice(900_000, size=len(train_labels) + len(test_labels), replace=False).astype(np.int64) + 100_000
    train_ids, test_ids = ids[: len(train_labels)], ids[len(train_labels) :]

    def table(ids_: np.ndarray, scanner: np.ndarray, batch: np.ndarray, pixels: np.ndarray) -> dict:
        cols: dict[str, np.ndarray] = {
            "id": ids_,
            "scanner": scanner.astype(object),
            "scan_batch": np.array([f"B{b:03d}" for b in batch], dtype=object),
        }
        for j in range(64):
            cols[f"px_{j}"] = pixels[:, j].copy()
        return cols

    train = table(train_ids, train_scanner, train_batch, train_pixels)
    train["label"] = train_target
    test = table(test_ids, test_scanner, test_batch, test_pixels)
    labels_out = {"id": test_ids.copy(), "label": test_labels}
    return {"train": train, "test": test, "labels": labels_out}
