from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.channel_summary_page_envelope import ChannelSummaryPageEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.list_channels_sort_by import ListChannelsSortBy
from ...models.list_channels_sort_dir import ListChannelsSortDir
from ...models.sync_status import SyncStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    search: None | str | Unset = UNSET,
    group_id: None | str | Unset = UNSET,
    sync_status: None | SyncStatus | Unset = UNSET,
    sort_by: ListChannelsSortBy | Unset = ListChannelsSortBy.SORT_ORDER,
    sort_dir: ListChannelsSortDir | Unset = ListChannelsSortDir.ASC,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["per_page"] = per_page

    json_search: None | str | Unset
    if isinstance(search, Unset):
        json_search = UNSET
    else:
        json_search = search
    params["search"] = json_search

    json_group_id: None | str | Unset
    if isinstance(group_id, Unset):
        json_group_id = UNSET
    else:
        json_group_id = group_id
    params["group_id"] = json_group_id

    json_sync_status: None | str | Unset
    if isinstance(sync_status, Unset):
        json_sync_status = UNSET
    elif isinstance(sync_status, SyncStatus):
        json_sync_status = sync_status.value
    else:
        json_sync_status = sync_status
    params["sync_status"] = json_sync_status

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by.value

    params["sort_by"] = json_sort_by

    json_sort_dir: str | Unset = UNSET
    if not isinstance(sort_dir, Unset):
        json_sort_dir = sort_dir.value

    params["sort_dir"] = json_sort_dir

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/channels",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChannelSummaryPageEnvelope | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = ChannelSummaryPageEnvelope.from_dict(response.json())

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
) -> Response[ChannelSummaryPageEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    search: None | str | Unset = UNSET,
    group_id: None | str | Unset = UNSET,
    sync_status: None | SyncStatus | Unset = UNSET,
    sort_by: ListChannelsSortBy | Unset = ListChannelsSortBy.SORT_ORDER,
    sort_dir: ListChannelsSortDir | Unset = ListChannelsSortDir.ASC,
) -> Response[ChannelSummaryPageEnvelope | ErrorEnvelope]:
    """ListChannels

     List channels (search in stream_name, display_name, tvg_name, tvg_id; case-insensitive substring).

    Rows carry ``has_logo`` and ``logo_url`` instead of the logo itself; ``GET /channels/{id}`` has it.

    Args:
        page (int | Unset): 1-based page number Default: 1.
        per_page (int | Unset): Rows per page (≤ 200) Default: 20.
        search (None | str | Unset): Case-insensitive search text
        group_id (None | str | Unset): Only channels of this group id (1..2147483647); `none` =
            channels without a group
        sync_status (None | SyncStatus | Unset): synced or orphaned
        sort_by (ListChannelsSortBy | Unset): Sort field; `id` breaks ties in the same direction
            Default: ListChannelsSortBy.SORT_ORDER.
        sort_dir (ListChannelsSortDir | Unset): asc (default) or desc Default:
            ListChannelsSortDir.ASC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChannelSummaryPageEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        page=page,
        per_page=per_page,
        search=search,
        group_id=group_id,
        sync_status=sync_status,
        sort_by=sort_by,
        sort_dir=sort_dir,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    search: None | str | Unset = UNSET,
    group_id: None | str | Unset = UNSET,
    sync_status: None | SyncStatus | Unset = UNSET,
    sort_by: ListChannelsSortBy | Unset = ListChannelsSortBy.SORT_ORDER,
    sort_dir: ListChannelsSortDir | Unset = ListChannelsSortDir.ASC,
) -> ChannelSummaryPageEnvelope | ErrorEnvelope | None:
    """ListChannels

     List channels (search in stream_name, display_name, tvg_name, tvg_id; case-insensitive substring).

    Rows carry ``has_logo`` and ``logo_url`` instead of the logo itself; ``GET /channels/{id}`` has it.

    Args:
        page (int | Unset): 1-based page number Default: 1.
        per_page (int | Unset): Rows per page (≤ 200) Default: 20.
        search (None | str | Unset): Case-insensitive search text
        group_id (None | str | Unset): Only channels of this group id (1..2147483647); `none` =
            channels without a group
        sync_status (None | SyncStatus | Unset): synced or orphaned
        sort_by (ListChannelsSortBy | Unset): Sort field; `id` breaks ties in the same direction
            Default: ListChannelsSortBy.SORT_ORDER.
        sort_dir (ListChannelsSortDir | Unset): asc (default) or desc Default:
            ListChannelsSortDir.ASC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChannelSummaryPageEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        page=page,
        per_page=per_page,
        search=search,
        group_id=group_id,
        sync_status=sync_status,
        sort_by=sort_by,
        sort_dir=sort_dir,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    search: None | str | Unset = UNSET,
    group_id: None | str | Unset = UNSET,
    sync_status: None | SyncStatus | Unset = UNSET,
    sort_by: ListChannelsSortBy | Unset = ListChannelsSortBy.SORT_ORDER,
    sort_dir: ListChannelsSortDir | Unset = ListChannelsSortDir.ASC,
) -> Response[ChannelSummaryPageEnvelope | ErrorEnvelope]:
    """ListChannels

     List channels (search in stream_name, display_name, tvg_name, tvg_id; case-insensitive substring).

    Rows carry ``has_logo`` and ``logo_url`` instead of the logo itself; ``GET /channels/{id}`` has it.

    Args:
        page (int | Unset): 1-based page number Default: 1.
        per_page (int | Unset): Rows per page (≤ 200) Default: 20.
        search (None | str | Unset): Case-insensitive search text
        group_id (None | str | Unset): Only channels of this group id (1..2147483647); `none` =
            channels without a group
        sync_status (None | SyncStatus | Unset): synced or orphaned
        sort_by (ListChannelsSortBy | Unset): Sort field; `id` breaks ties in the same direction
            Default: ListChannelsSortBy.SORT_ORDER.
        sort_dir (ListChannelsSortDir | Unset): asc (default) or desc Default:
            ListChannelsSortDir.ASC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChannelSummaryPageEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        page=page,
        per_page=per_page,
        search=search,
        group_id=group_id,
        sync_status=sync_status,
        sort_by=sort_by,
        sort_dir=sort_dir,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    search: None | str | Unset = UNSET,
    group_id: None | str | Unset = UNSET,
    sync_status: None | SyncStatus | Unset = UNSET,
    sort_by: ListChannelsSortBy | Unset = ListChannelsSortBy.SORT_ORDER,
    sort_dir: ListChannelsSortDir | Unset = ListChannelsSortDir.ASC,
) -> ChannelSummaryPageEnvelope | ErrorEnvelope | None:
    """ListChannels

     List channels (search in stream_name, display_name, tvg_name, tvg_id; case-insensitive substring).

    Rows carry ``has_logo`` and ``logo_url`` instead of the logo itself; ``GET /channels/{id}`` has it.

    Args:
        page (int | Unset): 1-based page number Default: 1.
        per_page (int | Unset): Rows per page (≤ 200) Default: 20.
        search (None | str | Unset): Case-insensitive search text
        group_id (None | str | Unset): Only channels of this group id (1..2147483647); `none` =
            channels without a group
        sync_status (None | SyncStatus | Unset): synced or orphaned
        sort_by (ListChannelsSortBy | Unset): Sort field; `id` breaks ties in the same direction
            Default: ListChannelsSortBy.SORT_ORDER.
        sort_dir (ListChannelsSortDir | Unset): asc (default) or desc Default:
            ListChannelsSortDir.ASC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChannelSummaryPageEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            per_page=per_page,
            search=search,
            group_id=group_id,
            sync_status=sync_status,
            sort_by=sort_by,
            sort_dir=sort_dir,
        )
    ).parsed
