"""A user's resolved channels and playlist (spec §6.2, §6.3), under ``/users/{id}``.

The download is ``audio/x-mpegurl; charset=utf-8``: the type players and browsers associate with
``.m3u``/``.m3u8`` channel lists. (``application/vnd.apple.mpegurl`` names an HLS media playlist,
which this document is not.) It carries the subscriber's token, so it is never cached.
"""

from __future__ import annotations

from litestar import Controller, Response, get
from litestar.di import NamedDependency, Provide
from litestar.openapi.datastructures import ResponseSpec

from playlist_service.api.envelope import Envelope, ok
from playlist_service.api.responses import error_responses
from playlist_service.playlists.m3u import content_disposition
from playlist_service.subscribers.controller import UserId, provide_subscriber_service
from playlist_service.subscribers.schemas import PlaylistPreview, ResolvedChannels
from playlist_service.subscribers.service import SubscriberService

PLAYLIST_MEDIA_TYPE = "audio/x-mpegurl; charset=utf-8"


class PlaylistController(Controller):
    path = "/users/{user_id:int}"
    tags = ["Users"]
    dependencies = {"service": Provide(provide_subscriber_service, sync_to_thread=False)}

    @get("/resolved-channels", operation_id="getUserResolvedChannels", responses=error_responses(404))
    async def resolved_channels(
        self, user_id: UserId, service: NamedDependency[SubscriberService]
    ) -> Envelope[ResolvedChannels]:
        """The user's channels from tariffs, packages and direct assignment, in playlist order.

        Orphaned channels are listed with ``playable: false``; they are not in the playlist.
        """
        return ok(await service.resolved_channels(user_id))

    @get(
        "/playlist",
        operation_id="downloadUserPlaylist",
        media_type=PLAYLIST_MEDIA_TYPE,
        responses={
            200: ResponseSpec(
                data_container=bytes,
                media_type=PLAYLIST_MEDIA_TYPE,
                description="The M3U playlist as an attachment named {last}_{first}_{agreement}.m3u8",
                generate_examples=False,
            ),
            **error_responses(404),
        },
    )
    async def download(self, user_id: UserId, service: NamedDependency[SubscriberService]) -> Response[bytes]:
        """Download the user's M3U playlist."""
        document = await service.playlist(user_id)
        return Response(
            content=document.content,
            media_type=PLAYLIST_MEDIA_TYPE,
            headers={
                "Content-Disposition": content_disposition(document.filename),
                "Cache-Control": "no-store",
                "X-Content-Type-Options": "nosniff",
            },
        )

    @get("/playlist/preview", operation_id="previewUserPlaylist", responses=error_responses(404))
    async def preview(self, user_id: UserId, service: NamedDependency[SubscriberService]) -> Envelope[PlaylistPreview]:
        """The same playlist text as the download, with its file name and channel count."""
        document = await service.playlist(user_id)
        return ok(
            PlaylistPreview(
                filename=document.filename, content=document.content.decode(), channel_count=document.channel_count
            )
        )
