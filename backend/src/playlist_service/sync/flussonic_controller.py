"""``/flussonic``: a connection test for the configured Flussonic server (spec §9.1)."""

from __future__ import annotations

from litestar import Controller, get
from litestar.di import NamedDependency
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.api.envelope import Envelope, ok
from playlist_service.api.responses import error_responses
from playlist_service.channels.schemas import FlussonicStatus
from playlist_service.integrations.flussonic import FlussonicClient


class FlussonicController(Controller):
    path = "/flussonic"
    tags = ["Channels"]

    @get("/status", operation_id="getFlussonicStatus", responses=error_responses(502))
    async def status(
        self, flussonic: NamedDependency[FlussonicClient], db_session: NamedDependency[AsyncSession]
    ) -> Envelope[FlussonicStatus]:
        """Test the connection: which API answers and the server's version (``config/stats``).

        502 FLUSSONIC_ERROR when Flussonic cannot be reached or refuses the credentials, with the reason.
        """
        # The auth lookup's transaction must not hold a pooled connection through Flussonic's timeouts.
        await db_session.commit()
        status = await flussonic.server_status()
        return ok(
            FlussonicStatus(
                url=status.url,
                configured_format=status.configured_format,
                api_format=status.api_format,
                server_version=status.server_version,
            )
        )
