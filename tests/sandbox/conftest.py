import pytest

from mlinterview.config import get_settings
from mlinterview.sandbox import get_runner


@pytest.fixture(scope="session")
def runner():
    """The real bubblewrap runner (`make sandbox-runtime` builds its runtime)."""
    return get_runner("bubblewrap", get_settings().sandbox_runtime.resolve())
