"""Contains all the data models used in inputs/outputs"""

from .admin_read import AdminRead
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_read import ApiKeyRead
from .api_key_scope import ApiKeyScope
from .auth_sync_counts import AuthSyncCounts
from .auth_sync_overview import AuthSyncOverview
from .auth_sync_state import AuthSyncState
from .auth_sync_status import AuthSyncStatus
from .channel_cascade_info import ChannelCascadeInfo
from .channel_counts import ChannelCounts
from .channel_group_update import ChannelGroupUpdate
from .channel_lookup import ChannelLookup
from .channel_packages_update import ChannelPackagesUpdate
from .channel_read import ChannelRead
from .channel_summary import ChannelSummary
from .channel_update import ChannelUpdate
from .dashboard_stats import DashboardStats
from .deleted import Deleted
from .envelope_api_key_created import EnvelopeApiKeyCreated
from .envelope_api_key_read import EnvelopeApiKeyRead
from .envelope_auth_sync_overview import EnvelopeAuthSyncOverview
from .envelope_auth_sync_state import EnvelopeAuthSyncState
from .envelope_channel_cascade_info import EnvelopeChannelCascadeInfo
from .envelope_channel_read import EnvelopeChannelRead
from .envelope_dashboard_stats import EnvelopeDashboardStats
from .envelope_deleted import EnvelopeDeleted
from .envelope_group_cascade_info import EnvelopeGroupCascadeInfo
from .envelope_group_read import EnvelopeGroupRead
from .envelope_health_status import EnvelopeHealthStatus
from .envelope_none_type import EnvelopeNoneType
from .envelope_package_cascade_info import EnvelopePackageCascadeInfo
from .envelope_package_read import EnvelopePackageRead
from .envelope_page_api_key_read import EnvelopePageApiKeyRead
from .envelope_page_channel_summary import EnvelopePageChannelSummary
from .envelope_page_user_list_item import EnvelopePageUserListItem
from .envelope_playlist_preview import EnvelopePlaylistPreview
from .envelope_reconcile_report_read import EnvelopeReconcileReportRead
from .envelope_reorder_result import EnvelopeReorderResult
from .envelope_resolved_channels import EnvelopeResolvedChannels
from .envelope_resync_queued import EnvelopeResyncQueued
from .envelope_session_info import EnvelopeSessionInfo
from .envelope_sync_result import EnvelopeSyncResult
from .envelope_tariff_cascade_info import EnvelopeTariffCascadeInfo
from .envelope_tariff_read import EnvelopeTariffRead
from .envelope_ui_settings import EnvelopeUiSettings
from .envelope_user_read import EnvelopeUserRead
from .envelopelist_channel_lookup import EnvelopelistChannelLookup
from .envelopelist_group_lookup import EnvelopelistGroupLookup
from .envelopelist_group_read import EnvelopelistGroupRead
from .envelopelist_package_lookup import EnvelopelistPackageLookup
from .envelopelist_package_read import EnvelopelistPackageRead
from .envelopelist_tariff_lookup import EnvelopelistTariffLookup
from .envelopelist_tariff_read import EnvelopelistTariffRead
from .error_body import ErrorBody
from .error_detail import ErrorDetail
from .error_envelope import ErrorEnvelope
from .group_cascade_info import GroupCascadeInfo
from .group_create import GroupCreate
from .group_lookup import GroupLookup
from .group_read import GroupRead
from .group_ref import GroupRef
from .group_update import GroupUpdate
from .health_status import HealthStatus
from .list_channels_sort_by import ListChannelsSortBy
from .list_channels_sort_dir import ListChannelsSortDir
from .login_request import LoginRequest
from .order_item import OrderItem
from .package_cascade_info import PackageCascadeInfo
from .package_create import PackageCreate
from .package_lookup import PackageLookup
from .package_read import PackageRead
from .package_ref import PackageRef
from .package_update import PackageUpdate
from .page_api_key_read import PageApiKeyRead
from .page_channel_summary import PageChannelSummary
from .page_user_list_item import PageUserListItem
from .playlist_preview import PlaylistPreview
from .reconcile_difference import ReconcileDifference
from .reconcile_difference_kind import ReconcileDifferenceKind
from .reconcile_report_read import ReconcileReportRead
from .ref import Ref
from .reorder_request import ReorderRequest
from .reorder_result import ReorderResult
from .resolved_channel_read import ResolvedChannelRead
from .resolved_channels import ResolvedChannels
from .resync_queued import ResyncQueued
from .session_info import SessionInfo
from .session_info_auth_method import SessionInfoAuthMethod
from .sync_request import SyncRequest
from .sync_result import SyncResult
from .sync_run_read import SyncRunRead
from .sync_run_status import SyncRunStatus
from .sync_status import SyncStatus
from .tariff_cascade_info import TariffCascadeInfo
from .tariff_create import TariffCreate
from .tariff_lookup import TariffLookup
from .tariff_read import TariffRead
from .tariff_update import TariffUpdate
from .ui_settings import UiSettings
from .user_counts import UserCounts
from .user_create import UserCreate
from .user_list_item import UserListItem
from .user_read import UserRead
from .user_status import UserStatus
from .user_update import UserUpdate

__all__ = (
    "AdminRead",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyRead",
    "ApiKeyScope",
    "AuthSyncCounts",
    "AuthSyncOverview",
    "AuthSyncState",
    "AuthSyncStatus",
    "ChannelCascadeInfo",
    "ChannelCounts",
    "ChannelGroupUpdate",
    "ChannelLookup",
    "ChannelPackagesUpdate",
    "ChannelRead",
    "ChannelSummary",
    "ChannelUpdate",
    "DashboardStats",
    "Deleted",
    "EnvelopeApiKeyCreated",
    "EnvelopeApiKeyRead",
    "EnvelopeAuthSyncOverview",
    "EnvelopeAuthSyncState",
    "EnvelopeChannelCascadeInfo",
    "EnvelopeChannelRead",
    "EnvelopeDashboardStats",
    "EnvelopeDeleted",
    "EnvelopeGroupCascadeInfo",
    "EnvelopeGroupRead",
    "EnvelopeHealthStatus",
    "EnvelopelistChannelLookup",
    "EnvelopelistGroupLookup",
    "EnvelopelistGroupRead",
    "EnvelopelistPackageLookup",
    "EnvelopelistPackageRead",
    "EnvelopelistTariffLookup",
    "EnvelopelistTariffRead",
    "EnvelopeNoneType",
    "EnvelopePackageCascadeInfo",
    "EnvelopePackageRead",
    "EnvelopePageApiKeyRead",
    "EnvelopePageChannelSummary",
    "EnvelopePageUserListItem",
    "EnvelopePlaylistPreview",
    "EnvelopeReconcileReportRead",
    "EnvelopeReorderResult",
    "EnvelopeResolvedChannels",
    "EnvelopeResyncQueued",
    "EnvelopeSessionInfo",
    "EnvelopeSyncResult",
    "EnvelopeTariffCascadeInfo",
    "EnvelopeTariffRead",
    "EnvelopeUiSettings",
    "EnvelopeUserRead",
    "ErrorBody",
    "ErrorDetail",
    "ErrorEnvelope",
    "GroupCascadeInfo",
    "GroupCreate",
    "GroupLookup",
    "GroupRead",
    "GroupRef",
    "GroupUpdate",
    "HealthStatus",
    "ListChannelsSortBy",
    "ListChannelsSortDir",
    "LoginRequest",
    "OrderItem",
    "PackageCascadeInfo",
    "PackageCreate",
    "PackageLookup",
    "PackageRead",
    "PackageRef",
    "PackageUpdate",
    "PageApiKeyRead",
    "PageChannelSummary",
    "PageUserListItem",
    "PlaylistPreview",
    "ReconcileDifference",
    "ReconcileDifferenceKind",
    "ReconcileReportRead",
    "Ref",
    "ReorderRequest",
    "ReorderResult",
    "ResolvedChannelRead",
    "ResolvedChannels",
    "ResyncQueued",
    "SessionInfo",
    "SessionInfoAuthMethod",
    "SyncRequest",
    "SyncResult",
    "SyncRunRead",
    "SyncRunStatus",
    "SyncStatus",
    "TariffCascadeInfo",
    "TariffCreate",
    "TariffLookup",
    "TariffRead",
    "TariffUpdate",
    "UiSettings",
    "UserCounts",
    "UserCreate",
    "UserListItem",
    "UserRead",
    "UserStatus",
    "UserUpdate",
)
