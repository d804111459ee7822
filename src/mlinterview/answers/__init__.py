"""Typed answers to bank questions and their automatic analysis (graded in the background)."""

from mlinterview.accounts.exports import register_section as _register
from mlinterview.answers import exports as _exports
from mlinterview.answers import jobs as _jobs  # noqa: F401 - registers the domain's background jobs

_register("answers", _exports.section)
