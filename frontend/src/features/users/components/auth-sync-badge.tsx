import { Badge, Tooltip } from "@mantine/core";
import type { AuthSyncStatus } from "../api/users";

const LOOK: Record<AuthSyncStatus, { color: string; label: string }> = {
  synced: { color: "green", label: "Auth: synced" },
  pending: { color: "yellow", label: "Auth: pending" },
  failed: { color: "red", label: "Auth: failed" },
};

export function AuthSyncBadge({ status, error }: { status: AuthSyncStatus; error?: string | null }) {
  const look = LOOK[status];
  const badge = (
    // max-content: a squeezed table column must not cut the words ("Auth: fai…").
    <Badge color={look.color} variant="light" size="sm" tt="none" miw="max-content">
      {look.label}
    </Badge>
  );
  return error ? (
    <Tooltip label={error} multiline w={320} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
