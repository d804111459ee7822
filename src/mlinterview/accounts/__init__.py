"""Organisations, users, roles, sign-in, API tokens, data exports and the audit trail."""

from mlinterview.accounts import jobs as _jobs  # noqa: F401 - registers the domain's background jobs
