"""Done means for practice, in Chromium: a new candidate signs up, sets a goal, takes a 5-question mock
interview, reads the summary, comes back the next day (a fixed clock) to do the reviews that fell due, and
the progress charts change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser
EMAIL, PASSWORD = "noor@example.com", "a practice passphrase 7"
WEAK = "I am not sure; I think it depends on the data."
BETTER = (
    "I would start from the goal and the data, split it without leakage, compare a simple baseline with a "
    "stronger model using cross-validation, and check the errors on the cases that matter most."
)


def progress(page, base: str) -> tuple[str, str]:
    page.goto(f"{base}/practice/progress")
    return page.inner_text("main"), page.inner_html("main")


def test_sign_up_mock_interview_next_day_reviews_and_progress(page, server, clock_file) -> None:
    base, _ = server
    today = datetime.now(UTC).replace(microsecond=0)
    clock_file.write_text(today.isoformat())
    try:
        page.goto(f"{base}/login")
        page.click("text=Create a practice account")
        page.fill("#name", "Noor Haddad")
        page.fill("#email", EMAIL)
        page.fill("#password", PASSWORD)
        page.click("button:has-text('Create my account')")
        page.wait_for_load_state()
        assert "What are you preparing for?" in page.inner_text("main")
        page.select_option("select[name=profile]", "data_scientist/junior")
        page.click("button:has-text('Set my goal')")
        page.wait_for_load_state()
        assert "Goal saved" in page.inner_text("[role=status]")
        screenshot(page, "practice-home")
        before_stats, before_charts = progress(page, base)

        # a five-question mock interview, answered weakly so the questions come back tomorrow
        page.goto(f"{base}/practice")
        page.click("button:has-text('Start a mock interview')")
        page.wait_for_load_state()
        for number in range(1, 6):
            assert f"Question {number} of 5" in page.inner_text("h1")
            if number == 1:
                screenshot(page, "mock-question")
            page.fill("#text", WEAK)
            page.click("button:has-text('Submit and continue')")
            page.wait_for_load_state()
        page.wait_for_selector("text=Weakest areas")
        page.wait_for_selector("#summary:not([hx-get])", timeout=120_000)  # it stops polling once all are graded
        assert "By competency" in page.inner_text("main")
        screenshot(page, "mock-summary")
        after_mock, _ = progress(page, base)
        assert after_mock != before_stats

        # the next day: the failed questions are due
        clock_file.write_text((today + timedelta(days=1, hours=1)).isoformat())
        page.goto(f"{base}/practice/review")
        if page.title().startswith("Sign in"):
            sign_in(page, base, EMAIL, PASSWORD)
            page.goto(f"{base}/practice/review")
        due = int(page.inner_text(".stat-value >> nth=0"))
        assert due >= 1
        screenshot(page, "reviews")
        for _ in range(due):
            page.fill("#text", BETTER)
            page.click("button:has-text('Check my answer')")
            page.wait_for_load_state()
            page.wait_for_selector(".score-ring", timeout=120_000)
            page.click(".rating-buttons button:has-text('Good')")
            page.wait_for_load_state()
            assert "comes back on" in page.inner_text("[role=status]")
        assert "All done for today" in page.inner_text("main")
        after_stats, after_charts = progress(page, base)
        assert after_stats != after_mock
        assert after_charts != before_charts
        assert after_charts.count("<svg") >= 3
        screenshot(page, "progress")
    finally:
        clock_file.unlink(missing_ok=True)
