"""Typed answers to bank questions and their automatic analysis (graded in the background)."""

from mlinterview.answers import jobs as _jobs  # noqa: F401 - registers the domain's background jobs
