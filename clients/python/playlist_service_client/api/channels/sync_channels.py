from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.sync_request import SyncRequest
from ...models.sync_result_envelope import SyncResultEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: None | SyncRequest,
    force: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["force"] = force

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/channels/sync",
        "params": params,
    }

    if isinstance(body, SyncRequest):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | SyncResultEnvelope | None:
    if response.status_code == 200:
        response_200 = SyncResultEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = ErrorEnvelope.from_dict(response.json())

        return response_422

    if response.status_code == 502:
        response_502 = ErrorEnvelope.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = ErrorEnvelope.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | SyncResultEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: None | SyncRequest,
    force: bool | Unset = False,
) -> Response[ErrorEnvelope | SyncResultEnvelope]:
    """Sync

     Sync the line-up from Flussonic now (all or nothing).

    409 CONFLICT when another sync is running (any instance), or when the answer would orphan at least
    SYNC_ORPHAN_GUARD_RATIO of the synced channels and ``force`` is not set (details name ``force``).
    502 FLUSSONIC_ERROR when Flussonic fails; nothing is changed and the failed run is recorded.

    Args:
        force (bool | Unset): Orphan channels even past the safety guard Default: False.
        body (None | SyncRequest): Optional; `{force: true}` = `?force=true`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SyncResultEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
        force=force,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: None | SyncRequest,
    force: bool | Unset = False,
) -> ErrorEnvelope | SyncResultEnvelope | None:
    """Sync

     Sync the line-up from Flussonic now (all or nothing).

    409 CONFLICT when another sync is running (any instance), or when the answer would orphan at least
    SYNC_ORPHAN_GUARD_RATIO of the synced channels and ``force`` is not set (details name ``force``).
    502 FLUSSONIC_ERROR when Flussonic fails; nothing is changed and the failed run is recorded.

    Args:
        force (bool | Unset): Orphan channels even past the safety guard Default: False.
        body (None | SyncRequest): Optional; `{force: true}` = `?force=true`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SyncResultEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
        force=force,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: None | SyncRequest,
    force: bool | Unset = False,
) -> Response[ErrorEnvelope | SyncResultEnvelope]:
    """Sync

     Sync the line-up from Flussonic now (all or nothing).

    409 CONFLICT when another sync is running (any instance), or when the answer would orphan at least
    SYNC_ORPHAN_GUARD_RATIO of the synced channels and ``force`` is not set (details name ``force``).
    502 FLUSSONIC_ERROR when Flussonic fails; nothing is changed and the failed run is recorded.

    Args:
        force (bool | Unset): Orphan channels even past the safety guard Default: False.
        body (None | SyncRequest): Optional; `{force: true}` = `?force=true`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SyncResultEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
        force=force,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: None | SyncRequest,
    force: bool | Unset = False,
) -> ErrorEnvelope | SyncResultEnvelope | None:
    """Sync

     Sync the line-up from Flussonic now (all or nothing).

    409 CONFLICT when another sync is running (any instance), or when the answer would orphan at least
    SYNC_ORPHAN_GUARD_RATIO of the synced channels and ``force`` is not set (details name ``force``).
    502 FLUSSONIC_ERROR when Flussonic fails; nothing is changed and the failed run is recorded.

    Args:
        force (bool | Unset): Orphan channels even past the safety guard Default: False.
        body (None | SyncRequest): Optional; `{force: true}` = `?force=true`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SyncResultEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            force=force,
        )
    ).parsed
