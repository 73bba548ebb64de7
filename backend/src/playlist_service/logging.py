"""Log configuration. Tokens, passwords and keys are never passed to a logger by our code.

Exceptions are the one way values could still reach a log: SQLAlchemy prints a statement's
parameters (switched off by ``hide_parameters`` in db/config.py) and PostgreSQL's error DETAIL
quotes the row or key that failed (``Failing row contains (…, <token>, …)``). Every record's
traceback text is therefore computed once, with those DETAIL lines cut, before any handler
formats it, and so is a message that has an exception among its arguments.
"""

from __future__ import annotations

import logging
import re
import traceback
from typing import Any

_DETAIL = re.compile(r"^(\s*DETAIL:).*$", re.MULTILINE)
_REDACTED = r"\1 [withheld from the log]"


def redact(text: str) -> str:
    return _DETAIL.sub(_REDACTED, text)


def _install_redacting_record_factory() -> None:
    base = logging.getLogRecordFactory()
    if getattr(base, "redacts_details", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = base(*args, **kwargs)
        if isinstance(record.args, tuple) and any(isinstance(arg, BaseException) for arg in record.args):
            record.msg, record.args = redact(record.getMessage()), ()
        if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
            # Formatter.format() uses exc_text when it is set, whatever the handler.
            record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
        return record

    factory.redacts_details = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)


def configure_logging(level: str) -> None:
    _install_redacting_record_factory()
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("playlist_service").setLevel(level)
    # httpx logs every request URL at INFO; keep integration chatter out of the operator's log.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
