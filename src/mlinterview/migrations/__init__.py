"""Alembic migrations. Apply them with ``mlinterview db upgrade`` (``mlinterview serve`` does it too)."""
