"""Similarity of two submissions: renamed, reformatted, re-commented copies are flagged; honest work is not."""

import json
import os
import subprocess
import sys
import textwrap
import tokenize

import pytest

from mlinterview.exercises.similarity import THRESHOLD, Comparison, Match, compare, fingerprint, flagged


def src(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


ORIGINAL = src('''
    import numpy as np


    def kmeans(X, initial_centroids, n_iter):
        """Lloyd's k-means from the given centroids."""
        X = np.asarray(X, dtype=float)
        centroids = np.array(initial_centroids, dtype=float)
        # squared distance from every point to every centroid
        distances = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
        labels = np.argmin(distances, axis=1)
        for _ in range(n_iter):
            for j in range(len(centroids)):
                members = X[labels == j]
                if len(members) > 0:
                    centroids[j] = members.mean(axis=0)
            distances = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
            new_labels = np.argmin(distances, axis=1)
            if np.array_equal(new_labels, labels):
                break
            labels = new_labels
        return centroids, labels
''')

# The same code with every local renamed, the layout changed, comments and a docstring rewritten.
COPY = src("""
    import numpy as xp

    def kmeans(points, start, steps):
        '''
        Cluster the points.

        Uses Lloyd's algorithm.
        '''
        points = xp.asarray(points,
                            dtype=float)
        centers = xp.array(start, dtype=float)   # copy so the caller's array is untouched
        d = ((points[:, None, :] - centers[None, :, :]) ** 2).sum(axis = 2)
        assign = xp.argmin(d, axis = 1)

        for it in range(steps):
            # move each centre to the mean of its points
            for c in range(len(centers)):
                pts = points[assign == c]
                if len(pts) > 0:
                    centers[c] = pts.mean(axis=0)

            d = ((points[:, None, :]
                  - centers[None, :, :]) ** 2).sum(axis=2)
            updated = xp.argmin(d, axis=1)
            if xp.array_equal(updated, assign):
                break   # converged
            assign = updated

        return centers, assign
""")

LOOPS = src("""
    def precision_recall_f1(y_true, y_pred, positive=1):
        tp = fp = fn = 0
        for truth, guess in zip(y_true, y_pred):
            if guess == positive and truth == positive:
                tp += 1
            elif guess == positive:
                fp += 1
            elif truth == positive:
                fn += 1
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return float(precision), float(recall), float(f1)
""")

VECTORISED = src("""
    import numpy as np


    def precision_recall_f1(y_true, y_pred, positive=1):
        truth = np.asarray(y_true) == positive
        guess = np.asarray(y_pred) == positive
        hits = int(np.count_nonzero(truth & guess))
        predicted, actual = int(guess.sum()), int(truth.sum())
        precision = hits / predicted if predicted else 0.0
        recall = hits / actual if actual else 0.0
        if precision + recall == 0:
            return 0.0, 0.0, 0.0
        return precision, recall, 2 * precision * recall / (precision + recall)
""")

STARTER = src('''
    def precision_recall_f1(y_true, y_pred, positive=1):
        """Return (precision, recall, f1) for the class `positive`.

        y_true and y_pred are equally long lists of labels; every label other than `positive` is negative.
        """
        raise NotImplementedError("count true positives, false positives and false negatives first")
''')

# Two candidates who kept the starter's signature and docstring and wrote a few different lines each.
FILLED_A = STARTER.replace(
    '    raise NotImplementedError("count true positives, false positives and false negatives first")\n',
    "    pairs = list(zip(y_true, y_pred))\n"
    "    tp = pairs.count((positive, positive))\n"
    "    p = tp / max(sum(g == positive for _, g in pairs), 1)\n"
    "    r = tp / max(sum(t == positive for t, _ in pairs), 1)\n"
    "    return p, r, 2 * p * r / (p + r) if p + r else 0.0\n",
)
FILLED_B = STARTER.replace(
    '    raise NotImplementedError("count true positives, false positives and false negatives first")\n',
    "    import numpy as np\n"
    "    t, g = np.asarray(y_true) == positive, np.asarray(y_pred) == positive\n"
    "    prec = (t & g).sum() / g.sum() if g.any() else 0.0\n"
    "    rec = (t & g).sum() / t.sum() if t.any() else 0.0\n"
    "    return float(prec), float(rec), float(2 * prec * rec / (prec + rec)) if prec + rec else 0.0\n",
)

# A starter that also hands out a helper: most of each short submission is then given code.
HELPER_STARTER = src('''
    def confusion_counts(y_true, y_pred, positive):
        """Given: (tp, fp, fn) for the class `positive`."""
        tp = fp = fn = 0
        for truth, guess in zip(y_true, y_pred):
            if guess == positive and truth == positive:
                tp += 1
            elif guess == positive:
                fp += 1
            elif truth == positive:
                fn += 1
        return tp, fp, fn


    def precision_recall_f1(y_true, y_pred, positive=1):
        """Return (precision, recall, f1) for the class `positive`."""
        raise NotImplementedError("use confusion_counts, then guard every division")
''')
HELPER_A = HELPER_STARTER.replace(
    '    raise NotImplementedError("use confusion_counts, then guard every division")\n',
    "    tp, fp, fn = confusion_counts(y_true, y_pred, positive)\n"
    "    precision = tp / (tp + fp) if tp + fp else 0.0\n"
    "    recall = tp / (tp + fn) if tp + fn else 0.0\n"
    "    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0\n"
    "    return precision, recall, f1\n",
)
HELPER_B = HELPER_STARTER.replace(
    '    raise NotImplementedError("use confusion_counts, then guard every division")\n',
    "    counts = confusion_counts(y_true, y_pred, positive)\n"
    "    hits, false_alarms, misses = counts\n"
    "    if hits == 0:\n"
    "        return 0.0, 0.0, 0.0\n"
    "    p, r = hits / (hits + false_alarms), hits / (hits + misses)\n"
    "    return p, r, 2 * p * r / (p + r)\n",
)

TWO_FUNCTIONS = src("""
    import numpy as np


    def standardise(train, test):
        mean = train.mean(axis=0)
        std = train.std(axis=0)
        std[std == 0] = 1.0
        return (train - mean) / std, (test - mean) / std


    def train_test_split(X, y, test_size, seed):
        rng = np.random.default_rng(seed)
        order = rng.permutation(len(X))
        cut = int(round(len(X) * (1 - test_size)))
        train, test = order[:cut], order[cut:]
        return X[train], X[test], y[train], y[test]
""")

# A missing closing bracket and an unterminated docstring: tokenize gives up on this one.
BROKEN = ORIGINAL.replace('"""Lloyd\'s k-means from the given centroids."""', '"""Lloyd\'s k-means').replace(
    "return centroids, labels", "return (centroids, labels"
)


def covered(matches: list[tuple[int, int]]) -> set[int]:
    return {line for first, last in matches for line in range(first, last + 1)}


def test_a_renamed_reformatted_recommented_copy_is_flagged() -> None:
    result = compare(ORIGINAL, COPY)
    assert result.score >= 0.9
    assert flagged(result)
    assert result.shared > 10


def test_the_matches_cover_the_copied_lines_on_both_sides() -> None:
    # Everything was copied: the original's 21 lines are the copy's 29, as one range on each side.
    assert compare(ORIGINAL, COPY).matches == [Match(a_lines=(1, 21), b_lines=(1, 29))]
    assert compare(COPY, ORIGINAL).matches == [Match(a_lines=(1, 29), b_lines=(1, 21))]


def test_a_partial_copy_is_matched_on_the_copied_lines_only() -> None:
    own_start = src("""
        import numpy as xp


        def kmeans(points, start, steps):
            points = xp.array(points, dtype=float, copy=True)
            centers = xp.stack([xp.ravel(c).astype(float) for c in start])
            assign = xp.full(len(points), -1)
    """)
    partial = own_start + "\n".join(COPY.splitlines()[14:]) + "\n"  # then the copy's loop, lines 15-29
    starter = "def kmeans(X, initial_centroids, n_iter):\n    raise NotImplementedError\n"
    result = compare(ORIGINAL, partial, starter=starter)
    assert flagged(result)
    # The loop is the original's lines 11-21 and the partial copy's lines 8-22. Line 6 is the candidate's own
    # (line 7 is too, but its last tokens, `-1)`, begin a k-gram that runs on into the copied loop).
    assert set(range(11, 22)) <= covered([m.a_lines for m in result.matches])
    assert set(range(8, 23)) <= covered([m.b_lines for m in result.matches])
    assert 6 not in covered([m.b_lines for m in result.matches])


def test_each_match_is_one_merged_range_per_side() -> None:
    matches = compare(ORIGINAL, COPY).matches
    for i, one in enumerate(matches):
        for other in matches[i + 1 :]:
            apart_a = one.a_lines[1] + 1 < other.a_lines[0] or other.a_lines[1] + 1 < one.a_lines[0]
            apart_b = one.b_lines[1] + 1 < other.b_lines[0] or other.b_lines[1] + 1 < one.b_lines[0]
            assert apart_a or apart_b, (one, other)


def test_two_independent_solutions_are_not_flagged() -> None:
    result = compare(LOOPS, VECTORISED)
    assert result.score < THRESHOLD
    assert not flagged(result)


def test_the_starter_code_does_not_make_two_submissions_alike() -> None:
    without = compare(FILLED_A, FILLED_B)
    with_starter = compare(FILLED_A, FILLED_B, starter=STARTER)
    assert with_starter.score < without.score  # the starter was doing the matching
    assert with_starter.score < 0.3
    assert not flagged(with_starter)
    # The signature the starter gives (line 1 of both) is not shown as a match.
    assert all(m.a_lines[0] > 1 or m.b_lines[0] > 1 for m in with_starter.matches)


def test_a_shared_helper_from_the_starter_is_not_counted() -> None:
    assert flagged(compare(HELPER_A, HELPER_B))  # without the starter, its helper makes them look alike
    result = compare(HELPER_A, HELPER_B, starter=HELPER_STARTER)
    assert result.score < 0.4  # what is left is the F1 formula both wrote, which is the same code
    assert not flagged(result)
    assert not covered([m.a_lines for m in result.matches]) & set(range(2, 12))  # the helper's body


def test_a_copy_is_still_flagged_when_the_starter_is_removed() -> None:
    copied = FILLED_A.replace("pairs", "zipped").replace("tp", "hits")
    result = compare(FILLED_A, copied, starter=STARTER)
    assert result.score >= 0.9
    assert flagged(result)


def test_identical_sources_score_one() -> None:
    result = compare(ORIGINAL, ORIGINAL)
    assert result.score == 1.0
    assert result.shared == len(set(fingerprint(ORIGINAL).hashes))
    assert result.matches == [Match(a_lines=(1, 21), b_lines=(1, 21))]


@pytest.mark.parametrize("empty", ["", "   \n\n\t\n", "# only a comment\n", '"""Only a docstring."""\n'])
def test_an_empty_source_scores_zero(empty: str) -> None:
    assert fingerprint(empty).hashes == ()
    assert compare(empty, ORIGINAL) == Comparison(score=0.0, shared=0, matches=[])
    assert compare(empty, empty).score == 0.0


def test_a_source_that_does_not_tokenize_still_fingerprints() -> None:
    with pytest.raises(tokenize.TokenError):
        list(tokenize.generate_tokens(iter(BROKEN.splitlines(keepends=True)).__next__))
    assert len(fingerprint(BROKEN).hashes) > 10
    renamed = BROKEN.replace("centroids", "centers").replace("labels", "assign")
    assert compare(BROKEN, renamed).score >= 0.9
    assert compare(BROKEN, ORIGINAL).score >= 0.9  # the fallback reads code the way tokenize does


def test_fingerprints_are_the_same_in_another_process() -> None:
    code = (
        "import json, sys\n"
        "from mlinterview.exercises.similarity import fingerprint\n"
        "found = fingerprint(sys.stdin.read())\n"
        "print(json.dumps([list(found.hashes), [list(span) for span in found.spans]]))\n"
    )
    here = fingerprint(ORIGINAL)
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code], input=ORIGINAL, capture_output=True, text=True, env=env, check=True
        )
        hashes, spans = json.loads(done.stdout)
        assert hashes == list(here.hashes)
        assert [tuple(span) for span in spans] == list(here.spans)


def test_reordering_two_functions_still_scores_high() -> None:
    head, first, second = TWO_FUNCTIONS.rstrip("\n").split("\n\n\n")
    swapped = f"{head}\n\n\n{second}\n\n\n{first}\n"
    result = compare(TWO_FUNCTIONS, swapped)
    assert result.score >= 0.9
    assert flagged(result)
    # standardise is lines 4-8 of the original and 12-16 of the swapped file; train_test_split the other way round.
    assert Match(a_lines=(4, 8), b_lines=(12, 16)) in result.matches
    assert Match(a_lines=(11, 16), b_lines=(4, 9)) in result.matches


def test_winnowing_keeps_fewer_hashes_than_kgrams_and_spans_are_ordered_lines() -> None:
    found = fingerprint(ORIGINAL)
    every = fingerprint(ORIGINAL, window=1)  # a window of one keeps every k-gram
    assert len(every.hashes) / 4 <= len(found.hashes) < len(every.hashes)
    assert len(found.spans) == len(found.hashes)
    assert all(first <= last for first, last in found.spans)
    assert list(found.spans) == sorted(found.spans, key=lambda span: span[0])


def test_renaming_does_not_hide_a_copy_but_a_different_method_call_counts() -> None:
    mean = "def centre(values):\n    total = values.mean(axis=0)\n    return values - total, total, values.shape\n"
    renamed = mean.replace("values", "xs").replace("total", "m").replace("centre", "f")
    assert compare(mean, renamed).score == 1.0
    assert compare(mean, mean.replace(".mean(", ".sum(")).score < 1.0


def test_winnowing_takes_the_rightmost_of_equal_minima_and_records_each_position_once() -> None:
    found = fingerprint("x\n" * 12)  # twelve V tokens: seven identical k-grams, four windows
    assert len(set(found.hashes)) == 1
    assert found.spans == ((4, 9), (5, 10), (6, 11), (7, 12))  # each window's last k-gram, once each


def test_the_threshold_sits_well_between_honest_and_copied_work() -> None:
    honest = [
        compare(LOOPS, VECTORISED),
        compare(FILLED_A, FILLED_B, starter=STARTER),
        compare(HELPER_A, HELPER_B, starter=HELPER_STARTER),
    ]
    copied = [compare(ORIGINAL, COPY), compare(BROKEN, ORIGINAL), compare(COPY, BROKEN)]
    assert max(c.score for c in honest) + 0.2 <= THRESHOLD <= min(c.score for c in copied) - 0.2
    assert flagged(Comparison(score=THRESHOLD, shared=1, matches=[]))
    assert not flagged(Comparison(score=THRESHOLD - 0.01, shared=1, matches=[]))


@pytest.mark.parametrize(("k", "window"), [(0, 4), (6, 0)])
def test_k_and_window_must_be_positive(k: int, window: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        fingerprint(ORIGINAL, k=k, window=window)
