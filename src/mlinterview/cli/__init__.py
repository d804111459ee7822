"""The ``mlinterview`` command (Typer + Rich)."""
