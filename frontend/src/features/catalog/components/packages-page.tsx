import { Button, Checkbox, Grid, Group, Paper, ScrollArea, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDialog, plural } from "@/components/confirm-dialog";
import { CellText } from "@/components/data-table/cell-text";
import { NameFormModal } from "@/components/name-form-modal";
import { PageHeader } from "@/components/page-header";
import { QueryError } from "@/components/query-error";
import { notifySuccess } from "@/lib/notify";
import { keepClearOfToasts } from "@/lib/toast-clearance";
import {
  packageCascadeOptions,
  packagesOptions,
  tariffCascadeOptions,
  tariffsOptions,
  useDeletePackage,
  useDeleteTariff,
  useSavePackage,
  useSaveTariff,
  type Package,
  type Tariff,
} from "../api/catalog";

function RowActions({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      <Button size="compact-sm" variant="light" onClick={onEdit} aria-label={`Edit ${name}`}>
        Edit
      </Button>
      <Button size="compact-sm" variant="light" color="red" onClick={onDelete} aria-label={`Delete ${name}`}>
        Delete
      </Button>
    </Group>
  );
}

function DeletePackageDialog({ pkg, onClose }: { pkg: Package; onClose: () => void }) {
  const cascade = useQuery(packageCascadeOptions(pkg.id));
  const remove = useDeletePackage();
  return (
    <ConfirmDialog
      opened
      title="Delete Package"
      message={`Are you sure you want to delete "${pkg.name}"? This will remove it from:`}
      effects={
        cascade.data
          ? [
              plural(cascade.data.tariffs_count, "tariff"),
              `${plural(cascade.data.direct_users_count, "user")} holding it directly`,
              `${plural(cascade.data.channels_count, "channel")} (the channels themselves stay)`,
            ]
          : ["Counting…"]
      }
      loading={remove.isPending}
      confirmDisabled={cascade.isPending}
      onConfirm={() =>
        remove.mutate(pkg.id, {
          onSuccess: () => {
            notifySuccess(`Package "${pkg.name}" deleted`);
            onClose();
          },
        })
      }
      onClose={onClose}
    >
      {cascade.data && (
        <Text size="sm" c="dimmed">
          {plural(cascade.data.users_count, "subscriber")} affected in all (directly or through a tariff); their
          allowed streams are updated.
        </Text>
      )}
    </ConfirmDialog>
  );
}

function DeleteTariffDialog({ tariff, onClose }: { tariff: Tariff; onClose: () => void }) {
  const cascade = useQuery(tariffCascadeOptions(tariff.id));
  const remove = useDeleteTariff();
  return (
    <ConfirmDialog
      opened
      title="Delete Tariff"
      message={`Are you sure you want to delete "${tariff.name}"? This will remove it from:`}
      effects={cascade.data ? [plural(cascade.data.users_count, "user")] : ["Counting…"]}
      loading={remove.isPending}
      confirmDisabled={cascade.isPending}
      onConfirm={() =>
        remove.mutate(tariff.id, {
          onSuccess: () => {
            notifySuccess(`Tariff "${tariff.name}" deleted`);
            onClose();
          },
        })
      }
      onClose={onClose}
    >
      {cascade.data && (
        <Text size="sm" c="dimmed">
          Its {plural(cascade.data.packages_count, "package")} stay; only the tariff goes.
        </Text>
      )}
    </ConfirmDialog>
  );
}

function PackagesPanel() {
  const packages = useQuery(packagesOptions);
  const save = useSavePackage();
  const [editing, setEditing] = useState<Package | "new" | null>(null);
  const [deleting, setDeleting] = useState<Package | null>(null);
  const close = () => {
    setEditing(null);
    save.reset();
  };
  const current = editing && editing !== "new" ? editing : null;
  return (
    <Paper withBorder p="md">
      {/* Its Add button is this page's main button: toasts keep clear of it. */}
      <Group justify="space-between" mb="sm" ref={keepClearOfToasts}>
        <Title order={3}>Packages</Title>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing("new")} aria-label="Add package">
          Add
        </Button>
      </Group>
      {packages.isError && <QueryError error={packages.error} onRetry={() => void packages.refetch()} />}
      <Table highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th w={48} title="Channels">
              Ch
            </Table.Th>
            {/* As narrow as its buttons: at 1024px a fixed 150px squeezed names onto six lines. */}
            <Table.Th w={1} ta="right">
              Actions
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {packages.data?.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <CellText fw={500} lineClamp={2} title={p.name}>
                  {p.name}
                </CellText>
                {p.description && (
                  <CellText size="xs" c="dimmed" lineClamp={1} title={p.description}>
                    {p.description}
                  </CellText>
                )}
              </Table.Td>
              <Table.Td>{p.channels_count}</Table.Td>
              <Table.Td>
                <RowActions name={p.name} onEdit={() => setEditing(p)} onDelete={() => setDeleting(p)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {packages.isPending && <Skeleton h={80} />}
      {packages.data?.length === 0 && (
        <Text c="dimmed" ta="center" p="md">
          No packages yet.
        </Text>
      )}
      <NameFormModal
        opened={editing !== null}
        title={current ? `Edit Package: ${current.name}` : "Add Package"}
        initial={{ name: current?.name ?? "", description: current?.description ?? "" }}
        withDescription
        noun="package"
        saving={save.isPending}
        error={save.error}
        onClose={close}
        onSubmit={({ name, description }) =>
          save.mutate(
            { id: current?.id ?? null, body: { name, description: description.trim() || null } },
            {
              onSuccess: () => {
                notifySuccess(current ? `Package "${name}" saved` : `Package "${name}" added`);
                close();
              },
            },
          )
        }
      >
        <Text size="xs" c="dimmed">
          Channels are assigned to packages on the Channels page.
        </Text>
      </NameFormModal>
      {deleting && <DeletePackageDialog pkg={deleting} onClose={() => setDeleting(null)} />}
    </Paper>
  );
}

function TariffsPanel() {
  const tariffs = useQuery(tariffsOptions);
  const packages = useQuery(packagesOptions);
  const save = useSaveTariff();
  const [editing, setEditing] = useState<Tariff | "new" | null>(null);
  const [deleting, setDeleting] = useState<Tariff | null>(null);
  const [packageIds, setPackageIds] = useState<string[]>([]);
  const current = editing && editing !== "new" ? editing : null;
  const open = (t: Tariff | "new") => {
    setEditing(t);
    setPackageIds(t === "new" ? [] : t.package_ids.map(String));
  };
  const close = () => {
    setEditing(null);
    save.reset();
  };
  return (
    <Paper withBorder p="md">
      {/* Its Add button is this page's main button: toasts keep clear of it. */}
      <Group justify="space-between" mb="sm" ref={keepClearOfToasts}>
        <Title order={3}>Tariffs</Title>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => open("new")} aria-label="Add tariff">
          Add
        </Button>
      </Group>
      {tariffs.isError && <QueryError error={tariffs.error} onRetry={() => void tariffs.refetch()} />}
      <Table highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th w={48} title="Packages">
              Pk
            </Table.Th>
            <Table.Th w={1} ta="right">
              Actions
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tariffs.data?.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>
                <CellText fw={500} lineClamp={2} title={t.name}>
                  {t.name}
                </CellText>
                <CellText size="xs" c="dimmed" lineClamp={1} title={t.packages.map((p) => p.name).join(", ") || undefined}>
                  {t.packages.map((p) => p.name).join(", ") || "No packages"}
                </CellText>
              </Table.Td>
              <Table.Td>{t.packages_count}</Table.Td>
              <Table.Td>
                <RowActions name={t.name} onEdit={() => open(t)} onDelete={() => setDeleting(t)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {tariffs.isPending && <Skeleton h={80} />}
      {tariffs.data?.length === 0 && (
        <Text c="dimmed" ta="center" p="md">
          No tariffs yet.
        </Text>
      )}
      <NameFormModal
        opened={editing !== null}
        title={current ? `Edit Tariff: ${current.name}` : "Add Tariff"}
        initial={{ name: current?.name ?? "", description: current?.description ?? "" }}
        withDescription
        noun="tariff"
        saving={save.isPending}
        error={save.error}
        extraFields={["package_ids"]}
        onClose={close}
        onSubmit={({ name, description }) =>
          save.mutate(
            {
              id: current?.id ?? null,
              body: { name, description: description.trim() || null, package_ids: packageIds.map(Number) },
            },
            {
              onSuccess: () => {
                notifySuccess(current ? `Tariff "${name}" saved` : `Tariff "${name}" added`);
                close();
              },
            },
          )
        }
      >
        <Checkbox.Group label="Packages" value={packageIds} onChange={setPackageIds}>
          <ScrollArea.Autosize mah={240} mt="xs">
            <Stack gap={6}>
              {packages.data?.map((p) => (
                <Checkbox key={p.id} value={String(p.id)} label={<span dir="auto">{p.name}</span>} />
              ))}
              {packages.data?.length === 0 && (
                <Text size="sm" c="dimmed">
                  No packages yet: add packages first.
                </Text>
              )}
            </Stack>
          </ScrollArea.Autosize>
        </Checkbox.Group>
      </NameFormModal>
      {deleting && <DeleteTariffDialog tariff={deleting} onClose={() => setDeleting(null)} />}
    </Paper>
  );
}

export function PackagesPage() {
  return (
    <>
      <PageHeader title="Packages & Tariffs" />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <PackagesPanel />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TariffsPanel />
        </Grid.Col>
      </Grid>
    </>
  );
}
