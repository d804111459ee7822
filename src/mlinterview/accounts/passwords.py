"""Password hashing with Argon2id (argon2-cffi's recommended parameters) and the password policy."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from mlinterview.errors import InvalidInput

MIN_LENGTH = 10
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    check_policy(password)
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's; rehash at the next sign-in."""
    return _hasher.check_needs_rehash(password_hash)


def check_policy(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise InvalidInput(f"Choose a password of at least {MIN_LENGTH} characters; a short phrase works well.")
    if password.strip() != password:
        raise InvalidInput("A password cannot start or end with spaces.")


# A real hash to verify against when the email is unknown, so response time does not reveal which emails exist.
DUMMY_HASH = _hasher.hash("timing-equaliser-not-a-password")
