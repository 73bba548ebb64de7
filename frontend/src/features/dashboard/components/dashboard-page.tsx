import { Alert, Anchor, Badge, Button, Card, Group, List, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { Schemas } from "@/api/client";
import { uiSettingsOptions } from "@/api/queries/lookups";
import { describeSkipped, runErrorInWords, useFlussonicSync } from "@/components/flussonic-sync/use-flussonic-sync";
import { SyncButton } from "@/components/flussonic-sync/sync-button";
import { plural } from "@/components/confirm-dialog";
import { PageHeader } from "@/components/page-header";
import { QueryError } from "@/components/query-error";
import { formatZonedDateTime } from "@/lib/dates";
import { describeCheck, useAuthServiceCheck } from "../api/auth-check";
import { dashboardStatsOptions } from "../api/stats";

function CountCard({ title, value, hint, to }: { title: string; value: string; hint?: string; to: string }) {
  return (
    <Card withBorder padding="lg" radius="md">
      {/* One line even in a 1024px-wide window with the sidebar open. */}
      <Text size="xs" c="dimmed" fw={700} tt="uppercase" style={{ whiteSpace: "nowrap" }}>
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

/**
 * Two different figures, each said once: the catalogue as it is now (all orphaned channels, however
 * old), and what the last run changed ("newly orphaned"). The sync's own result is the toast.
 */
function SyncPanel({ stats, zone }: { stats: Schemas["DashboardStats"]; zone: string }) {
  const sync = useFlussonicSync();
  const run = stats.last_sync;
  return (
    <Card withBorder padding="lg" radius="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Title order={4}>Flussonic Sync</Title>
          <Group gap="xs">
            <Text size="sm">Last sync: {formatZonedDateTime(run?.started_at, zone)}</Text>
            {run && (
              <Badge color={RUN_COLORS[run.status]} variant="light">
                {run.status}
              </Badge>
            )}
            {run?.forced && <Badge color="orange" variant="light">forced</Badge>}
          </Group>
          <Text size="sm" data-testid="catalogue-figures">
            Channels now: {stats.channels.synced} in Flussonic, {stats.channels.orphaned} orphaned in total
          </Text>
          {run && run.status !== "failed" && (
            <Text size="sm" c="dimmed" data-testid="last-run-figures">
              That run: Flussonic listed {plural(run.total, "stream")}; {run.new} new, {run.updated} updated,{" "}
              {run.orphaned} newly orphaned
              {run.restored ? `, ${run.restored} restored` : ""}
              {run.skipped ? `; ${run.skipped} skipped` : ""}
            </Text>
          )}
          {stats.last_successful_sync_at && run?.status === "failed" && (
            <Text size="sm" c="dimmed">
              Last successful sync: {formatZonedDateTime(stats.last_successful_sync_at, zone)}
            </Text>
          )}
        </Stack>
        <SyncButton sync={sync} />
      </Group>
      {run && run.status !== "failed" && run.skipped > 0 && (
        <Alert color="yellow" mt="md" title={`${plural(run.skipped, "stream")} from Flussonic could not be used`}>
          <Text size="sm">
            They are not in the catalogue; a channel already there under such a name was left as it was.
          </Text>
          <List size="sm" mt="xs" spacing={2} data-testid="skipped-streams">
            {describeSkipped(run).map((line, index) => (
              // dir="auto": a Hebrew stream name reads right to left inside its own line.
              <List.Item key={index} dir="auto" style={{ overflowWrap: "anywhere" }}>
                {line}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {run?.status === "failed" && run.error && (
        <Alert color="red" title="The last sync failed" mt="md">
          {runErrorInWords(run.error)}
        </Alert>
      )}
      {sync.isPending && (
        <Alert color="blue" mt="md" title="Syncing…">
          Fetching the line-up from Flussonic. This can take a moment for large line-ups.
        </Alert>
      )}
    </Card>
  );
}

function minutesText(seconds: number): string {
  return seconds % 60 === 0 ? plural(seconds / 60, "minute") : plural(Math.round(seconds), "second");
}

/** When the Auth Service's tokens were last compared with the subscribers, what that found, and "Check now". */
function AuthCheck({ counts, zone }: { counts: Schemas["DashboardStats"]["auth_sync"]; zone: string }) {
  const { check, isPending } = useAuthServiceCheck();
  const last = counts.last_check;
  return (
    <Group justify="space-between" align="flex-start" mt="md">
      <Stack gap={4}>
        <Text size="sm" data-testid="last-check">
          Last check: {last ? formatZonedDateTime(last.started_at, zone) : "never"}
          {last && ` (${last.scheduled ? "automatic" : "by an admin"})`}
          {last?.status === "running" && " — checking now…"}
        </Text>
        {last?.status === "succeeded" && (
          <Text size="sm" c={last.repair_failures ? "red" : "dimmed"} data-testid="last-check-result">
            {describeCheck(last, last.repair)}
          </Text>
        )}
        {last?.status === "failed" && (
          <Text size="sm" c="red" data-testid="last-check-result">
            The check failed: {last.error ?? "unknown error"}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {counts.check_every
            ? `Checked and repaired automatically every ${minutesText(counts.check_every)}.`
            : "Automatic checks are off (AUTH_RECONCILE_INTERVAL, AUTH_SYNC_WORKER)."}
        </Text>
      </Stack>
      <Button variant="default" leftSection={<IconRefresh size={16} />} loading={isPending} onClick={check}>
        Check now
      </Button>
    </Group>
  );
}

function AuthSyncCard({ counts, zone }: { counts: Schemas["DashboardStats"]["auth_sync"]; zone: string }) {
  return (
    <Card withBorder padding="lg" radius="md">
      <Title order={4}>Auth Service sync</Title>
      <Group mt="xs" gap="lg">
        <Text size="sm">
          Pending: <b>{counts.pending}</b>
          {counts.pending > 0 && (
            <Anchor component={Link} to="/users?auth_sync=pending" size="sm" ml="xs" aria-label="See users with a pending push">
              See users
            </Anchor>
          )}
        </Text>
        <Text size="sm" c={counts.failed ? "red" : undefined}>
          Failed: <b>{counts.failed}</b>
          {counts.failed > 0 && (
            <Anchor component={Link} to="/users?auth_sync=failed" size="sm" ml="xs" aria-label="See users whose push failed">
              See users
            </Anchor>
          )}
        </Text>
        <Text size="sm" title="Tokens of deleted users, or replaced tokens, still to remove from the Auth Service">
          Tokens to remove: <b>{counts.pending_deletions}</b>
        </Text>
        <Text size="sm" title="Catalogue changes whose users are still to be queued for a push">
          Catalogue changes queued: <b>{counts.queued_events}</b>
        </Text>
      </Group>
      <AuthCheck counts={counts} zone={zone} />
    </Card>
  );
}

export function DashboardPage() {
  const stats = useQuery(dashboardStatsOptions);
  const settings = useQuery(uiSettingsOptions);
  return (
    <>
      <PageHeader title="Dashboard" />
      {stats.isError && <QueryError error={stats.error} onRetry={() => void stats.refetch()} />}
      {settings.isError && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
      {(stats.isPending || settings.isPending) && <Skeleton h={160} />}
      {stats.data && settings.data && (
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
          <SyncPanel stats={stats.data} zone={settings.data.operator_timezone} />
          <AuthSyncCard counts={stats.data.auth_sync} zone={settings.data.operator_timezone} />
        </Stack>
      )}
    </>
  );
}
