"""Structured interviews: openings, plans, kits, candidates, scorecards, decisions, feedback, calibration."""
