import { Badge, Button, Group, Paper, ScrollArea, Select, Skeleton, Table, TextInput, VisuallyHidden } from "@mantine/core";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { tariffLookupOptions } from "@/api/queries/lookups";
import { CellText } from "@/components/data-table/cell-text";
import { EmptyListText, PaginationBar } from "@/components/data-table/pagination-bar";
import { PageHeader } from "@/components/page-header";
import { QueryError } from "@/components/query-error";
import { positiveInt, useClampPage, useSearchBox, useUrlState } from "@/lib/use-url-state";
import { AUTH_SYNC_STATES, usersOptions, type AuthSyncStatus, type UserFilters } from "../api/users";
import { AuthSyncBadge } from "./auth-sync-badge";
import { DownloadPlaylistButton } from "./download-button";

const DEFAULTS = { page: "1", per_page: "20", search: "", status: "", tariff: "", auth_sync: "" };

function authSyncFilter(value: string): "" | AuthSyncStatus {
  return (AUTH_SYNC_STATES as readonly string[]).includes(value) ? (value as AuthSyncStatus) : "";
}

export function UsersPage() {
  const [url, setUrl, goToPage] = useUrlState(DEFAULTS);
  const filters: UserFilters = {
    page: positiveInt(url.page, 1),
    per_page: positiveInt(url.per_page, 20),
    search: url.search,
    status: url.status === "enabled" || url.status === "disabled" ? url.status : "",
    tariff: url.tariff,
    auth_sync: authSyncFilter(url.auth_sync),
  };
  const users = useQuery(usersOptions(filters));
  const tariffs = useQuery(tariffLookupOptions);
  const search = useSearchBox(url.search, (value, options) => setUrl({ search: value }, options));
  useClampPage(users.data, !users.isPlaceholderData, goToPage);
  const filtered = Boolean(filters.search || filters.status || filters.tariff || filters.auth_sync);

  return (
    <>
      <PageHeader title="Users">
        <Button component={Link} to="/users/new" leftSection={<IconPlus size={16} />}>
          Add User
        </Button>
      </PageHeader>
      <Group mb="md" gap="sm" align="flex-end">
        <Select
          label="Status"
          w={160}
          data={[
            { value: "", label: "All Status" },
            { value: "enabled", label: "Enabled" },
            { value: "disabled", label: "Disabled" },
          ]}
          value={filters.status}
          onChange={(v) => setUrl({ status: v ?? "" })}
          allowDeselect={false}
        />
        <Select
          label="Tariff"
          w={200}
          data={[{ value: "", label: "All Tariffs" }, ...(tariffs.data ?? []).map((t) => ({ value: String(t.id), label: t.name }))]}
          value={filters.tariff}
          onChange={(v) => setUrl({ tariff: v ?? "" })}
          allowDeselect={false}
          searchable
        />
        <Select
          label="Auth Service"
          w={170}
          data={[
            { value: "", label: "All sync states" },
            { value: "synced", label: "Synced" },
            { value: "pending", label: "Pending" },
            { value: "failed", label: "Failed" },
          ]}
          value={filters.auth_sync}
          onChange={(v) => setUrl({ auth_sync: v ?? "" })}
          allowDeselect={false}
        />
        <TextInput
          label="Search"
          placeholder="Name or agreement"
          leftSection={<IconSearch size={16} />}
          w={240}
          value={search.value}
          onChange={(e) => search.onChange(e.currentTarget.value)}
        />
      </Group>
      {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      <Paper withBorder>
        {/* Fits 1000px; narrower, it scrolls with a visible bar. */}
        <ScrollArea type="auto">
          <Table highlightOnHover miw={820} style={{ opacity: users.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Agreement</Table.Th>
                <Table.Th>Tariffs</Table.Th>
                <Table.Th w={80}>Sessions</Table.Th>
                <Table.Th w={104}>Status</Table.Th>
                <Table.Th w={124}>Auth Service</Table.Th>
                <Table.Th w={1}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data?.items.map((u) => {
                const name = `${u.last_name} ${u.first_name}`;
                const tariffNames = u.tariffs.map((t) => t.name).join(", ");
                return (
                  <Table.Tr key={u.id}>
                    <Table.Td>
                      <CellText lineClamp={2} title={name}>
                        {name}
                      </CellText>
                    </Table.Td>
                    <Table.Td>
                      <CellText lineClamp={2} title={u.agreement_number}>
                        {u.agreement_number}
                      </CellText>
                    </Table.Td>
                    <Table.Td>
                      <CellText lineClamp={2} title={tariffNames || undefined}>
                        {tariffNames || "—"}
                      </CellText>
                    </Table.Td>
                    <Table.Td>{u.max_sessions}</Table.Td>
                    <Table.Td>
                      <Badge color={u.status === "enabled" ? "green" : "gray"} variant="dot" tt="none" miw="max-content">
                        {u.status === "enabled" ? "Enabled" : "Disabled"}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <AuthSyncBadge status={u.auth_sync_status} error={u.auth_sync_error} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap" justify="flex-end">
                        <Button size="compact-sm" variant="light" component={Link} to={`/users/${u.id}`} aria-label={`Edit ${name}`}>
                          Edit
                        </Button>
                        <DownloadPlaylistButton user={u} label="Playlist" size="compact-sm" variant="default" />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {users.isPending && <Skeleton h={200} />}
        {users.data?.items.length === 0 && (
          <EmptyListText total={users.data.total} filtered={filtered} noun="users" onFirstPage={() => goToPage(1)} />
        )}
      </Paper>
      {users.data && (
        <PaginationBar
          page={users.data.page}
          pages={users.data.pages}
          total={users.data.total}
          perPage={filters.per_page}
          noun="user"
          onPage={goToPage}
          onPerPage={(n) => setUrl({ per_page: String(n) })}
        />
      )}
    </>
  );
}
