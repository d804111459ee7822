"""Speed of the default (learned) grader on this machine's CPU: start-up, batched throughput, single-answer latency.

    .venv/bin/python bench/grading_speed.py [--dataset ../shared/datasets/asag/mohler_texas_v2.csv]

Two workloads, each of answers new to the embedding cache: answers built from the bundled bank (rubric
phrasings joined into answers of about 50 words, several sentences each), and, with --dataset, real student
answers from a CSV of human-graded answers (Mohler's are about 20 words). Each question's own texts are
embedded first (untimed), as they are once per question in use.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, help="CSV of graded answers (question, reference_answer, ...).")
    args = parser.parse_args()

    started = time.perf_counter()
    from mlinterview.config import BUNDLED_CONTENT
    from mlinterview.content.grading_spec import grading_spec
    from mlinterview.content.loader import load_bank
    from mlinterview.grading.evaluation import Columns, read_dataset
    from mlinterview.grading.features import prefetch
    from mlinterview.grading.learned import LearnedGrader, shipped_model
    from mlinterview.grading.similarity import WORKERS, MiniLM

    MiniLM.model()
    shipped_model()
    print(f"start-up (torch, MiniLM and the trained model loaded): {time.perf_counter() - started:.2f} s")
    print(f"encoding threads: {WORKERS}")

    questions = load_bank(BUNDLED_CONTENT).questions
    specs = [grading_spec(q) for q in questions]
    workloads = {
        "bank": (
            [(s, "; ".join(p.phrasings[0] for p in q.rubric) + ".") for s, q in zip(specs, questions, strict=True)],
            [
                (s, f"Answer {i}: " + " ".join(p.phrasings[-1] for p in q.rubric[:3]) + ".")
                for i, (s, q) in enumerate(zip(specs, questions, strict=True))
            ],
        )
    }
    if args.dataset:
        examples = read_dataset(args.dataset, Columns(), 5.0)
        items = [(e.spec, e.answer) for e in examples]
        workloads[args.dataset.name] = (items[: len(items) // 2], items[len(items) // 2 :][:300])

    for name, (batch, singles) in workloads.items():
        grader = LearnedGrader()
        prefetch(grader.similarity, [(spec, "") for spec, _ in batch + singles])  # the questions' own sentences
        words = statistics.mean(len(answer.split()) for _, answer in batch)
        started = time.perf_counter()
        grader.grade_many(batch)
        seconds = time.perf_counter() - started
        latencies = []
        for spec, answer in singles:
            started = time.perf_counter()
            grader.grade(spec, answer)
            latencies.append((time.perf_counter() - started) * 1000)
        latencies.sort()
        print(f"{name}: answers of {words:.0f} words on average")
        print(f"  batched: {len(batch)} new answers in {seconds:.2f} s = {len(batch) / seconds:.0f} answers/s")
        print(
            f"  single answers: median {statistics.median(latencies):.1f} ms, "
            f"p95 {latencies[int(len(latencies) * 0.95) - 1]:.1f} ms over {len(latencies)} answers"
        )


if __name__ == "__main__":
    main()
