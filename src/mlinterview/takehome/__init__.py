"""Take-home ML projects: briefs and seeded data, hidden labels, scoring, leaderboards and report review."""

from mlinterview.takehome import jobs as _jobs  # noqa: F401 - registers the domain's background jobs
