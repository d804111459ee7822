"""Running untrusted Python: bubblewrap with seccomp and resource limits, behind one Protocol.

A pure library: no database, no web. ``get_runner`` picks a runner; ``grade`` in ``harness`` runs a
function against test cases whose expected outputs never enter the sandbox.
"""

from mlinterview.sandbox.limits import Limits, RunResult, Status
from mlinterview.sandbox.registry import RunnerName, SandboxUnavailable, get_runner

__all__ = ["Limits", "RunResult", "RunnerName", "SandboxUnavailable", "Status", "get_runner"]
