from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.reconcile_report_read_envelope import ReconcileReportReadEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    repair: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["repair"] = repair

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth-sync/reconcile",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ReconcileReportReadEnvelope | None:
    if response.status_code == 200:
        response_200 = ReconcileReportReadEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ReconcileReportReadEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    repair: bool | Unset = False,
) -> Response[ErrorEnvelope | ReconcileReportReadEnvelope]:
    """Reconcile

     Compare the Auth Service's tokens with the users and report (and optionally repair) differences.

    Kinds: ``missing`` (no token), ``stale`` (fields differ), ``pointer`` (stored token id is
    wrong), ``unknown`` (a token of ours that belongs to no user; repair deletes it). Ours means
    its ``meta.managed_by`` is ``playlist-service`` (every token we push carries it) or its
    user_id is one of our agreement numbers (a duplicate). Any other token matching no user is
    counted as ``foreign`` and never deleted: the Auth Service may be shared with other systems.

    One check runs at a time (409 CONFLICT meanwhile, also while the periodic check of
    ``AUTH_RECONCILE_INTERVAL`` runs); each is recorded (``last_check`` of the status).

    Args:
        repair (bool | Unset): Also repair every difference found Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ReconcileReportReadEnvelope]
    """

    kwargs = _get_kwargs(
        repair=repair,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    repair: bool | Unset = False,
) -> ErrorEnvelope | ReconcileReportReadEnvelope | None:
    """Reconcile

     Compare the Auth Service's tokens with the users and report (and optionally repair) differences.

    Kinds: ``missing`` (no token), ``stale`` (fields differ), ``pointer`` (stored token id is
    wrong), ``unknown`` (a token of ours that belongs to no user; repair deletes it). Ours means
    its ``meta.managed_by`` is ``playlist-service`` (every token we push carries it) or its
    user_id is one of our agreement numbers (a duplicate). Any other token matching no user is
    counted as ``foreign`` and never deleted: the Auth Service may be shared with other systems.

    One check runs at a time (409 CONFLICT meanwhile, also while the periodic check of
    ``AUTH_RECONCILE_INTERVAL`` runs); each is recorded (``last_check`` of the status).

    Args:
        repair (bool | Unset): Also repair every difference found Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ReconcileReportReadEnvelope
    """

    return sync_detailed(
        client=client,
        repair=repair,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    repair: bool | Unset = False,
) -> Response[ErrorEnvelope | ReconcileReportReadEnvelope]:
    """Reconcile

     Compare the Auth Service's tokens with the users and report (and optionally repair) differences.

    Kinds: ``missing`` (no token), ``stale`` (fields differ), ``pointer`` (stored token id is
    wrong), ``unknown`` (a token of ours that belongs to no user; repair deletes it). Ours means
    its ``meta.managed_by`` is ``playlist-service`` (every token we push carries it) or its
    user_id is one of our agreement numbers (a duplicate). Any other token matching no user is
    counted as ``foreign`` and never deleted: the Auth Service may be shared with other systems.

    One check runs at a time (409 CONFLICT meanwhile, also while the periodic check of
    ``AUTH_RECONCILE_INTERVAL`` runs); each is recorded (``last_check`` of the status).

    Args:
        repair (bool | Unset): Also repair every difference found Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ReconcileReportReadEnvelope]
    """

    kwargs = _get_kwargs(
        repair=repair,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    repair: bool | Unset = False,
) -> ErrorEnvelope | ReconcileReportReadEnvelope | None:
    """Reconcile

     Compare the Auth Service's tokens with the users and report (and optionally repair) differences.

    Kinds: ``missing`` (no token), ``stale`` (fields differ), ``pointer`` (stored token id is
    wrong), ``unknown`` (a token of ours that belongs to no user; repair deletes it). Ours means
    its ``meta.managed_by`` is ``playlist-service`` (every token we push carries it) or its
    user_id is one of our agreement numbers (a duplicate). Any other token matching no user is
    counted as ``foreign`` and never deleted: the Auth Service may be shared with other systems.

    One check runs at a time (409 CONFLICT meanwhile, also while the periodic check of
    ``AUTH_RECONCILE_INTERVAL`` runs); each is recorded (``last_check`` of the status).

    Args:
        repair (bool | Unset): Also repair every difference found Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ReconcileReportReadEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            repair=repair,
        )
    ).parsed
