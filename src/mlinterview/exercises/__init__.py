"""Coding exercises: statements, starter code, visible and hidden tests, graded in the sandbox; submissions,
their per-test results, reviewers' decisions and similarity flags."""

from mlinterview.accounts.exports import register_section as _register
from mlinterview.exercises import exports as _exports
from mlinterview.exercises import jobs as _jobs  # noqa: F401 - registers the domain's background jobs

_register("code_submissions", _exports.section)
