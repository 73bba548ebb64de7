"""Contains all the data models used in inputs/outputs"""

from .admin_read import AdminRead
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_created_envelope import ApiKeyCreatedEnvelope
from .api_key_read import ApiKeyRead
from .api_key_read_envelope import ApiKeyReadEnvelope
from .api_key_read_page import ApiKeyReadPage
from .api_key_read_page_envelope import ApiKeyReadPageEnvelope
from .api_key_scope import ApiKeyScope
from .auth_sync_counts import AuthSyncCounts
from .auth_sync_overview import AuthSyncOverview
from .auth_sync_overview_envelope import AuthSyncOverviewEnvelope
from .auth_sync_state import AuthSyncState
from .auth_sync_state_envelope import AuthSyncStateEnvelope
from .auth_sync_status import AuthSyncStatus
from .channel_cascade_info import ChannelCascadeInfo
from .channel_cascade_info_envelope import ChannelCascadeInfoEnvelope
from .channel_counts import ChannelCounts
from .channel_group_update import ChannelGroupUpdate
from .channel_lookup import ChannelLookup
from .channel_lookup_list_envelope import ChannelLookupListEnvelope
from .channel_packages_update import ChannelPackagesUpdate
from .channel_read import ChannelRead
from .channel_read_envelope import ChannelReadEnvelope
from .channel_summary import ChannelSummary
from .channel_summary_envelope import ChannelSummaryEnvelope
from .channel_summary_page import ChannelSummaryPage
from .channel_summary_page_envelope import ChannelSummaryPageEnvelope
from .channel_update import ChannelUpdate
from .dashboard_stats import DashboardStats
from .dashboard_stats_envelope import DashboardStatsEnvelope
from .deleted import Deleted
from .deleted_envelope import DeletedEnvelope
from .empty_envelope import EmptyEnvelope
from .error_body import ErrorBody
from .error_detail import ErrorDetail
from .error_envelope import ErrorEnvelope
from .flussonic_status import FlussonicStatus
from .flussonic_status_api_format import FlussonicStatusApiFormat
from .flussonic_status_configured_format import FlussonicStatusConfiguredFormat
from .flussonic_status_envelope import FlussonicStatusEnvelope
from .foreign_token import ForeignToken
from .group_cascade_info import GroupCascadeInfo
from .group_cascade_info_envelope import GroupCascadeInfoEnvelope
from .group_create import GroupCreate
from .group_lookup import GroupLookup
from .group_lookup_list_envelope import GroupLookupListEnvelope
from .group_read import GroupRead
from .group_read_envelope import GroupReadEnvelope
from .group_read_list_envelope import GroupReadListEnvelope
from .group_ref import GroupRef
from .group_update import GroupUpdate
from .health_status import HealthStatus
from .health_status_envelope import HealthStatusEnvelope
from .list_channels_sort_by import ListChannelsSortBy
from .list_channels_sort_dir import ListChannelsSortDir
from .login_request import LoginRequest
from .order_item import OrderItem
from .package_cascade_info import PackageCascadeInfo
from .package_cascade_info_envelope import PackageCascadeInfoEnvelope
from .package_create import PackageCreate
from .package_lookup import PackageLookup
from .package_lookup_list_envelope import PackageLookupListEnvelope
from .package_read import PackageRead
from .package_read_envelope import PackageReadEnvelope
from .package_read_list_envelope import PackageReadListEnvelope
from .package_ref import PackageRef
from .package_update import PackageUpdate
from .playlist_preview import PlaylistPreview
from .playlist_preview_envelope import PlaylistPreviewEnvelope
from .reconcile_difference import ReconcileDifference
from .reconcile_difference_kind import ReconcileDifferenceKind
from .reconcile_report_read import ReconcileReportRead
from .reconcile_report_read_envelope import ReconcileReportReadEnvelope
from .reconcile_run_read import ReconcileRunRead
from .ref import Ref
from .reorder_request import ReorderRequest
from .reorder_result import ReorderResult
from .reorder_result_envelope import ReorderResultEnvelope
from .resolved_channel_read import ResolvedChannelRead
from .resolved_channels import ResolvedChannels
from .resolved_channels_envelope import ResolvedChannelsEnvelope
from .resync_queued import ResyncQueued
from .resync_queued_envelope import ResyncQueuedEnvelope
from .session_info import SessionInfo
from .session_info_auth_method import SessionInfoAuthMethod
from .session_info_envelope import SessionInfoEnvelope
from .skipped_stream_read import SkippedStreamRead
from .sync_request import SyncRequest
from .sync_result import SyncResult
from .sync_result_envelope import SyncResultEnvelope
from .sync_run_read import SyncRunRead
from .sync_run_read_page import SyncRunReadPage
from .sync_run_read_page_envelope import SyncRunReadPageEnvelope
from .sync_run_status import SyncRunStatus
from .sync_status import SyncStatus
from .tariff_cascade_info import TariffCascadeInfo
from .tariff_cascade_info_envelope import TariffCascadeInfoEnvelope
from .tariff_create import TariffCreate
from .tariff_lookup import TariffLookup
from .tariff_lookup_list_envelope import TariffLookupListEnvelope
from .tariff_read import TariffRead
from .tariff_read_envelope import TariffReadEnvelope
from .tariff_read_list_envelope import TariffReadListEnvelope
from .tariff_update import TariffUpdate
from .ui_settings import UiSettings
from .ui_settings_envelope import UiSettingsEnvelope
from .user_counts import UserCounts
from .user_create import UserCreate
from .user_list_item import UserListItem
from .user_list_item_page import UserListItemPage
from .user_list_item_page_envelope import UserListItemPageEnvelope
from .user_read import UserRead
from .user_read_envelope import UserReadEnvelope
from .user_status import UserStatus
from .user_update import UserUpdate

__all__ = (
    "AdminRead",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyCreatedEnvelope",
    "ApiKeyRead",
    "ApiKeyReadEnvelope",
    "ApiKeyReadPage",
    "ApiKeyReadPageEnvelope",
    "ApiKeyScope",
    "AuthSyncCounts",
    "AuthSyncOverview",
    "AuthSyncOverviewEnvelope",
    "AuthSyncState",
    "AuthSyncStateEnvelope",
    "AuthSyncStatus",
    "ChannelCascadeInfo",
    "ChannelCascadeInfoEnvelope",
    "ChannelCounts",
    "ChannelGroupUpdate",
    "ChannelLookup",
    "ChannelLookupListEnvelope",
    "ChannelPackagesUpdate",
    "ChannelRead",
    "ChannelReadEnvelope",
    "ChannelSummary",
    "ChannelSummaryEnvelope",
    "ChannelSummaryPage",
    "ChannelSummaryPageEnvelope",
    "ChannelUpdate",
    "DashboardStats",
    "DashboardStatsEnvelope",
    "Deleted",
    "DeletedEnvelope",
    "EmptyEnvelope",
    "ErrorBody",
    "ErrorDetail",
    "ErrorEnvelope",
    "FlussonicStatus",
    "FlussonicStatusApiFormat",
    "FlussonicStatusConfiguredFormat",
    "FlussonicStatusEnvelope",
    "ForeignToken",
    "GroupCascadeInfo",
    "GroupCascadeInfoEnvelope",
    "GroupCreate",
    "GroupLookup",
    "GroupLookupListEnvelope",
    "GroupRead",
    "GroupReadEnvelope",
    "GroupReadListEnvelope",
    "GroupRef",
    "GroupUpdate",
    "HealthStatus",
    "HealthStatusEnvelope",
    "ListChannelsSortBy",
    "ListChannelsSortDir",
    "LoginRequest",
    "OrderItem",
    "PackageCascadeInfo",
    "PackageCascadeInfoEnvelope",
    "PackageCreate",
    "PackageLookup",
    "PackageLookupListEnvelope",
    "PackageRead",
    "PackageReadEnvelope",
    "PackageReadListEnvelope",
    "PackageRef",
    "PackageUpdate",
    "PlaylistPreview",
    "PlaylistPreviewEnvelope",
    "ReconcileDifference",
    "ReconcileDifferenceKind",
    "ReconcileReportRead",
    "ReconcileReportReadEnvelope",
    "ReconcileRunRead",
    "Ref",
    "ReorderRequest",
    "ReorderResult",
    "ReorderResultEnvelope",
    "ResolvedChannelRead",
    "ResolvedChannels",
    "ResolvedChannelsEnvelope",
    "ResyncQueued",
    "ResyncQueuedEnvelope",
    "SessionInfo",
    "SessionInfoAuthMethod",
    "SessionInfoEnvelope",
    "SkippedStreamRead",
    "SyncRequest",
    "SyncResult",
    "SyncResultEnvelope",
    "SyncRunRead",
    "SyncRunReadPage",
    "SyncRunReadPageEnvelope",
    "SyncRunStatus",
    "SyncStatus",
    "TariffCascadeInfo",
    "TariffCascadeInfoEnvelope",
    "TariffCreate",
    "TariffLookup",
    "TariffLookupListEnvelope",
    "TariffRead",
    "TariffReadEnvelope",
    "TariffReadListEnvelope",
    "TariffUpdate",
    "UiSettings",
    "UiSettingsEnvelope",
    "UserCounts",
    "UserCreate",
    "UserListItem",
    "UserListItemPage",
    "UserListItemPageEnvelope",
    "UserRead",
    "UserReadEnvelope",
    "UserStatus",
    "UserUpdate",
)
