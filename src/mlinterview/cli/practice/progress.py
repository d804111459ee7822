"""Progress: the reviews due in the next days and the graded answers by competency."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from mlinterview.cli.console import console
from mlinterview.cli.practice.prompts import Run, step
from mlinterview.practice import progress, reviews


def show_progress(run: Run) -> None:
    with step(run) as (session, user):
        forecast = reviews.forecast(session, user=user, days=7)
        scores = progress.competency_scores(session, user)
    due = Table("Day", "Reviews due", title="The next 7 days")
    for number, (day, count) in enumerate(forecast):
        label = {0: "Today", 1: "Tomorrow"}.get(number, f"{day:%a %d %b}")
        due.add_row(label, str(count))
    console.print(due)
    if not any(score.answers for score in scores):
        console.print("No graded answers yet: practise a question or take a mock interview.")
        return
    table = Table("Competency", "Answers", "Mean score", "Trend", title="Graded answers by competency")
    for score in scores:
        mean = f"{score.mean:.0%}" if score.mean is not None else "-"
        table.add_row(escape(score.name), str(score.answers), mean, score.trend or "")
    console.print(table)
