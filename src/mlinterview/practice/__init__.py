"""Candidate practice: goals, single questions, mock interviews, spaced repetition (FSRS), progress and study plans."""

from mlinterview.accounts.exports import register_section as _register
from mlinterview.practice import exports as _exports

_register("practice", _exports.section)
