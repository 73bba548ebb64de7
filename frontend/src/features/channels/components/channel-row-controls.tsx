import { CheckIcon, Combobox, Group, InputBase, Loader, ScrollArea, Select, Text, useCombobox } from "@mantine/core";
import { useRef, useState } from "react";
import { useSetChannelGroup, useSetChannelPackages, type Channel } from "../api/channels";
import { notifySuccess } from "@/lib/notify";

const NO_GROUP = "none";
// Fixed widths: a long group or package name is cut with an ellipsis instead of
// widening its column and pushing Status and Edit out of the 1280px table.
export const GROUP_SELECT_WIDTH = 136;
export const PACKAGES_SELECT_WIDTH = 124;

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
  const value = save.isPending && save.variables ? (save.variables.groupId === null ? NO_GROUP : String(save.variables.groupId)) : channel.group ? String(channel.group.id) : NO_GROUP;
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
      styles={{ input: { unicodeBidi: "plaintext", textAlign: "left" } }}
    />
  );
}

export function packagesSummary(count: number): string {
  return `${count} ${count === 1 ? "package" : "packages"}`;
}

/**
 * The row's packages as a one-line "2 packages ▾" button (spec §8.4 "2 pkgs ▼"): a pill per package
 * made rows grow to 110px. It opens a searchable checklist; what is ticked there is saved in one
 * request when the list closes (no races between clicks).
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
  // null = show what the server has; a list = the admin's choice while the list is open (or saving).
  const [draft, setDraft] = useState<string[] | null>(null);
  const draftRef = useRef<string[] | null>(null);
  const [search, setSearch] = useState("");
  const value = draft ?? serverValue;
  const update = (next: string[] | null) => {
    draftRef.current = next;
    setDraft(next);
  };

  const commit = () => {
    const next = draftRef.current;
    if (next === null) return;
    const same = next.length === serverValue.length && next.every((v) => serverValue.includes(v));
    if (same) {
      update(null);
      return;
    }
    save.mutate(
      { id: channel.id, packageIds: next.map(Number) },
      {
        onSuccess: (c) => notifySuccess(`${name}: ${packagesSummary(c.packages.length)}`),
        onSettled: () => update(null),
      },
    );
  };

  const combobox = useCombobox({
    onDropdownOpen: () => {
      update(serverValue);
      combobox.focusSearchInput();
    },
    onDropdownClose: () => {
      combobox.resetSelectedOption();
      setSearch("");
      commit();
    },
  });

  const needle = search.trim().toLowerCase();
  const shown = needle ? packages.filter((p) => p.label.toLowerCase().includes(needle)) : packages;
  const names = packages.filter((p) => value.includes(p.value)).map((p) => p.label);
  const summary = packagesSummary(value.length);

  return (
    <Combobox
      store={combobox}
      width={260}
      position="bottom-start"
      withinPortal
      onOptionSubmit={(picked) => update(value.includes(picked) ? value.filter((v) => v !== picked) : [...value, picked])}
    >
      <Combobox.Target targetType="button">
        <InputBase
          component="button"
          type="button"
          size="xs"
          w={PACKAGES_SELECT_WIDTH}
          pointer
          disabled={save.isPending}
          aria-label={`Packages of ${name}: ${summary}`}
          title={names.join(", ") || undefined}
          rightSection={save.isPending ? <Loader size={12} /> : <Combobox.Chevron />}
          rightSectionPointerEvents="none"
          onClick={() => combobox.toggleDropdown()}
        >
          <Text span size="xs" c={value.length ? undefined : "dimmed"}>
            {summary}
          </Text>
        </InputBase>
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Search
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          placeholder="Search packages"
          aria-label="Search packages"
        />
        <Combobox.Options aria-label={`Packages of ${name}`} aria-multiselectable>
          <ScrollArea.Autosize mah={240} type="scroll">
            {shown.map((p) => {
              const checked = value.includes(p.value);
              return (
                <Combobox.Option value={p.value} key={p.value} active={checked} aria-selected={checked}>
                  <Group gap="xs" wrap="nowrap">
                    {checked ? <CheckIcon size={12} /> : <span style={{ width: 12 }} />}
                    <Text span size="sm" dir="auto" ta="left">
                      {p.label}
                    </Text>
                  </Group>
                </Combobox.Option>
              );
            })}
            {shown.length === 0 && <Combobox.Empty>{packages.length ? "No such package" : "No packages yet"}</Combobox.Empty>}
          </ScrollArea.Autosize>
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
