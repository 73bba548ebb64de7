import { Group, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { keepClearOfToasts } from "@/lib/toast-clearance";
import { WRAP_ANYWHERE } from "./data-table/cell-text";

/** The page's title and its main buttons, which stay at the top right however long the title is. */
export function PageHeader({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
      <Title order={2} dir="auto" style={{ ...WRAP_ANYWHERE, minWidth: 0 }}>
        {title}
      </Title>
      {children && (
        <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }} ref={keepClearOfToasts}>
          {children}
        </Group>
      )}
    </Group>
  );
}
