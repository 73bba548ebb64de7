from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.auth_sync_status import AuthSyncStatus
from ...models.error_envelope import ErrorEnvelope
from ...models.user_list_item_page_envelope import UserListItemPageEnvelope
from ...models.user_status import UserStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    search: None | str | Unset = UNSET,
    status: None | Unset | UserStatus = UNSET,
    tariff_id: int | None | Unset = UNSET,
    auth_sync_status: AuthSyncStatus | None | Unset = UNSET,
    include_assignments: bool | Unset = False,
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

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, UserStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_tariff_id: int | None | Unset
    if isinstance(tariff_id, Unset):
        json_tariff_id = UNSET
    else:
        json_tariff_id = tariff_id
    params["tariff_id"] = json_tariff_id

    json_auth_sync_status: None | str | Unset
    if isinstance(auth_sync_status, Unset):
        json_auth_sync_status = UNSET
    elif isinstance(auth_sync_status, AuthSyncStatus):
        json_auth_sync_status = auth_sync_status.value
    else:
        json_auth_sync_status = auth_sync_status
    params["auth_sync_status"] = json_auth_sync_status

    params["include_assignments"] = include_assignments

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/users",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | UserListItemPageEnvelope | None:
    if response.status_code == 200:
        response_200 = UserListItemPageEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | UserListItemPageEnvelope]:
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
    status: None | Unset | UserStatus = UNSET,
    tariff_id: int | None | Unset = UNSET,
    auth_sync_status: AuthSyncStatus | None | Unset = UNSET,
    include_assignments: bool | Unset = False,
) -> Response[ErrorEnvelope | UserListItemPageEnvelope]:
    """ListUsers

     List users, ordered by last name, first name.

    ``search``: every whitespace-separated term must be a case-insensitive prefix of the first
    name, the last name or the agreement number (``iv ag-0`` finds Ivanov with AG-001).

    Args:
        page (int | Unset): 1-based page number Default: 1.
        per_page (int | Unset): Rows per page (≤ 200) Default: 20.
        search (None | str | Unset): Case-insensitive search text
        status (None | Unset | UserStatus): Only users with this status
        tariff_id (int | None | Unset): Only users with this tariff
        auth_sync_status (AuthSyncStatus | None | Unset): Only users in this Auth Service sync
            state
        include_assignments (bool | Unset): Also each user's packages and direct channels (for
            exports) Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | UserListItemPageEnvelope]
    """

    kwargs = _get_kwargs(
        page=page,
        per_page=per_page,
        search=search,
        status=status,
        tariff_id=tariff_id,
        auth_sync_status=auth_sync_status,
        include_assignments=include_assignments,
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
    status: None | Unset | UserStatus = UNSET,
    tariff_id: int | None | Unset = UNSET,
    auth_sync_status: AuthSyncStatus | None | Unset = UNSET,
    include_assignments: bool | Unset = False,
) -> ErrorEnvelope | UserListItemPageEnvelope | None:
    """ListUsers

     List users, ordered by last name, first name.

    ``search``: every whitespace-separated term must be a case-insensitive prefix of the first
    name, the last name or the agreement number (``iv ag-0`` finds Ivanov with AG-001).

    Args:
        page (int | Unset): 1-based page number Default: 1.
        per_page (int | Unset): Rows per page (≤ 200) Default: 20.
        search (None | str | Unset): Case-insensitive search text
        status (None | Unset | UserStatus): Only users with this status
        tariff_id (int | None | Unset): Only users with this tariff
        auth_sync_status (AuthSyncStatus | None | Unset): Only users in this Auth Service sync
            state
        include_assignments (bool | Unset): Also each user's packages and direct channels (for
            exports) Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | UserListItemPageEnvelope
    """

    return sync_detailed(
        client=client,
        page=page,
        per_page=per_page,
        search=search,
        status=status,
        tariff_id=tariff_id,
        auth_sync_status=auth_sync_status,
        include_assignments=include_assignments,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    search: None | str | Unset = UNSET,
    status: None | Unset | UserStatus = UNSET,
    tariff_id: int | None | Unset = UNSET,
    auth_sync_status: AuthSyncStatus | None | Unset = UNSET,
    include_assignments: bool | Unset = False,
) -> Response[ErrorEnvelope | UserListItemPageEnvelope]:
    """ListUsers

     List users, ordered by last name, first name.

    ``search``: every whitespace-separated term must be a case-insensitive prefix of the first
    name, the last name or the agreement number (``iv ag-0`` finds Ivanov with AG-001).

    Args:
        page (int | Unset): 1-based page number Default: 1.
        per_page (int | Unset): Rows per page (≤ 200) Default: 20.
        search (None | str | Unset): Case-insensitive search text
        status (None | Unset | UserStatus): Only users with this status
        tariff_id (int | None | Unset): Only users with this tariff
        auth_sync_status (AuthSyncStatus | None | Unset): Only users in this Auth Service sync
            state
        include_assignments (bool | Unset): Also each user's packages and direct channels (for
            exports) Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | UserListItemPageEnvelope]
    """

    kwargs = _get_kwargs(
        page=page,
        per_page=per_page,
        search=search,
        status=status,
        tariff_id=tariff_id,
        auth_sync_status=auth_sync_status,
        include_assignments=include_assignments,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    search: None | str | Unset = UNSET,
    status: None | Unset | UserStatus = UNSET,
    tariff_id: int | None | Unset = UNSET,
    auth_sync_status: AuthSyncStatus | None | Unset = UNSET,
    include_assignments: bool | Unset = False,
) -> ErrorEnvelope | UserListItemPageEnvelope | None:
    """ListUsers

     List users, ordered by last name, first name.

    ``search``: every whitespace-separated term must be a case-insensitive prefix of the first
    name, the last name or the agreement number (``iv ag-0`` finds Ivanov with AG-001).

    Args:
        page (int | Unset): 1-based page number Default: 1.
        per_page (int | Unset): Rows per page (≤ 200) Default: 20.
        search (None | str | Unset): Case-insensitive search text
        status (None | Unset | UserStatus): Only users with this status
        tariff_id (int | None | Unset): Only users with this tariff
        auth_sync_status (AuthSyncStatus | None | Unset): Only users in this Auth Service sync
            state
        include_assignments (bool | Unset): Also each user's packages and direct channels (for
            exports) Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | UserListItemPageEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            per_page=per_page,
            search=search,
            status=status,
            tariff_id=tariff_id,
            auth_sync_status=auth_sync_status,
            include_assignments=include_assignments,
        )
    ).parsed
