"""Candidate practice: goals, single questions, mock interviews, spaced repetition (FSRS), progress and study plans."""
