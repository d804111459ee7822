"""Running untrusted Python: bubblewrap with seccomp and resource limits, behind one Protocol.

A pure library: no database, no web. ``get_runner`` picks a runner (``verified=True`` fails closed unless the
attack self-check passes); ``pool.WarmPool`` keeps sandboxes started ahead of time; ``harness.py`` runs inside
one and calls a function on test inputs whose expected outputs never enter the sandbox.
"""

from mlinterview.sandbox.limits import Limits, RunResult, Status
from mlinterview.sandbox.registry import RunnerName, SandboxUnavailable, get_runner

__all__ = ["Limits", "RunResult", "RunnerName", "SandboxUnavailable", "Status", "get_runner"]
