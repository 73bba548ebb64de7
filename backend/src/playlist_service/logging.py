"""Log configuration. Tokens, passwords and keys are never passed to a logger by our code."""

from __future__ import annotations

import logging


def configure_logging(level: str) -> None:
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("playlist_service").setLevel(level)
    # httpx logs every request URL at INFO; keep integration chatter out of the operator's log.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
