"""Domain errors. Each carries the spec §7.4 code and HTTP status; ``api/errors.py`` renders them."""

from __future__ import annotations

from typing import Any


class AppError(Exception):
    """Base for every error the API reports with its own code."""

    code = "INTERNAL_ERROR"
    status_code = 500
    retry_after: int | None = None
    """Seconds for the Retry-After header (429 and 503 always send one; see ``api/errors.py``)."""

    def __init__(self, message: str, *, details: Any = None, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details
        if retry_after is not None:
            self.retry_after = retry_after


class InvalidCredentialsError(AppError):
    code = "INVALID_CREDENTIALS"
    status_code = 401


class UnauthorizedError(AppError):
    code = "UNAUTHORIZED"
    status_code = 401


class ForbiddenError(AppError):
    code = "FORBIDDEN"
    status_code = 403


class NotFoundError(AppError):
    code = "NOT_FOUND"
    status_code = 404


class ValidationError(AppError):
    """422; ``details`` is a list of ``{"field": ..., "message": ...}``."""

    code = "VALIDATION_ERROR"
    status_code = 422


class DuplicateEntryError(AppError):
    code = "DUPLICATE_ENTRY"
    status_code = 409


class ConflictError(AppError):
    """409 for a state conflict that is not a unique violation (e.g. a sync already running)."""

    code = "CONFLICT"
    status_code = 409


class ChannelNotOrphanedError(AppError):
    code = "CHANNEL_NOT_ORPHANED"
    status_code = 400


class BadRequestError(AppError):
    code = "BAD_REQUEST"
    status_code = 400


class TooManyRequestsError(AppError):
    code = "TOO_MANY_REQUESTS"
    status_code = 429


class FlussonicError(AppError):
    """Any failure talking to Flussonic; the message tells the admin what went wrong."""

    code = "FLUSSONIC_ERROR"
    status_code = 502


class AuthServiceError(AppError):
    """Any failure talking to the Auth Service; ``transient`` says whether a retry may succeed."""

    code = "AUTH_SERVICE_ERROR"
    status_code = 502
    transient = False


class ServiceUnavailableError(AppError):
    """503: this instance cannot serve now (readiness probe: the database does not answer)."""

    code = "SERVICE_UNAVAILABLE"
    status_code = 503
