"""Speed of the default (learned) grader on this machine's CPU: start-up, batched throughput, single-answer latency.

    .venv/bin/python bench/grading_speed.py [--threads 2]

Answers are built from the bundled bank (rubric phrasings joined into short answers), so every answer text is
new to the embedding cache. Question texts are embedded first (untimed), as they are once per question in use.
"""

from __future__ import annotations

import argparse
import statistics
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=2, help="CPU threads for torch (the target machine has 2).")
    args = parser.parse_args()

    started = time.perf_counter()
    import torch

    from mlinterview.config import BUNDLED_CONTENT
    from mlinterview.content.grading_spec import grading_spec
    from mlinterview.content.loader import load_bank
    from mlinterview.grading.learned import LearnedGrader, shipped_model
    from mlinterview.grading.similarity import MiniLM

    torch.set_num_threads(args.threads)
    MiniLM.model()
    shipped_model()
    load_seconds = time.perf_counter() - started

    questions = load_bank(BUNDLED_CONTENT).questions
    specs = [grading_spec(q) for q in questions]
    grader = LearnedGrader()
    grader.grade_many([(spec, q.model_answer) for spec, q in zip(specs, questions, strict=True)])  # embeds questions

    batch = [
        (spec, "; ".join(p.phrasings[0] for p in q.rubric) + ".") for spec, q in zip(specs, questions, strict=True)
    ]
    started = time.perf_counter()
    grader.grade_many(batch)
    batch_seconds = time.perf_counter() - started

    singles = []
    for index, (spec, q) in enumerate(zip(specs, questions, strict=True)):
        answer = f"Answer {index}: " + " ".join(p.phrasings[-1] for p in q.rubric[:3]) + "."
        started = time.perf_counter()
        grader.grade(spec, answer)
        singles.append((time.perf_counter() - started) * 1000)
    singles.sort()
    print(f"start-up (torch, MiniLM and the trained model loaded): {load_seconds:.2f} s")
    print(f"batched: {len(batch)} new answers in {batch_seconds:.2f} s = {len(batch) / batch_seconds:.0f} answers/s")
    print(
        f"single answers: median {statistics.median(singles):.1f} ms, "
        f"p95 {singles[int(len(singles) * 0.95) - 1]:.1f} ms over {len(singles)} answers"
    )


if __name__ == "__main__":
    main()
