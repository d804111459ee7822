"""``mlinterview grading``: measure graders against human grades, train the default one, and calibrate it to an
organisation's interviewers."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import numpy as np
import typer
from rich.table import Table
from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Organisation
from mlinterview.cli.console import console
from mlinterview.db import session_scope
from mlinterview.errors import InvalidInput, NotFound
from mlinterview.grading import GraderName, get_grader
from mlinterview.grading.evaluation import Columns, Example, Timer, group_folds, metrics, read_dataset
from mlinterview.grading.learned import MODEL_FILE, SCALE, LearnedGrader
from mlinterview.grading.training import feature_matrix, fit, save, targets
from mlinterview.interviews import analytics
from mlinterview.interviews.calibration import CROSS_VALIDATE_FROM

app = typer.Typer(
    help="Measure graders against human grades, train the default grader and calibrate it to an organisation.",
    no_args_is_help=True,
)

DatasetOption = Annotated[
    Path, typer.Option("--dataset", exists=True, dir_okay=False, help="CSV of human-graded answers.")
]
QuestionCol = Annotated[str, typer.Option(help="Column of the question.")]
ReferenceCol = Annotated[str, typer.Option(help="Column of the reference answer.")]
AnswerCol = Annotated[str, typer.Option(help="Column of the graded answer.")]
ScoreCol = Annotated[str, typer.Option(help="Column of the human score.")]
GroupCol = Annotated[str, typer.Option(help="Column whose values become the cross-validation folds.")]
MaxScore = Annotated[float, typer.Option(min=0.1, help="Top of the dataset's score scale.")]
LabelScores = Annotated[
    list[str] | None,
    typer.Option(
        "--label-score",
        help="LABEL=SCORE for a score column of labels, e.g. --label-score correct=1 --label-score incorrect=0.",
    ),
]


def _read(path: Path, columns: Columns, max_score: float, label_scores: list[str] | None = None) -> list[Example]:
    labels = {}
    for pair in label_scores or []:
        label, _, value = pair.rpartition("=")
        try:
            labels[label] = float(value)
        except ValueError:
            raise InvalidInput(f"--label-score {pair!r} is not LABEL=NUMBER, e.g. correct=1") from None
        if not label:
            raise InvalidInput(f"--label-score {pair!r} names no label; write LABEL=NUMBER, e.g. correct=1")
    try:
        return read_dataset(path, columns, max_score, labels)
    except ValueError as error:
        raise InvalidInput(str(error)) from None


@app.command("evaluate")
def evaluate(
    dataset: DatasetOption,
    question_col: QuestionCol = "question",
    reference_col: ReferenceCol = "reference_answer",
    answer_col: AnswerCol = "student_answer",
    score_col: ScoreCol = "score_avg",
    group_col: GroupCol = "assignment",
    max_score: MaxScore = 5.0,
    label_score: LabelScores = None,
    pretrained: Annotated[bool, typer.Option("--pretrained", help="Use the shipped model as is; fit nothing.")] = False,
    grader: Annotated[
        GraderName, typer.Option(help="Grader to measure (cross-validation applies to 'learned').")
    ] = GraderName.LEARNED,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Pearson, Spearman, RMSE, quadratic weighted kappa and answers/s against the dataset's human scores.

    Without --pretrained the learned grader is cross-validated: one fold per value of --group-col, each
    predicted by a model trained on the other folds (the standard protocol for the Mohler data).
    """
    examples = _read(
        dataset, Columns(question_col, reference_col, answer_col, score_col, group_col), max_score, label_score
    )
    gold = [e.score for e in examples]
    with Timer() as timer:
        if grader is GraderName.LEARNED and not pretrained:
            predicted = _cross_validated(examples)
        elif grader is GraderName.LEARNED:
            predicted = [
                r.score * max_score for r in LearnedGrader().grade_many([(e.spec, e.answer) for e in examples])
            ]
        else:
            chosen = get_grader(grader)
            predicted = [chosen.grade(e.spec, e.answer).score * max_score for e in examples]
    figures: dict[str, object] = {**metrics(predicted, gold, max_score, timer.seconds)}
    figures["mode"] = "pretrained" if pretrained or grader is not GraderName.LEARNED else "cross-validated"
    figures["grader"] = grader.value
    if as_json:
        sys.stdout.write(json.dumps(figures) + "\n")
        return
    table = Table(
        "Measure", "Value", title=f"{grader.value} grader on {dataset.name} ({figures['mode']})", title_justify="left"
    )
    for key in ("pearson", "spearman", "rmse", "qwk", "answers_per_s", "n"):
        table.add_row(key, str(figures[key]))
    console.print(table)


def _cross_validated(examples: list[Example]) -> list[float]:
    rows, grades = feature_matrix(examples), targets(examples)
    predicted = np.zeros(len(examples))
    for test in group_folds([e.group for e in examples]):
        model = fit(rows[~test], grades[~test], trained_on="fold")
        predicted[test] = model.predict(rows[test])
    scale = np.array([e.spec.max_score for e in examples]) / SCALE
    return list(np.clip(predicted, 0, SCALE) * scale)


@app.command("train")
def train(
    dataset: Annotated[
        list[Path],
        typer.Option("--dataset", exists=True, dir_okay=False, help="CSV of human-graded answers (repeatable)."),
    ],
    question_col: QuestionCol = "question",
    reference_col: ReferenceCol = "reference_answer",
    answer_col: AnswerCol = "student_answer",
    score_col: ScoreCol = "score_avg",
    group_col: GroupCol = "assignment",
    max_score: MaxScore = 5.0,
    output: Annotated[Path, typer.Option(help="Where to write the model.")] = MODEL_FILE,
) -> None:
    """Fit the learned grader on every row of the datasets and write the model file it ships with."""
    examples = [
        e
        for path in dataset
        for e in _read(path, Columns(question_col, reference_col, answer_col, score_col, group_col), max_score)
    ]
    model = fit(feature_matrix(examples), targets(examples), trained_on=", ".join(p.name for p in dataset))
    save(model, output)
    console.print(
        f"Trained on {len(examples)} answers from {model.trained_on}; wrote {output} (version {model.version})."
    )


@app.command("calibrate")
def calibrate(
    organisation: Annotated[
        str,
        typer.Option(
            "--organisation", help="The organisation's slug, e.g. acme-analytics (shown on its Calibration page)."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Refit the automatic grader's score map on the scores an organisation's interviewers overrode, and store it.

    The map only ever rises, so answers keep their order. It needs at least 5 overrides.

    From 10 overrides on, its error is measured on held-out answers (5-fold cross-validation).

    Scorecards then show the calibrated score beside each automatic one; run it again after more overrides.
    """
    with session_scope() as session:
        org = _organisation(session, organisation)
        try:
            row = analytics.calibrate(session, organisation=org)
        except ValueError as error:
            raise InvalidInput(str(error)) from None
        record = {
            "organisation": org.slug,
            "id": row.id,
            "created_at": row.created_at.isoformat(),
            "examples": row.examples,
            "mae_before": row.mae_before,
            "mae_after": row.mae_after,
            "cross_validated": row.cross_validated,
            "points": row.points,
        }
        name = org.name
    if as_json:
        sys.stdout.write(json.dumps(record) + "\n")
        return
    _print_calibration(name, record)


def _organisation(session: Session, slug: str) -> Organisation:
    found = session.scalar(select(Organisation).where(Organisation.slug == slug.strip().lower()))
    if found is not None:
        return found
    slugs = list(session.scalars(select(Organisation.slug).order_by(Organisation.slug)))
    known = f"Organisations: {', '.join(slugs)}." if slugs else "There is no organisation yet."
    raise NotFound(f"No organisation has the slug {slug!r}. {known}")


def _print_calibration(name: str, record: dict[str, Any]) -> None:
    measured = "on held-out answers (5-fold cross-validation)" if record["cross_validated"] else (
        f"on the answers it was fitted on; from {CROSS_VALIDATE_FROM} overrides on it is cross-validated"
    )  # fmt: skip
    console.print(f"[green]Calibrated[/] the grader for {name} on {record['examples']} overridden scores.")
    before, after = record["mae_before"] * 100, record["mae_after"] * 100
    console.print(f"Mean absolute error: {before:.1f} → [bold]{after:.1f}[/] percentage points, measured {measured}.")
    table = Table(title="Score map", title_justify="left")
    table.add_column("Automatic score", justify="right")
    table.add_column("Calibrated score", justify="right")
    for automatic, calibrated in record["points"]:
        table.add_row(f"{automatic:.0%}", f"{calibrated:.0%}")
    console.print(table)
    console.print(f"Scorecards in {name} now show the calibrated score beside each automatic one.")
