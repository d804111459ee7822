"""Take-home ML projects: briefs and seeded data, hidden labels, scoring, leaderboards and report review."""

from mlinterview.accounts.exports import register_section as _register
from mlinterview.takehome import exports as _exports
from mlinterview.takehome import jobs as _jobs  # noqa: F401 - registers the domain's background jobs

_register("takehome_submissions", _exports.section)
