import { Loader, MultiSelect, Select } from "@mantine/core";
import { useState } from "react";
import { useSetChannelGroup, useSetChannelPackages, type Channel } from "../api/channels";
import { notifySuccess } from "@/lib/notify";

const NO_GROUP = "none";
// Fixed widths: a long group or package name is cut with an ellipsis instead of
// widening its column and pushing Status and Edit out of the 1280px table.
export const GROUP_SELECT_WIDTH = 136;
export const PACKAGES_SELECT_WIDTH = 176;

/** The row's group, saved as soon as another one is picked (spec §8.4 inline editing). */
export function ChannelGroupSelect({
  channel,
  name,
  groups,
}: {
  channel: Channel;
  name: string;
  groups: { value: string; label: string }[];
}) {
  const save = useSetChannelGroup();
  const value = save.isPending ? (save.variables.groupId === null ? NO_GROUP : String(save.variables.groupId)) : channel.group ? String(channel.group.id) : NO_GROUP;
  return (
    <Select
      aria-label={`Group of ${name}`}
      size="xs"
      w={GROUP_SELECT_WIDTH}
      data={[{ value: NO_GROUP, label: "— No group" }, ...groups]}
      value={value}
      allowDeselect={false}
      searchable
      nothingFoundMessage="No such group"
      disabled={save.isPending}
      rightSection={save.isPending ? <Loader size={12} /> : undefined}
      onChange={(v) => {
        if (v === null || v === value) return;
        save.mutate(
          { id: channel.id, groupId: v === NO_GROUP ? null : Number(v) },
          { onSuccess: (c) => notifySuccess(`${name}: group set to ${c.group?.name ?? "none"}`) },
        );
      }}
      comboboxProps={{ withinPortal: true }}
      styles={{ input: { unicodeBidi: "plaintext" } }}
    />
  );
}

/**
 * The row's packages. Changes made with the dropdown open are saved when it closes (one request,
 * no races between clicks); removing a pill with the dropdown closed saves at once.
 */
export function ChannelPackagesSelect({
  channel,
  name,
  packages,
}: {
  channel: Channel;
  name: string;
  packages: { value: string; label: string }[];
}) {
  const save = useSetChannelPackages();
  const serverValue = channel.packages.map((p) => String(p.id));
  // null = show what the server has; a list = the admin's unsaved (or saving) choice.
  const [pending, setPending] = useState<string[] | null>(null);
  const [open, setOpen] = useState(false);
  const draft = pending ?? serverValue;

  const commit = (next: string[]) => {
    const same = next.length === serverValue.length && next.every((v) => serverValue.includes(v));
    if (same) {
      setPending(null);
      return;
    }
    save.mutate(
      { id: channel.id, packageIds: next.map(Number) },
      {
        onSuccess: (c) => notifySuccess(`${name}: ${c.packages.length} package${c.packages.length === 1 ? "" : "s"}`),
        onSettled: () => setPending(null),
      },
    );
  };

  return (
    <MultiSelect
      aria-label={`Packages of ${name}`}
      size="xs"
      w={PACKAGES_SELECT_WIDTH}
      data={packages}
      value={draft}
      searchable
      clearable={false}
      placeholder={draft.length ? undefined : "0 pkgs"}
      nothingFoundMessage="No such package"
      disabled={save.isPending}
      rightSection={save.isPending ? <Loader size={12} /> : undefined}
      onDropdownOpen={() => setOpen(true)}
      onDropdownClose={() => {
        setOpen(false);
        commit(draft);
      }}
      onChange={(next) => {
        setPending(next);
        if (!open) commit(next);
      }}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={260}
    />
  );
}
