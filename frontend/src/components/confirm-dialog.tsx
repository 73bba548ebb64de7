import { Button, Group, List, Modal, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ReactNode } from "react";

/**
 * Spec §8.9: "⚠ Delete X" with what the deletion takes along, [Cancel] [Delete Anyway].
 * The confirm button shows progress (`loading`) and waits for what it needs (`confirmDisabled`,
 * e.g. while the cascade counts load); the mutation behind it ignores a second press
 * (useSingleFlightMutation). Cancel has the focus, so a stray Enter does not destroy anything.
 */
export function ConfirmDialog({
  opened,
  title,
  message,
  effects,
  confirmLabel = "Delete Anyway",
  cancelLabel = "Cancel",
  confirmColor = "red",
  loading = false,
  confirmDisabled = false,
  onConfirm,
  onClose,
  children,
}: {
  opened: boolean;
  title: string;
  message: ReactNode;
  effects?: string[];
  confirmLabel?: string;
  cancelLabel?: string;
  confirmColor?: string;
  loading?: boolean;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children?: ReactNode;
}) {
  return (
    <Modal
      opened={opened}
      onClose={() => !loading && onClose()}
      title={
        <Group gap="xs">
          <IconAlertTriangle size={20} color="var(--mantine-color-yellow-7)" aria-hidden />
          <Text fw={600}>{title}</Text>
        </Group>
      }
      centered
    >
      <Stack>
        <Text dir="auto">{message}</Text>
        {effects && effects.length > 0 && (
          <List size="sm" spacing={4}>
            {effects.map((e) => (
              <List.Item key={e}>{e}</List.Item>
            ))}
          </List>
        )}
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={loading} data-autofocus>
            {cancelLabel}
          </Button>
          <Button color={confirmColor} onClick={onConfirm} loading={loading} disabled={confirmDisabled}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
