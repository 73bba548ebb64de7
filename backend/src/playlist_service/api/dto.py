"""Base for request bodies: unknown fields are refused so a typo is an error, not silently ignored."""

from __future__ import annotations

import msgspec


class Input(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    pass


class PatchInput(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """PATCH bodies: fields default to ``msgspec.UNSET`` so "not sent" differs from ``null``."""
