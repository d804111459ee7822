"""Counts failed sign-ins per email and client address (in memory, or in Redis when several processes serve)."""

from __future__ import annotations

from limits import RateLimitItem, parse, storage, strategies

from mlinterview.errors import RateLimited


class LoginThrottle:
    # One client address may fail this many times the per-email rate: offices share an address.
    CLIENT_FACTOR = 4

    def __init__(self, rate: str, storage_url: str) -> None:
        per_email = parse(rate)
        per_client = type(per_email)(per_email.amount * self.CLIENT_FACTOR, per_email.multiples)
        self._limits: dict[str, RateLimitItem] = {"login-email": per_email, "login-client": per_client}
        # One store per app: in memory it is private to the process, in Redis it is shared by every process.
        self._limiter = strategies.MovingWindowRateLimiter(storage.storage_from_string(storage_url))

    def check(self, email: str, client: str) -> None:
        """Refuse before verifying anything when this email or this client has failed too often."""
        for scope, value in self._keys(email, client):
            item = self._limits[scope]
            if not self._limiter.test(item, scope, value):
                reset = self._limiter.get_window_stats(item, scope, value).reset_time
                raise RateLimited(
                    "Too many failed sign-in attempts. Wait a minute and try again, "
                    "or ask an administrator to reset your password.",
                    details={"retry_at": int(reset)},
                )

    def count_sign_up(self, client: str) -> None:
        """Every sign-up from an address counts, so one address cannot create accounts in bulk."""
        if not self._limiter.hit(self._limits["login-client"], "signup-client", client):
            raise RateLimited(
                "Too many accounts were created from your address just now. Wait a few minutes and try again."
            )

    def failed(self, email: str, client: str) -> None:
        for scope, value in self._keys(email, client):
            self._limiter.hit(self._limits[scope], scope, value)

    def succeeded(self, email: str) -> None:
        self._limiter.clear(self._limits["login-email"], "login-email", email)

    @staticmethod
    def _keys(email: str, client: str) -> list[tuple[str, str]]:
        # Per email stops guessing one account's password from many addresses;
        # per client address (with a wider bucket) stops one address trying many accounts.
        return [("login-email", email), ("login-client", client)]
