from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.user_create import UserCreate
from ...models.user_read_envelope import UserReadEnvelope
from ...types import Response


def _get_kwargs(
    *,
    body: UserCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/users",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | UserReadEnvelope | None:
    if response.status_code == 201:
        response_201 = UserReadEnvelope.from_dict(response.json())

        return response_201

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
) -> Response[ErrorEnvelope | UserReadEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UserCreate,
) -> Response[ErrorEnvelope | UserReadEnvelope]:
    """CreateUser

     Create a user and register their token with the Auth Service.

    A 502 AUTH_SERVICE_ERROR means the user *was* saved; the Auth Service is retried in the
    background (see ``auth_sync`` in ``GET /users/{id}``). Its ``error.details`` holds
    ``{"field": "id", "message": "<the new user's id>"}``: open that user rather than creating
    it again (which would be a 409).

    Args:
        body (UserCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | UserReadEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: UserCreate,
) -> ErrorEnvelope | UserReadEnvelope | None:
    """CreateUser

     Create a user and register their token with the Auth Service.

    A 502 AUTH_SERVICE_ERROR means the user *was* saved; the Auth Service is retried in the
    background (see ``auth_sync`` in ``GET /users/{id}``). Its ``error.details`` holds
    ``{"field": "id", "message": "<the new user's id>"}``: open that user rather than creating
    it again (which would be a 409).

    Args:
        body (UserCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | UserReadEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UserCreate,
) -> Response[ErrorEnvelope | UserReadEnvelope]:
    """CreateUser

     Create a user and register their token with the Auth Service.

    A 502 AUTH_SERVICE_ERROR means the user *was* saved; the Auth Service is retried in the
    background (see ``auth_sync`` in ``GET /users/{id}``). Its ``error.details`` holds
    ``{"field": "id", "message": "<the new user's id>"}``: open that user rather than creating
    it again (which would be a 409).

    Args:
        body (UserCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | UserReadEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UserCreate,
) -> ErrorEnvelope | UserReadEnvelope | None:
    """CreateUser

     Create a user and register their token with the Auth Service.

    A 502 AUTH_SERVICE_ERROR means the user *was* saved; the Auth Service is retried in the
    background (see ``auth_sync`` in ``GET /users/{id}``). Its ``error.details`` holds
    ``{"field": "id", "message": "<the new user's id>"}``: open that user rather than creating
    it again (which would be a 409).

    Args:
        body (UserCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | UserReadEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
