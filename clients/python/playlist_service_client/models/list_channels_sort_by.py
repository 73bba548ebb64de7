from enum import StrEnum


class ListChannelsSortBy(StrEnum):
    CATCHUP_DAYS = "catchup_days"
    CREATED_AT = "created_at"
    DISPLAY_NAME = "display_name"
    ID = "id"
    LAST_SEEN_AT = "last_seen_at"
    SORT_ORDER = "sort_order"
    STREAM_NAME = "stream_name"
    SYNC_STATUS = "sync_status"
    TVG_ID = "tvg_id"
    TVG_NAME = "tvg_name"
    UPDATED_AT = "updated_at"

    def __str__(self) -> str:
        return str(self.value)
