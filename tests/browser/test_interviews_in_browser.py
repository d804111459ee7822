"""Done means for structured interviews, in Chromium: a manager creates an opening from a role profile (plan and
kits come with it), adds two candidates, two interviewers score one of them independently, the final review
shows both scorecards, a decision is recorded, feedback is released and the candidate reads it."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser
MANAGER, FIRST, SECOND = "manager@demo.example.com", "interviewer@demo.example.com", "interviewer2@demo.example.com"


def sign_out(page) -> None:
    page.click("text=Sign out")
    page.wait_for_load_state()


def fill_scorecard(page, rating: int, recommendation: str) -> None:
    page.click("text=Fill in your scorecard")
    screenshot(page, f"scorecard-{rating}")
    for group in page.locator(".competency-rating.is-focus .anchor-buttons").all():
        group.locator(f"input[value='{rating}']").check()
    page.locator(f"input[name=recommendation][value={recommendation}]").check()
    page.fill("textarea[name=summary]", f"Rated {rating} on the focus competencies, with evidence in my notes.")
    page.click("button:has-text('Submit scorecard')")
    page.wait_for_load_state()
    assert "Scorecard submitted" in page.inner_text("[role=status]")


def test_the_whole_structured_interview_loop(page, server) -> None:
    base, passwords = server
    sign_in(page, base, MANAGER, passwords[MANAGER])

    # an opening from a role profile, with its plan and kits
    page.goto(f"{base}/openings")
    assert "ML Engineer, Recommendations (demo)" in page.inner_text("main")  # the demo opening
    page.click("summary:has-text('Create an opening')")
    page.select_option("select[name=profile]", "ml_engineer/mid")
    page.fill("input[name=title]", "ML Engineer, Search")
    page.click("button:has-text('Create the opening')")
    page.wait_for_load_state()
    assert "ML Engineer, Search" in page.inner_text("h1")
    assert page.locator(".stage-card").count() >= 4
    opening_url = page.url.split("#")[0]

    # both interviewers on the technical interview
    technical = page.locator(".stage-card", has_text="Technical interview").first
    technical.locator("summary:has-text('Edit this stage')").click()
    technical.locator("label:has-text('Ivan Interviewer') input").check()
    technical.locator("label:has-text('Iris Interviewer') input").check()
    technical.locator("button:has-text('Save stage')").click()
    page.wait_for_load_state()
    technical = page.locator(".stage-card", has_text="Technical interview").first
    assert "Ivan Interviewer" in technical.inner_text()
    assert "Iris Interviewer" in technical.inner_text()
    screenshot(page, "opening")
    technical.locator("a:has-text('Kit')").click()
    page.wait_for_load_state()
    assert page.locator(".kit-question").count() >= 3
    assert "what to look for" in page.inner_text("main").lower()
    screenshot(page, "kit")

    # two candidates; the first moves to the technical interview and is invited
    page.goto(opening_url)
    for name, email in (("Nia Okafor", "nia@example.com"), ("Omar Haddad", "omar@example.com")):
        page.click("summary:has-text('Add a candidate')")
        page.fill("#pipeline input[name=name]", name)
        page.fill("#pipeline input[name=email]", email)
        page.click("#pipeline button:has-text('Add')")
        page.wait_for_load_state()
    assert "Nia Okafor" in page.inner_text("#pipeline")
    assert "Omar Haddad" in page.inner_text("#pipeline")
    page.click("#pipeline a:has-text('Nia Okafor')")
    page.wait_for_load_state()
    candidate_url = page.url
    page.select_option("select[name=stage_id]", label="Technical interview")
    page.click("button:has-text('Move')")
    page.wait_for_load_state()
    page.click("button:has-text('invitation link')")
    page.wait_for_load_state()
    link = re.search(r"https?://\S+/join/[\w-]+", page.inner_text("main"))
    assert link, "the invitation link is shown"
    sign_out(page)

    # the first interviewer scores Nia, who appears as a code
    sign_in(page, base, FIRST, passwords[FIRST])
    page.goto(candidate_url)
    assert "Nia Okafor" not in page.inner_text("main")
    fill_scorecard(page, 3, "yes")
    sign_out(page)

    # the second cannot see the first's scorecard until submitting their own
    sign_in(page, base, SECOND, passwords[SECOND])
    page.goto(candidate_url)
    assert "hidden until you submit your own" in page.inner_text("main")
    assert "Ivan Interviewer" not in page.inner_text("main")
    fill_scorecard(page, 2, "no")
    assert "Ivan Interviewer" in page.inner_text("main")
    sign_out(page)

    # the final review shows both, with the disagreement; a decision and released feedback
    sign_in(page, base, MANAGER, passwords[MANAGER])
    page.goto(candidate_url)
    page.click("text=Final review")
    page.wait_for_load_state()
    matrix = page.inner_text(".review-matrix")
    assert "Ivan Interviewer" in matrix
    assert "Iris Interviewer" in matrix
    page.locator("#decision input[value=hold]").check()
    page.fill("#decision textarea[name=reason]", "Split on depth; a follow-up conversation on evaluation first.")
    page.click("button:has-text('Record the decision')")
    page.wait_for_load_state()
    assert "Decision recorded: Hold" in page.inner_text("[role=status]")
    screenshot(page, "final-review")
    page.click("button:has-text('Draft feedback')")
    page.wait_for_load_state()
    body = page.input_value("#feedback textarea[name=body]")
    assert "## Strengths" in body
    assert "Ivan" not in body
    page.fill("#feedback textarea[name=body]", body + "\n\nThank you for a thoughtful conversation.")
    page.click("button:has-text('Save feedback')")
    page.wait_for_load_state()
    page.click("button:has-text('Release to the candidate')")
    page.wait_for_load_state()
    assert "Released" in page.inner_text("#feedback")
    page.goto(f"{base}/calibration")
    screenshot(page, "calibration")
    sign_out(page)

    # the candidate joins through the link and reads the feedback
    page.goto(link.group(0))
    page.fill("#password", "a candidate passphrase 42")
    page.fill("#confirm", "a candidate passphrase 42")
    page.click("button:has-text('Create my account')")
    page.wait_for_load_state()
    assert "ML Engineer, Search" in page.inner_text("main")
    page.click("text=Read your feedback")
    page.wait_for_load_state()
    assert "Thank you for a thoughtful conversation." in page.inner_text("main")
    assert "Iris" not in page.inner_text("main")
    assert "Ivan" not in page.inner_text("main")
    screenshot(page, "candidate-feedback")
