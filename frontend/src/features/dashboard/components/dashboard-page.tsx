import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { Schemas } from "@/api/client";
import { describeSyncResult, useFlussonicSync } from "@/components/flussonic-sync/use-flussonic-sync";
import { SyncButton } from "@/components/flussonic-sync/sync-button";
import { PageHeader } from "@/components/page-header";
import { QueryError } from "@/components/query-error";
import { formatDateTime } from "@/lib/dates";
import { dashboardStatsOptions } from "../api/stats";

function CountCard({ title, value, hint, to }: { title: string; value: string; hint?: string; to: string }) {
  return (
    <Card withBorder padding="lg" radius="md">
      <Text size="sm" c="dimmed" fw={600} tt="uppercase">
        {title}
      </Text>
      <Text fz={36} fw={700} lh={1.2} mt={4} aria-label={`${title}: ${value}`}>
        {value}
      </Text>
      <Text size="sm" c="dimmed" h={20}>
        {hint}
      </Text>
      <Anchor component={Link} to={to} size="sm" mt="sm" aria-label={`View all ${title.toLowerCase()}`}>
        View All
      </Anchor>
    </Card>
  );
}

const RUN_COLORS: Record<Schemas["SyncRunStatus"], string> = { running: "blue", succeeded: "green", failed: "red" };

function SyncPanel({ stats }: { stats: Schemas["DashboardStats"] }) {
  const sync = useFlussonicSync();
  const run = stats.last_sync;
  return (
    <Card withBorder padding="lg" radius="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Title order={4}>Flussonic Sync</Title>
          <Group gap="xs">
            <Text size="sm">Last sync: {formatDateTime(run?.started_at)}</Text>
            {run && (
              <Badge color={RUN_COLORS[run.status]} variant="light">
                {run.status}
              </Badge>
            )}
            {run?.forced && <Badge color="orange" variant="light">forced</Badge>}
          </Group>
          <Text size="sm">
            {stats.channels.synced} channels synced, {stats.channels.orphaned} orphaned
          </Text>
          {run && run.status !== "failed" && (
            <Text size="sm" c="dimmed">
              Last run: {run.total} in Flussonic, {run.new} new, {run.updated} updated, {run.orphaned} orphaned
              {run.restored ? `, ${run.restored} restored` : ""}
            </Text>
          )}
          {stats.last_successful_sync_at && run?.status === "failed" && (
            <Text size="sm" c="dimmed">
              Last successful sync: {formatDateTime(stats.last_successful_sync_at)}
            </Text>
          )}
        </Stack>
        <SyncButton sync={sync} />
      </Group>
      {run?.status === "failed" && run.error && (
        <Alert color="red" title="The last sync failed" mt="md">
          {run.error}
        </Alert>
      )}
      {sync.isPending && (
        <Alert color="blue" mt="md" title="Syncing…">
          Fetching the line-up from Flussonic. This can take a moment for large line-ups.
        </Alert>
      )}
      {sync.lastResult && !sync.isPending && (
        <Alert color="green" mt="md" title="Sync finished" withCloseButton={false}>
          {describeSyncResult(sync.lastResult)}
        </Alert>
      )}
    </Card>
  );
}

export function DashboardPage() {
  const stats = useQuery(dashboardStatsOptions);
  return (
    <>
      <PageHeader title="Dashboard" />
      {stats.isError && <QueryError error={stats.error} onRetry={() => void stats.refetch()} />}
      {stats.isPending && <Skeleton h={160} />}
      {stats.data && (
        <Stack>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <CountCard
              title="Channels"
              value={String(stats.data.channels.total)}
              hint={stats.data.channels.orphaned ? `${stats.data.channels.orphaned} orphaned` : undefined}
              to="/channels"
            />
            <CountCard title="Groups" value={String(stats.data.groups)} to="/groups" />
            <CountCard
              title="Packages / Tariffs"
              value={`${stats.data.packages} / ${stats.data.tariffs}`}
              to="/packages"
            />
            <CountCard
              title="Users"
              value={String(stats.data.users.total)}
              hint={`${stats.data.users.enabled} enabled`}
              to="/users"
            />
          </SimpleGrid>
          <SyncPanel stats={stats.data} />
          <Card withBorder padding="lg" radius="md">
            <Title order={4}>Auth Service sync</Title>
            <Group mt="xs" gap="lg">
              <Text size="sm">
                Pending: <b>{stats.data.auth_sync.pending}</b>
              </Text>
              <Text size="sm" c={stats.data.auth_sync.failed ? "red" : undefined}>
                Failed: <b>{stats.data.auth_sync.failed}</b>
              </Text>
              <Text size="sm" title="Tokens of deleted users, or replaced tokens, still to remove from the Auth Service">
                Tokens to remove: <b>{stats.data.auth_sync.pending_deletions}</b>
              </Text>
              <Text size="sm" title="Catalogue changes whose users are still to be queued for a push">
                Catalogue changes queued: <b>{stats.data.auth_sync.queued_events}</b>
              </Text>
              {stats.data.auth_sync.failed > 0 && (
                <Anchor component={Link} to="/users" size="sm">
                  See users
                </Anchor>
              )}
            </Group>
          </Card>
        </Stack>
      )}
    </>
  );
}
