import { Alert, Badge, Button, Code, CopyButton, Group, Modal, Paper, SegmentedControl, Skeleton, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fieldErrors } from "@/api/errors";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { CellText } from "@/components/data-table/cell-text";
import { EmptyListText, PaginationBar } from "@/components/data-table/pagination-bar";
import { PageHeader } from "@/components/page-header";
import { QueryError } from "@/components/query-error";
import { formatDateTime } from "@/lib/dates";
import { notifySuccess } from "@/lib/notify";
import { positiveInt, useClampPage, useUrlState } from "@/lib/use-url-state";
import { apiKeysOptions, useCreateApiKey, useRevokeApiKey, type ApiKey } from "../api/api-keys";

function CreateKeyModal({ onClose }: { onClose: () => void }) {
  const create = useCreateApiKey();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<"read_only" | "read_write">("read_only");
  const mapped = create.error ? fieldErrors(create.error, ["name", "scope"]) : null;
  const secret = create.data?.key;
  return (
    <Modal opened onClose={() => !create.isPending && onClose()} title="New API key" centered>
      {secret ? (
        <Stack>
          <Alert color="yellow" title="Copy the key now">
            It is shown only once. Store it where the system that uses it can read it.
          </Alert>
          <Code block data-testid="api-key-secret">
            {secret}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? "Copied" : "Copy key"}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!create.isPending) create.mutate({ name: name.trim(), scope });
          }}
        >
          <Stack>
            <TextInput
              label="Name"
              description="Which system uses the key"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={mapped?.fields.name}
              data-autofocus
            />
            <div>
              <Text size="sm" fw={500} mb={4} id="scope-label">
                Access
              </Text>
              <SegmentedControl
                aria-labelledby="scope-label"
                value={scope}
                onChange={(v) => setScope(v === "read_write" ? "read_write" : "read_only")}
                data={[
                  { value: "read_only", label: "Read only" },
                  { value: "read_write", label: "Read and write" },
                ]}
              />
            </div>
            {mapped?.rest && (
              <Alert color="red" role="alert">
                {mapped.rest}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose} disabled={create.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
                Create
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

const DEFAULTS = { page: "1" };

export function ApiKeysPage() {
  const [url, , goToPage] = useUrlState(DEFAULTS);
  const page = positiveInt(url.page, 1);
  const keys = useQuery(apiKeysOptions(page));
  useClampPage(keys.data, !keys.isPlaceholderData, goToPage);
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  return (
    <>
      <PageHeader title="API keys">
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          New API key
        </Button>
      </PageHeader>
      <Text c="dimmed" size="sm" mb="md">
        Machines call the API with <Code>Authorization: Bearer &lt;key&gt;</Code>. Revoking a key stops it at once.
      </Text>
      {keys.isError && <QueryError error={keys.error} onRetry={() => void keys.refetch()} />}
      <Paper withBorder>
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th w={150}>Access</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.data?.items.map((k) => (
              <Table.Tr key={k.id} style={k.revoked_at ? { opacity: 0.55 } : undefined}>
                <Table.Td>
                  <CellText lineClamp={2} title={k.name}>
                    {k.name}
                  </CellText>
                </Table.Td>
                <Table.Td>
                  <Code>{k.prefix}…</Code>
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {/* Never "Read …": the badge keeps its words and the column its width. */}
                  <Badge variant="light" color={k.scope === "read_write" ? "orange" : "blue"} tt="none" miw="max-content">
                    {k.scope === "read_write" ? "Read and write" : "Read only"}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {formatDateTime(k.created_at)}
                  {k.created_by ? ` by ${k.created_by}` : ""}
                </Table.Td>
                <Table.Td>{formatDateTime(k.last_used_at)}</Table.Td>
                <Table.Td ta="right">
                  {k.revoked_at ? (
                    <Text size="sm" c="dimmed">
                      Revoked {formatDateTime(k.revoked_at)}
                    </Text>
                  ) : (
                    <Button size="compact-sm" color="red" variant="light" onClick={() => setRevoking(k)} aria-label={`Revoke ${k.name}`}>
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {keys.isPending && <Skeleton h={120} />}
        {keys.data?.items.length === 0 && (
          <EmptyListText total={keys.data.total} filtered={false} noun="API keys" onFirstPage={() => goToPage(1)} />
        )}
      </Paper>
      {keys.data && keys.data.pages > 1 && (
        <PaginationBar
          page={keys.data.page}
          pages={keys.data.pages}
          total={keys.data.total}
          perPage={keys.data.per_page}
          noun="key"
          onPage={goToPage}
        />
      )}
      {creating && <CreateKeyModal onClose={() => setCreating(false)} />}
      {revoking && (
        <ConfirmDialog
          opened
          title="Revoke API key"
          message={`Revoke "${revoking.name}" (${revoking.prefix}…)?`}
          effects={["Every request with this key is refused from now on.", "This cannot be undone; create a new key instead."]}
          confirmLabel="Revoke"
          loading={revoke.isPending}
          onClose={() => setRevoking(null)}
          onConfirm={() =>
            revoke.mutate(revoking.id, {
              onSuccess: () => {
                notifySuccess(`Key "${revoking.name}" revoked`);
                setRevoking(null);
              },
            })
          }
        />
      )}
    </>
  );
}
