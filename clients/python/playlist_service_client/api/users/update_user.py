from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.user_read_envelope import UserReadEnvelope
from ...models.user_update import UserUpdate
from ...types import Response


def _get_kwargs(
    user_id: int,
    *,
    body: UserUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/users/{user_id}".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | UserReadEnvelope | None:
    if response.status_code == 200:
        response_200 = UserReadEnvelope.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

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
) -> Response[ErrorEnvelope | UserReadEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: UserUpdate,
) -> Response[ErrorEnvelope | UserReadEnvelope]:
    """UpdateUser

     Update a user (only the fields sent) and push the change to the Auth Service.

    Lists (``tariff_ids``, ``package_ids``, ``channel_ids``) replace the assignment. A 502
    AUTH_SERVICE_ERROR means the change was saved but the Auth Service is not updated yet: it
    was down, or another push of this user was still running (the message says which). Either
    way the user stays ``pending`` and the change is pushed automatically.

    Args:
        user_id (int): User id
        body (UserUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | UserReadEnvelope]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: UserUpdate,
) -> ErrorEnvelope | UserReadEnvelope | None:
    """UpdateUser

     Update a user (only the fields sent) and push the change to the Auth Service.

    Lists (``tariff_ids``, ``package_ids``, ``channel_ids``) replace the assignment. A 502
    AUTH_SERVICE_ERROR means the change was saved but the Auth Service is not updated yet: it
    was down, or another push of this user was still running (the message says which). Either
    way the user stays ``pending`` and the change is pushed automatically.

    Args:
        user_id (int): User id
        body (UserUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | UserReadEnvelope
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    user_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: UserUpdate,
) -> Response[ErrorEnvelope | UserReadEnvelope]:
    """UpdateUser

     Update a user (only the fields sent) and push the change to the Auth Service.

    Lists (``tariff_ids``, ``package_ids``, ``channel_ids``) replace the assignment. A 502
    AUTH_SERVICE_ERROR means the change was saved but the Auth Service is not updated yet: it
    was down, or another push of this user was still running (the message says which). Either
    way the user stays ``pending`` and the change is pushed automatically.

    Args:
        user_id (int): User id
        body (UserUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | UserReadEnvelope]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: UserUpdate,
) -> ErrorEnvelope | UserReadEnvelope | None:
    """UpdateUser

     Update a user (only the fields sent) and push the change to the Auth Service.

    Lists (``tariff_ids``, ``package_ids``, ``channel_ids``) replace the assignment. A 502
    AUTH_SERVICE_ERROR means the change was saved but the Auth Service is not updated yet: it
    was down, or another push of this user was still running (the message says which). Either
    way the user stays ``pending`` and the change is pushed automatically.

    Args:
        user_id (int): User id
        body (UserUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | UserReadEnvelope
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            body=body,
        )
    ).parsed
