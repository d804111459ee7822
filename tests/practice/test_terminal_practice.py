"""``mlinterview practice`` driven through a pseudo-terminal, as a person at an SSH prompt types: a local profile
from its first run to a mock interview, signing in to a server's database with a wrong and a right password,
and stopping at the end of input without losing what was recorded.

The grader is the real one; it loads its sentence model the first time it grades (10-20 s), hence the long
timeouts. Each child runs with its own HOME and data folder, in a 100-column terminal, without colours."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

from mlinterview.accounts import service as accounts
from mlinterview.cli.main import app
from mlinterview.config import get_settings
from mlinterview.db import session_scope
from mlinterview.db.session import set_session_factory

ENTRY = "from mlinterview.cli.main import main; main()"
GAP = r"(?:\s|\x1b\[[0-9;]*m)+"  # Rich wraps lines and still sets bold and dim without colours
PROMPT = r"\n> "  # a line of an answer
PASSWORD = "correct horse battery"
ANSWER = [
    "Bias is the error from wrong assumptions, variance the sensitivity to the training sample.",
    "Regularisation shrinks the weights: L1 sets some exactly to zero, L2 only makes them smaller.",
]


def words(text: str) -> str:
    """A pattern for these words, wherever Rich wrapped or styled the line between them."""
    return GAP.join(re.escape(word) for word in text.split())


def child_env(home: Path, **settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLI_") and k not in ("COLUMNS", "LINES")}
    env.update(HOME=str(home), MLI_DATA_DIR=str(home), TERM="xterm", NO_COLOR="1", TZ="UTC", **settings)
    return env


def spawn(home: Path, *args: str, **settings: str) -> pexpect.spawn:
    return pexpect.spawn(
        sys.executable,
        ["-c", ENTRY, "practice", *args],
        env=child_env(home, **settings),
        cwd=str(home),
        encoding="utf-8",
        timeout=120,
        dimensions=(40, 100),
    )


def offline(home: Path) -> pexpect.spawn:
    return spawn(home, "--offline", "--profile", str(home / "p.db"))


def reply(child: pexpect.spawn, prompt: str, line: str) -> str:
    """Wait for the prompt, type the line; returns what was printed before the prompt."""
    child.expect(prompt)
    before = child.before
    child.sendline(line)
    return before


def finished(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def set_goal(child: pexpect.spawn) -> None:
    reply(child, words("Role (number):"), "2")
    reply(child, words("Level (number):"), "2")
    reply(child, words("Interview date"), "")
    reply(child, words("Time zone, Enter for UTC:"), "")
    child.expect(words("Goal saved."))


def practise_one(child: pexpect.spawn) -> None:
    """Menu 2, any topic of the bias-variance kind, a two-line answer, graded; waits at the rating prompt."""
    reply(child, "Choose: ", "2")
    reply(child, words("Topic (number), Enter for any:"), "2")
    for line in [*ANSWER, ""]:
        reply(child, PROMPT, line)
    child.expect(r"Score" + GAP + r"\d+%")
    child.expect(words("Model answer"))
    child.expect(words("How well did you recall it?") + ".*" + words("Enter ="))


def count(database: Path, sql: str) -> int:
    with sqlite3.connect(database) as connection:
        return int(connection.execute(sql).fetchone()[0])


# -- 1. a local profile: first run, then a mock interview -----------------------------------------------------------


def test_offline_profile_from_first_run_to_a_mock_interview(tmp_path: Path) -> None:
    database = tmp_path / "p.db"
    child = offline(tmp_path)
    reply(child, words("Your name:"), "Ada Lovelace")
    set_goal(child)
    practise_one(child)
    child.sendline("")  # the grade's suggestion
    child.expect(words("this question comes back on"))
    reply(child, "Choose: ", "q")
    child.expect(words("Bye. This session: 1 answered, 1 reviewed"))
    assert finished(child) == 0

    assert count(database, "SELECT count(*) FROM answers WHERE status = 'graded'") == 1
    assert count(database, "SELECT count(*) FROM reviews WHERE source = 'grade' AND answer_id IS NOT NULL") == 1
    assert count(database, "SELECT count(*) FROM practice_goals WHERE role = 'ml_engineer' AND level = 'mid'") == 1

    child = offline(tmp_path)
    before = reply(child, "Choose: ", "3")
    assert "Your name" not in before, "a second run asks nothing again"
    assert "Your goal" not in before
    assert re.search(words("Reviews due today (0)"), before), "the card is due tomorrow, not today"
    reply(child, words("Questions (3-15)"), "3")
    reply(child, words("Minutes per question"), "")
    child.expect(words("Question 1 of 3"))
    reply(child, PROMPT, ANSWER[0])
    reply(child, PROMPT, "")
    child.expect("Saved")
    child.expect(words("Question 2 of 3"))
    reply(child, PROMPT, "s")
    child.expect("Skipped")
    child.expect(words("Question 3 of 3"))
    reply(child, PROMPT, ANSWER[1])
    reply(child, PROMPT, "")
    child.expect(words("Mock interview summary"))
    child.expect(words("Competency") + ".*" + words("Mean score"))
    child.expect(words("Weakest areas:"))  # the skipped question's competency has no score at all
    assert re.search(r":" + GAP + "skipped", child.before), "the skipped question is listed as skipped"
    reply(child, "Choose: ", "q")
    assert finished(child) == 0

    items = "SELECT count(*) FROM mock_items JOIN mock_interviews m ON m.id = mock_id WHERE m.status = 'finished'"
    assert count(database, items + " AND answer_id IS NOT NULL") == 2
    assert count(database, items + " AND skipped") == 1
    assert count(database, "SELECT count(*) FROM answers WHERE status = 'graded'") == 3
    assert count(database, "SELECT count(*) FROM reviews") == 3  # the summary schedules both mock answers


# -- 2. signing in to a server's database -----------------------------------------------------------------------------


@pytest.fixture
def server_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A server's database, migrated and synced by the CLI, with one candidate who signed up on the web."""
    database = tmp_path / "server.db"
    monkeypatch.setenv("MLI_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MLI_DATABASE_URL", f"sqlite:///{database}")
    monkeypatch.delenv("MLI_BROKER_URL", raising=False)
    get_settings.cache_clear()
    set_session_factory(None)
    runner = CliRunner()
    for command in (["db", "upgrade"], ["content", "sync"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0, result.output
    with session_scope() as session:
        accounts.sign_up(session, name="Grace Hopper", email="grace@example.com", password=PASSWORD)
    yield database
    get_settings.cache_clear()
    set_session_factory(None)


def test_email_mode_signs_in_to_the_servers_database(server_database: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{server_database}"
    child = spawn(tmp_path, "--email", "grace@example.com", MLI_DATABASE_URL=url)
    reply(child, "Password: ", "not the password")
    child.expect(words("Error: That email and password do not match an active account."))
    assert finished(child) == 1

    child = spawn(tmp_path, "--email", "grace@example.com", MLI_DATABASE_URL=url)
    reply(child, "Password: ", PASSWORD)
    child.expect(words("Signed in as Grace Hopper."))
    set_goal(child)
    child.expect(words("Reviews due today (0)"))
    child.expect("Choose: ")
    child.sendintr()
    child.expect(words("Stopped. Everything recorded so far is saved."))
    assert finished(child) == 130

    assert count(server_database, "SELECT count(*) FROM practice_goals") == 1, "the web account's goal"
    assert count(server_database, "SELECT count(*) FROM audit_events WHERE action = 'auth.login'") == 1

    script = subprocess.run(
        [sys.executable, "-c", ENTRY, "practice", "--email", "grace@example.com", "--password-stdin"],
        input=f"{PASSWORD}\n4\nq\n",
        env=child_env(tmp_path, MLI_DATABASE_URL=url),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert script.returncode == 0, script.stderr
    assert "The next 7 days" in script.stdout
    assert "Bye." in script.stdout


# -- 3. the end of input ----------------------------------------------------------------------------------------------


def test_end_of_input_keeps_what_was_recorded(tmp_path: Path) -> None:
    database = tmp_path / "p.db"
    child = offline(tmp_path)
    reply(child, words("Your name:"), "Ada Lovelace")
    set_goal(child)
    practise_one(child)
    child.sendline("g")
    child.expect(words("Rated “good”"))
    reply(child, "Choose: ", "2")
    reply(child, words("Topic (number), Enter for any:"), "")
    child.expect(PROMPT)
    child.sendeof()
    child.expect(words("End of input. Everything recorded so far is saved."))
    assert finished(child) == 0
    assert count(database, "SELECT count(*) FROM answers WHERE status = 'graded'") == 1
    assert count(database, "SELECT count(*) FROM reviews WHERE rating = 3") == 1  # "good"

    child = offline(tmp_path)  # an answer is kept even when the rating never comes
    practise_one(child)
    child.sendeof()
    child.expect(words("End of input."))
    assert finished(child) == 0
    assert count(database, "SELECT count(*) FROM answers WHERE status = 'graded'") == 2
    assert count(database, "SELECT count(*) FROM reviews") == 1
