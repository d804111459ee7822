"""Background jobs of the accounts domain."""

from __future__ import annotations

from mlinterview.accounts import exports
from mlinterview.db import session_scope
from mlinterview.kit.jobs import job


@job("accounts.build_export")
def build_export(*, export_id: int) -> None:
    with session_scope() as session:
        exports.build(session, export_id=export_id)
