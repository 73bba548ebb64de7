import { Button, Group as MGroup, Paper, Skeleton, Table, Text, VisuallyHidden } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDialog, plural } from "@/components/confirm-dialog";
import { CellText } from "@/components/data-table/cell-text";
import { SortableBody, SortableRow } from "@/components/data-table/sortable";
import { NameFormModal } from "@/components/name-form-modal";
import { PageHeader } from "@/components/page-header";
import { QueryError } from "@/components/query-error";
import { notifySuccess } from "@/lib/notify";
import { reorderPage } from "@/lib/reorder";
import {
  groupCascadeOptions,
  groupsOptions,
  useDeleteGroup,
  useReorderGroups,
  useSaveGroup,
  type Group,
} from "../api/groups";

function DeleteGroupDialog({ group, onClose }: { group: Group; onClose: () => void }) {
  const cascade = useQuery(groupCascadeOptions(group.id));
  const remove = useDeleteGroup();
  const count = cascade.data?.channels_count ?? group.channels_count;
  return (
    <ConfirmDialog
      opened
      title="Delete Group"
      message={`Are you sure you want to delete "${group.name}"?`}
      effects={
        cascade.isPending
          ? ["Counting affected channels…"]
          : [`${plural(count, "channel")} will be left without a group`]
      }
      loading={remove.isPending}
      confirmDisabled={cascade.isPending}
      onConfirm={() =>
        remove.mutate(group.id, {
          onSuccess: () => {
            notifySuccess(`Group "${group.name}" deleted`);
            onClose();
          },
        })
      }
      onClose={onClose}
    />
  );
}

export function GroupsPage() {
  const groups = useQuery(groupsOptions);
  const save = useSaveGroup();
  const reorder = useReorderGroups();
  const [editing, setEditing] = useState<Group | "new" | null>(null);
  const [deleting, setDeleting] = useState<Group | null>(null);
  const rows = groups.data ?? [];

  const close = () => {
    setEditing(null);
    save.reset();
  };

  return (
    <>
      <PageHeader title="Channel Groups">
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
          Add Group
        </Button>
      </PageHeader>
      {groups.isError && <QueryError error={groups.error} onRetry={() => void groups.refetch()} />}
      <Paper withBorder>
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>
                <VisuallyHidden>Reorder</VisuallyHidden>
              </Table.Th>
              <Table.Th w={50}>#</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th w={120}>Channels</Table.Th>
              <Table.Th w={180}>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <SortableBody
            ids={rows.map((g) => g.id)}
            onMove={(activeId, overId) => {
              const result = reorderPage(rows, activeId, overId);
              if (result) reorder.mutate({ order: result.order, rows: result.rows });
            }}
          >
            {rows.map((group, index) => (
              <SortableRow key={group.id} id={group.id} handleLabel={group.name} disabled={reorder.isPending}>
                <Table.Td>{index + 1}</Table.Td>
                <Table.Td>
                  <CellText>{group.name}</CellText>
                </Table.Td>
                <Table.Td>{group.channels_count}</Table.Td>
                <Table.Td>
                  <MGroup gap="xs" wrap="nowrap">
                    <Button size="compact-sm" variant="light" onClick={() => setEditing(group)} aria-label={`Edit ${group.name}`}>
                      Edit
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="light"
                      color="red"
                      onClick={() => setDeleting(group)}
                      aria-label={`Delete ${group.name}`}
                    >
                      Delete
                    </Button>
                  </MGroup>
                </Table.Td>
              </SortableRow>
            ))}
          </SortableBody>
        </Table>
        {groups.isPending && <Skeleton h={120} />}
        {groups.data?.length === 0 && (
          <Text c="dimmed" ta="center" p="lg">
            No groups yet. Add one to organise channels in playlists.
          </Text>
        )}
      </Paper>
      <NameFormModal
        opened={editing !== null}
        title={editing === "new" ? "Add Group" : `Edit Group: ${editing?.name ?? ""}`}
        initial={{ name: editing && editing !== "new" ? editing.name : "", description: "" }}
        noun="group"
        saving={save.isPending}
        error={save.error}
        onClose={close}
        onSubmit={({ name }) =>
          save.mutate(
            { id: editing && editing !== "new" ? editing.id : null, name },
            {
              onSuccess: () => {
                notifySuccess(editing === "new" ? `Group "${name}" added` : `Group "${name}" saved`);
                close();
              },
            },
          )
        }
      />
      {deleting && <DeleteGroupDialog group={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}
