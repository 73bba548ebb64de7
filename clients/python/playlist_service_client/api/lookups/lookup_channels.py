from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.channel_lookup_list_envelope import ChannelLookupListEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    search: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_search: None | str | Unset
    if isinstance(search, Unset):
        json_search = UNSET
    else:
        json_search = search
    params["search"] = json_search

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/lookup/channels",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChannelLookupListEnvelope | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = ChannelLookupListEnvelope.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = ErrorEnvelope.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = ErrorEnvelope.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ChannelLookupListEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    search: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[ChannelLookupListEnvelope | ErrorEnvelope]:
    """LookupChannels

     Channels (id, name, stream_name, sync_status) matching ``search``, in channel order.

    Args:
        search (None | str | Unset): Case-insensitive search text
        limit (int | Unset): At most this many channels (≤ 200) Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChannelLookupListEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        search=search,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    search: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> ChannelLookupListEnvelope | ErrorEnvelope | None:
    """LookupChannels

     Channels (id, name, stream_name, sync_status) matching ``search``, in channel order.

    Args:
        search (None | str | Unset): Case-insensitive search text
        limit (int | Unset): At most this many channels (≤ 200) Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChannelLookupListEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        search=search,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    search: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[ChannelLookupListEnvelope | ErrorEnvelope]:
    """LookupChannels

     Channels (id, name, stream_name, sync_status) matching ``search``, in channel order.

    Args:
        search (None | str | Unset): Case-insensitive search text
        limit (int | Unset): At most this many channels (≤ 200) Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChannelLookupListEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        search=search,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    search: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> ChannelLookupListEnvelope | ErrorEnvelope | None:
    """LookupChannels

     Channels (id, name, stream_name, sync_status) matching ``search``, in channel order.

    Args:
        search (None | str | Unset): Case-insensitive search text
        limit (int | Unset): At most this many channels (≤ 200) Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChannelLookupListEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            search=search,
            limit=limit,
        )
    ).parsed
