import { Badge, Button, Group, Paper, ScrollArea, Select, Skeleton, Table, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { tariffLookupOptions } from "@/api/queries/lookups";
import { PaginationBar } from "@/components/data-table/pagination-bar";
import { PageHeader } from "@/components/page-header";
import { QueryError } from "@/components/query-error";
import { positiveInt, useUrlState } from "@/lib/use-url-state";
import { usersOptions, type UserFilters } from "../api/users";
import { AuthSyncBadge } from "./auth-sync-badge";
import { DownloadPlaylistButton } from "./download-button";

const DEFAULTS = { page: "1", per_page: "20", search: "", status: "", tariff: "" };

export function UsersPage() {
  const [url, setUrl] = useUrlState(DEFAULTS);
  const filters: UserFilters = {
    page: positiveInt(url.page, 1),
    per_page: positiveInt(url.per_page, 20),
    search: url.search,
    status: url.status === "enabled" || url.status === "disabled" ? url.status : "",
    tariff: url.tariff,
  };
  const users = useQuery(usersOptions(filters));
  const tariffs = useQuery(tariffLookupOptions);
  const [searchText, setSearchText] = useState(url.search);
  const pushSearch = useDebouncedCallback((value: string) => setUrl({ search: value.trim() }), 350);

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
        <TextInput
          label="Search"
          placeholder="Name or agreement"
          leftSection={<IconSearch size={16} />}
          w={280}
          value={searchText}
          onChange={(e) => {
            setSearchText(e.currentTarget.value);
            pushSearch(e.currentTarget.value);
          }}
        />
      </Group>
      {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      <Paper withBorder>
        <ScrollArea>
          <Table highlightOnHover miw={900} style={{ opacity: users.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Agreement</Table.Th>
                <Table.Th>Tariffs</Table.Th>
                <Table.Th w={90}>Sessions</Table.Th>
                <Table.Th w={110}>Status</Table.Th>
                <Table.Th w={130}>Auth Service</Table.Th>
                <Table.Th w={190}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data?.items.map((u) => {
                const name = `${u.last_name} ${u.first_name}`;
                return (
                  <Table.Tr key={u.id}>
                    <Table.Td dir="auto">{name}</Table.Td>
                    <Table.Td dir="auto">{u.agreement_number}</Table.Td>
                    <Table.Td dir="auto">
                      <Text size="sm" lineClamp={1}>
                        {u.tariffs.map((t) => t.name).join(", ") || "—"}
                      </Text>
                    </Table.Td>
                    <Table.Td>{u.max_sessions}</Table.Td>
                    <Table.Td>
                      <Badge color={u.status === "enabled" ? "green" : "gray"} variant="dot" tt="none">
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
          <Text c="dimmed" ta="center" p="lg">
            {filters.search || filters.status || filters.tariff ? "No users match these filters." : "No users yet."}
          </Text>
        )}
      </Paper>
      {users.data && (
        <PaginationBar
          page={users.data.page}
          pages={users.data.pages}
          total={users.data.total}
          perPage={filters.per_page}
          noun="user"
          onPage={(p) => setUrl({ page: String(p) }, { resetPage: false })}
          onPerPage={(n) => setUrl({ per_page: String(n) })}
        />
      )}
    </>
  );
}
