"""Structured interviews: openings, plans, kits, candidates, scorecards, decisions, feedback, calibration."""

from mlinterview.accounts.exports import register_section as _register
from mlinterview.interviews import exports as _exports

_register("applications", _exports.section)
