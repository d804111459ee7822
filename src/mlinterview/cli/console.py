"""Shared Rich consoles and the settings every command reads."""

from __future__ import annotations

from rich.console import Console

console = Console()
err_console = Console(stderr=True)
