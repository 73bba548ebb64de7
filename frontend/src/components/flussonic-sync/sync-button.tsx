import { Button, type ButtonProps } from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useFlussonicSync } from "./use-flussonic-sync";

type SyncApi = ReturnType<typeof useFlussonicSync>;

/** "Sync from Flussonic" with progress; a refusal by the orphan guard asks whether to force it. */
export function SyncButton({ sync, ...props }: { sync: SyncApi } & ButtonProps) {
  return (
    <>
      <Button
        leftSection={<IconRefresh size={16} />}
        loading={sync.isPending}
        onClick={() => sync.sync(false)}
        {...props}
      >
        Sync from Flussonic
      </Button>
      <ConfirmDialog
        opened={sync.guard !== null}
        title="Force the sync?"
        message={sync.guard ?? ""}
        effects={[
          "Flussonic may have answered with an incomplete list: check it first.",
          "Orphaned channels leave every playlist until Flussonic lists them again.",
          "Press “Sync anyway” only if the line-up really shrank.",
        ]}
        confirmLabel="Sync anyway"
        confirmColor="orange"
        loading={sync.isPending}
        onConfirm={() => sync.sync(true)}
        onClose={sync.dismissGuard}
      />
    </>
  );
}
