"""Password hashing with argon2id (argon2-cffi defaults follow RFC 9106's recommendations)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from arena.domain.text import ValidationError

_HASHER = PasswordHasher()
MIN_LENGTH = 10


def check_strength(password: str) -> None:
    if len(password or "") < MIN_LENGTH:
        raise ValidationError(f"Een wachtwoord moet minstens {MIN_LENGTH} tekens hebben.")
    if password.strip() != password:
        raise ValidationError("Een wachtwoord mag niet met een spatie beginnen of eindigen.")


def hash_password(password: str) -> str:
    check_strength(password)
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """False for a wrong password and for an empty or damaged hash: never an exception."""
    if not stored_hash or not password:
        return False
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _HASHER.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True
