"""OpenAPI documentation of the error answers, so clients see the envelope for every status."""

from __future__ import annotations

from litestar.openapi.datastructures import ResponseSpec

from playlist_service.api.envelope import ErrorEnvelope

_DESCRIPTIONS = {
    400: "Bad request",
    401: "Not authenticated (UNAUTHORIZED) or wrong credentials (INVALID_CREDENTIALS)",
    403: "Forbidden: missing CSRF token or read-only API key",
    404: "Resource not found (NOT_FOUND)",
    409: "Unique constraint violation (DUPLICATE_ENTRY) or conflicting state (CONFLICT)",
    422: "Validation failed (VALIDATION_ERROR); details name each field",
    429: "Too many requests (TOO_MANY_REQUESTS); the Retry-After header gives the seconds to wait",
    502: "Upstream service failed (FLUSSONIC_ERROR / AUTH_SERVICE_ERROR)",
    503: "Not ready (SERVICE_UNAVAILABLE): the database does not answer; Retry-After gives the seconds to wait",
}


def error_responses(*statuses: int) -> dict[int, ResponseSpec]:
    return {
        status: ResponseSpec(data_container=ErrorEnvelope, description=_DESCRIPTIONS[status], generate_examples=False)
        for status in statuses
    }


# Every authenticated route can answer these.
AUTHENTICATED = (401, 403, 422)
