import {
  Badge,
  Button,
  Group,
  Image,
  Paper,
  ScrollArea,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
import { IconPhotoOff, IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { groupLookupOptions, packageLookupOptions } from "@/api/queries/lookups";
import { ConfirmDialog, plural } from "@/components/confirm-dialog";
import { CellText } from "@/components/data-table/cell-text";
import { EmptyListText, PaginationBar } from "@/components/data-table/pagination-bar";
import { SortableBody, SortableRow } from "@/components/data-table/sortable";
import { SyncButton } from "@/components/flussonic-sync/sync-button";
import { useFlussonicSync } from "@/components/flussonic-sync/use-flussonic-sync";
import { PageHeader } from "@/components/page-header";
import { QueryError } from "@/components/query-error";
import { notifySuccess } from "@/lib/notify";
import { reorderPage } from "@/lib/reorder";
import { positiveInt, useClampPage, useSearchBox, useUrlState } from "@/lib/use-url-state";
import {
  channelCascadeOptions,
  channelName,
  channelsOptions,
  useDeleteChannel,
  useReorderChannels,
  type Channel,
  type ChannelFilters,
} from "../api/channels";
import { ChannelEditModal } from "./channel-edit-modal";
import { ChannelGroupSelect, ChannelPackagesSelect } from "./channel-row-controls";

const DEFAULTS = { page: "1", per_page: "20", search: "", group: "", status: "" };

function DeleteChannelDialog({ channel, onClose }: { channel: Channel; onClose: () => void }) {
  const cascade = useQuery(channelCascadeOptions(channel.id));
  const remove = useDeleteChannel();
  const name = channelName(channel);
  return (
    <ConfirmDialog
      opened
      title="Delete Channel"
      message={`Are you sure you want to delete "${name}"? This will remove it from:`}
      effects={
        cascade.data
          ? [plural(cascade.data.packages_count, "package"), plural(cascade.data.users_count, "user")]
          : ["Counting…"]
      }
      loading={remove.isPending}
      confirmDisabled={cascade.isPending}
      onConfirm={() =>
        remove.mutate(channel.id, {
          onSuccess: () => {
            notifySuccess(`Channel "${name}" deleted`);
            onClose();
          },
        })
      }
      onClose={onClose}
    />
  );
}

function Logo({ channel, name }: { channel: Channel; name: string }) {
  if (!channel.logo_url) {
    return (
      <Tooltip label="No logo">
        <IconPhotoOff size={20} color="var(--mantine-color-gray-5)" aria-label="No logo" />
      </Tooltip>
    );
  }
  return <Image src={channel.logo_url} alt={`Logo of ${name}`} h={28} w={44} fit="contain" />;
}

export function ChannelsPage() {
  const [url, setUrl, goToPage] = useUrlState(DEFAULTS);
  const filters: ChannelFilters = {
    page: positiveInt(url.page, 1),
    per_page: positiveInt(url.per_page, 20),
    search: url.search,
    group: url.group,
    status: url.status === "synced" || url.status === "orphaned" ? url.status : "",
  };
  const channels = useQuery(channelsOptions(filters));
  const groups = useQuery(groupLookupOptions);
  const packages = useQuery(packageLookupOptions);
  const reorder = useReorderChannels(filters);
  const sync = useFlussonicSync();
  const search = useSearchBox(url.search, (value, options) => setUrl({ search: value }, options));
  // Also after deleting the last row of the last page: the refetched page is past the end.
  useClampPage(channels.data, !channels.isPlaceholderData, goToPage);
  const [editing, setEditing] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<Channel | null>(null);

  const groupOptions = (groups.data ?? []).map((g) => ({ value: String(g.id), label: g.name }));
  const packageOptions = (packages.data ?? []).map((p) => ({ value: String(p.id), label: p.name }));
  const rows = channels.data?.items ?? [];
  const offset = (filters.page - 1) * filters.per_page;

  return (
    <>
      <PageHeader title="Channels">
        <SyncButton sync={sync} />
      </PageHeader>
      <Group mb="md" gap="sm" align="flex-end">
        <Select
          label="Group"
          w={200}
          data={[{ value: "", label: "All Groups" }, { value: "none", label: "No group" }, ...groupOptions]}
          value={filters.group}
          onChange={(v) => setUrl({ group: v ?? "" })}
          allowDeselect={false}
          searchable
        />
        <Select
          label="Status"
          w={160}
          data={[
            { value: "", label: "All Status" },
            { value: "synced", label: "Synced" },
            { value: "orphaned", label: "Orphaned" },
          ]}
          value={filters.status}
          onChange={(v) => setUrl({ status: v ?? "" })}
          allowDeselect={false}
        />
        <TextInput
          label="Search"
          placeholder="Name, stream or TVG ID"
          leftSection={<IconSearch size={16} />}
          w={280}
          value={search.value}
          onChange={(e) => search.onChange(e.currentTarget.value)}
        />
      </Group>
      {channels.isError && <QueryError error={channels.error} onRetry={() => void channels.refetch()} />}
      <Paper withBorder>
        {/* Fits 1000px (1024 with the sidebar collapsed); narrower, it scrolls with a visible bar. */}
        <ScrollArea type="auto">
          <Table verticalSpacing={6} highlightOnHover miw={900} style={{ opacity: channels.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36}>
                  <VisuallyHidden>Reorder</VisuallyHidden>
                </Table.Th>
                <Table.Th w={44}>#</Table.Th>
                <Table.Th w={52}>Logo</Table.Th>
                <Table.Th miw={160}>Name</Table.Th>
                <Table.Th w={124}>TVG ID</Table.Th>
                <Table.Th w={156}>Group</Table.Th>
                <Table.Th w={144}>Packages</Table.Th>
                <Table.Th w={104}>Status</Table.Th>
                <Table.Th w={128}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <SortableBody
              ids={rows.map((c) => c.id)}
              onMove={(activeId, overId) => {
                const result = reorderPage(rows, activeId, overId);
                if (result) reorder.mutate({ order: result.order, rows: result.rows });
              }}
            >
              {rows.map((channel, index) => {
                const name = channelName(channel);
                const orphaned = channel.sync_status === "orphaned";
                return (
                  <SortableRow
                    key={channel.id}
                    id={channel.id}
                    handleLabel={name}
                    disabled={reorder.isPending || channels.isPlaceholderData}
                    style={orphaned ? { background: "var(--mantine-color-gray-1)" } : undefined}
                    data-orphaned={orphaned || undefined}
                  >
                    <Table.Td c={orphaned ? "dimmed" : undefined}>{offset + index + 1}</Table.Td>
                    <Table.Td style={{ opacity: orphaned ? 0.5 : 1 }}>
                      <Logo channel={channel} name={name} />
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={0}>
                        <CellText fw={500} c={orphaned ? "dimmed" : undefined} lineClamp={1} title={name}>
                          {name}
                        </CellText>
                        {name !== channel.stream_name && (
                          <CellText size="xs" c="dimmed" lineClamp={1} title={channel.stream_name}>
                            {channel.stream_name}
                          </CellText>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={orphaned ? "dimmed" : undefined} dir="auto" ta="left" truncate="end" maw={104} title={channel.tvg_id ?? undefined}>
                        {channel.tvg_id ?? "—"}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ChannelGroupSelect channel={channel} name={name} groups={groupOptions} />
                    </Table.Td>
                    <Table.Td>
                      <ChannelPackagesSelect channel={channel} name={name} packages={packageOptions} />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={orphaned ? "gray" : "green"} variant={orphaned ? "outline" : "light"} tt="none" size="md" miw="max-content">
                        {orphaned ? "Orphaned" : "Synced"}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap" justify="flex-end">
                        <Button size="compact-sm" variant="light" onClick={() => setEditing(channel.id)} aria-label={`Edit ${name}`}>
                          Edit
                        </Button>
                        {orphaned && (
                          <Button
                            size="compact-sm"
                            variant="filled"
                            color="red"
                            onClick={() => setDeleting(channel)}
                            aria-label={`Delete ${name}`}
                          >
                            Delete
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </SortableRow>
                );
              })}
            </SortableBody>
          </Table>
        </ScrollArea>
        {channels.isPending && <Skeleton h={200} />}
        {channels.data?.items.length === 0 && (
          <EmptyListText
            total={channels.data.total}
            filtered={Boolean(filters.search || filters.group || filters.status)}
            noun="channels"
            empty="No channels yet. Press “Sync from Flussonic” to load the line-up."
            onFirstPage={() => goToPage(1)}
          />
        )}
      </Paper>
      {channels.data && (
        <PaginationBar
          page={channels.data.page}
          pages={channels.data.pages}
          total={channels.data.total}
          perPage={filters.per_page}
          noun="channel"
          onPage={goToPage}
          onPerPage={(n) => setUrl({ per_page: String(n) })}
        />
      )}
      {editing !== null && <ChannelEditModal channelId={editing} onClose={() => setEditing(null)} />}
      {deleting && <DeleteChannelDialog channel={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}
