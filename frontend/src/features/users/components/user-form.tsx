import {
  Alert,
  Button,
  Code,
  CopyButton,
  Grid,
  Group,
  Modal,
  MultiSelect,
  type ComboboxItem,
  type OptionsFilter,
  NumberInput,
  Paper,
  ScrollArea,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm, type UseFormReturnType } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { IconCheck, IconCopy, IconRefresh } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import { Link, useBeforeUnload, useBlocker, useNavigate } from "react-router";
import type { Schemas } from "@/api/client";
import { errorMessage, fieldErrors } from "@/api/errors";
import { channelLookupOptions, packageLookupOptions, tariffLookupOptions } from "@/api/queries/lookups";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { PageHeader } from "@/components/page-header";
import { dayEndInstant, dayStartInstant, formatZonedDateTime, instantToDay, parseDay } from "@/lib/dates";
import { saveDraft, takeDraft } from "@/lib/draft";
import { notifySuccess, notifyWarning } from "@/lib/notify";
import { hasSessionExpired } from "@/lib/sign-out-flag";
import {
  isSavedButNotPushed,
  playlistPreviewOptions,
  resolvedChannelsOptions,
  savedUserId,
  useCreateUser,
  useDeleteUser,
  useRegenerateToken,
  useRetryAuthSync,
  useUpdateUser,
  type User,
} from "../api/users";
import { AuthSyncBadge } from "./auth-sync-badge";
import { DownloadPlaylistButton } from "./download-button";
import { PlaylistText } from "./playlist-text";

export interface UserFormValues {
  first_name: string;
  last_name: string;
  agreement_number: string;
  max_sessions: number | string;
  status: "enabled" | "disabled";
  valid_from: string | null;
  valid_until: string | null;
  tariff_ids: string[];
  package_ids: string[];
  channel_ids: string[];
}

const FORM_FIELDS = [
  "first_name",
  "last_name",
  "agreement_number",
  "max_sessions",
  "status",
  "valid_from",
  "valid_until",
  "tariff_ids",
  "package_ids",
  "channel_ids",
];
const FIELD_ALIASES = { valid_from_date: "valid_from", valid_until_date: "valid_until" };

export function toFormValues(user: User | null, zone: string): UserFormValues {
  return {
    first_name: user?.first_name ?? "",
    last_name: user?.last_name ?? "",
    agreement_number: user?.agreement_number ?? "",
    max_sessions: user?.max_sessions ?? 1,
    status: user?.status ?? "enabled",
    valid_from: instantToDay(user?.valid_from, zone),
    valid_until: instantToDay(user?.valid_until, zone),
    tariff_ids: user?.tariffs.map((t) => String(t.id)) ?? [],
    package_ids: user?.packages.map((p) => String(p.id)) ?? [],
    channel_ids: user?.channels.map((c) => String(c.id)) ?? [],
  };
}

function isFormValues(value: unknown): value is UserFormValues {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const texts = ["first_name", "last_name", "agreement_number"].every((k) => typeof v[k] === "string");
  const lists = ["tariff_ids", "package_ids", "channel_ids"].every((k) => Array.isArray(v[k]));
  return texts && lists && (v.status === "enabled" || v.status === "disabled");
}

const STATUS_OPTIONS = [
  { value: "enabled", label: "Enabled" },
  { value: "disabled", label: "Disabled" },
];

/** A coloured dot beside the status; the option text stays plain words for screen readers. */
function StatusDot({ status }: { status: string }) {
  return (
    <span
      aria-hidden
      style={{
        display: "inline-block",
        width: 8,
        height: 8,
        borderRadius: "50%",
        background: status === "enabled" ? "var(--mantine-color-green-6)" : "var(--mantine-color-gray-5)",
      }}
    />
  );
}

/**
 * Enter in a typed date confirms that date (the field takes it as soon as it parses) and goes no
 * further: the browser's implicit submission created users before their tariffs were chosen.
 */
function confirmDateOnEnter(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key === "Enter") event.preventDefault();
}

type DateField = "valid_from" | "valid_until";
/** What was typed in each date field and not taken (see dateInputProps). */
type RefusedDates = Record<DateField, string | undefined>;
interface RefusedStore {
  get: (field: DateField) => string | undefined;
  set: (field: DateField, text: string | undefined) => void;
}

/** The error for a date typed and refused, or null. */
function refusedDateError(text: string | undefined): string | null {
  if (text === undefined) return null;
  if (parseDay(text) === null) return `“${text}” is not a date: type YYYY-MM-DD (1970 to 8999), or leave it empty`;
  return `“${text}” is before Valid From`;
}

/**
 * Mantine's DateInput keeps its previous value when the text does not parse (or is before minDate)
 * and quietly puts that value's text back on blur: a mistyped date vanished. Here the field then
 * says what it refused, and Create/Save wait until the field is typed in again.
 */
function dateInputProps(form: UseFormReturnType<UserFormValues>, refused: RefusedStore, field: DateField) {
  const input = form.getInputProps(field);
  return {
    ...input,
    onChange: (value: string | null) => {
      refused.set(field, undefined);
      (input.onChange as (v: string | null) => void)(value);
    },
    onBlur: (event: FocusEvent<HTMLInputElement>) => {
      const text = event.currentTarget.value.trim();
      const day = parseDay(text);
      refused.set(field, text && (day === null || day !== form.getValues()[field]) ? text : undefined);
      (input.onBlur as ((e: FocusEvent<HTMLInputElement>) => void) | undefined)?.(event);
      form.validateField(field);
    },
  };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The request body: every field for a new user; only what changed for an existing one. */
export function toRequestBody(values: UserFormValues, initial: UserFormValues | null, zone: string): Schemas["UserUpdate"] {
  const body: Schemas["UserUpdate"] = {};
  const changed = (k: keyof UserFormValues): boolean => {
    if (initial === null) return true;
    const now = values[k];
    const before = initial[k];
    return Array.isArray(now) && Array.isArray(before) ? !sameList(now, before) : now !== before;
  };
  if (changed("first_name")) body.first_name = values.first_name.trim();
  if (changed("last_name")) body.last_name = values.last_name.trim();
  if (changed("agreement_number")) body.agreement_number = values.agreement_number.trim();
  if (changed("max_sessions")) body.max_sessions = Number(values.max_sessions);
  if (changed("status")) body.status = values.status;
  if (changed("valid_from")) body.valid_from = values.valid_from ? dayStartInstant(values.valid_from, zone) : null;
  if (changed("valid_until")) body.valid_until = values.valid_until ? dayEndInstant(values.valid_until, zone) : null;
  if (changed("tariff_ids")) body.tariff_ids = values.tariff_ids.map(Number);
  if (changed("package_ids")) body.package_ids = values.package_ids.map(Number);
  if (changed("channel_ids")) body.channel_ids = values.channel_ids.map(Number);
  return body;
}

function shortToken(token: string): string {
  return token.length > 12 ? `${token.slice(0, 12)}…` : token;
}

function TokenRow({ user }: { user: User }) {
  const regenerate = useRegenerateToken(user.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <Group gap="xs">
      <Text size="sm" fw={500}>
        Token:
      </Text>
      <Code data-testid="user-token" title="Shortened; use Copy for the whole token">
        {shortToken(user.token)}
      </Code>
      <CopyButton value={user.token}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? "Copied" : "Copy the whole token"}>
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={copy}
              leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </Tooltip>
        )}
      </CopyButton>
      <Button size="compact-sm" variant="light" color="orange" leftSection={<IconRefresh size={14} />} onClick={() => setConfirming(true)}>
        Regenerate
      </Button>
      <ConfirmDialog
        opened={confirming}
        title="Regenerate token"
        message={`Give ${user.last_name} ${user.first_name} a new token?`}
        effects={["The current token stops working at once.", "The user must download the playlist again."]}
        confirmLabel="Regenerate"
        confirmColor="orange"
        loading={regenerate.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          regenerate.mutate(undefined, {
            onSuccess: () => {
              notifySuccess("New token issued. The old one no longer works.");
              setConfirming(false);
            },
            onError: (error) => {
              setConfirming(false);
              if (isSavedButNotPushed(error)) notifyWarning(errorMessage(error), "Token regenerated; Auth Service not updated");
              else notifyWarning(errorMessage(error), "Could not regenerate the token");
            },
          })
        }
      />
    </Group>
  );
}

function AuthSyncPanel({ user, zone }: { user: User; zone: string }) {
  const retry = useRetryAuthSync(user.id);
  const state = user.auth_sync;
  return (
    <Group gap="sm" align="center">
      <Text size="sm" fw={500}>
        Auth Service:
      </Text>
      <AuthSyncBadge status={state.status} />
      {state.status === "synced" && state.synced_at && (
        <Text size="xs" c="dimmed">
          since {formatZonedDateTime(state.synced_at, zone)}
        </Text>
      )}
      {state.status !== "synced" && (
        <Button
          size="compact-sm"
          variant="light"
          loading={retry.isPending}
          onClick={() => retry.mutate(undefined, { onSuccess: (s) => s.status === "synced" && notifySuccess("Pushed to the Auth Service") })}
        >
          Retry now
        </Button>
      )}
      {state.error && (
        <Text size="xs" c="red" w="100%">
          {state.error}
          {state.attempts > 0 ? ` (attempt ${state.attempts}` : ""}
          {state.attempts > 0 && state.next_attempt_at ? `, next ${formatZonedDateTime(state.next_attempt_at, zone)})` : state.attempts > 0 ? ")" : ""}
        </Text>
      )}
    </Group>
  );
}

function PreviewModal({ user, onClose }: { user: User; onClose: () => void }) {
  const preview = useQuery(playlistPreviewOptions(user.id));
  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>Playlist preview: {preview.data?.filename ?? "…"}</Text>} size="xl">
      {preview.isPending && <Skeleton h={300} />}
      {preview.isError && <Alert color="red">{errorMessage(preview.error)}</Alert>}
      {preview.data && (
        <Stack>
          <Text size="sm" c="dimmed">
            {preview.data.channel_count} channels
          </Text>
          <ScrollArea.Autosize mah={480} type="auto">
            <PlaylistText content={preview.data.content} />
          </ScrollArea.Autosize>
        </Stack>
      )}
    </Modal>
  );
}

function ResolvedRow({ user, dirty }: { user: User; dirty: boolean }) {
  const resolved = useQuery(resolvedChannelsOptions(user.id));
  const [previewing, setPreviewing] = useState(false);
  return (
    <Group gap="sm">
      <Text size="sm">
        Resolved Channels:{" "}
        <b data-testid="resolved-count">{resolved.data ? resolved.data.total : "…"}</b> total
        {resolved.data && resolved.data.playable !== resolved.data.total ? ` (${resolved.data.playable} playable)` : ""}
      </Text>
      <Button size="compact-sm" variant="light" onClick={() => setPreviewing(true)}>
        Preview Playlist
      </Button>
      {dirty && (
        <Text size="xs" c="dimmed">
          (as saved; press Save to apply your changes)
        </Text>
      )}
      {previewing && <PreviewModal user={user} onClose={() => setPreviewing(false)} />}
    </Group>
  );
}

/** The dropdown shows the server's matches for the search, not every channel already picked. */
export function onlyFound(found: readonly { id: number }[]): OptionsFilter {
  const ids = new Set(found.map((c) => String(c.id)));
  return ({ options }) => options.filter((o) => "value" in o && ids.has(o.value));
}

function useChannelOptions(selected: { id: number; name: string }[]) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const found = useQuery(channelLookupOptions(debounced));
  const [labels, setLabels] = useState<Record<string, string>>(() =>
    Object.fromEntries(selected.map((c) => [String(c.id), c.name])),
  );
  const options = new Map<string, string>(Object.entries(labels));
  for (const c of found.data ?? []) {
    options.set(String(c.id), c.sync_status === "orphaned" ? `${c.name} (orphaned)` : c.name);
  }
  return {
    search,
    setSearch,
    loading: found.isFetching,
    // Picked channels stay in `data` (their chips need a label) but are listed only when they match.
    data: [...options].map(([value, label]) => ({ value, label })),
    filter: onlyFound(found.data ?? []),
    remember: (ids: string[]) =>
      setLabels((prev) => {
        const next = { ...prev };
        for (const id of ids) next[id] = options.get(id) ?? prev[id] ?? id;
        return next;
      }),
  };
}

interface UserFormApi {
  values: UserFormValues;
  isDirty: () => boolean;
  setValues: (values: UserFormValues) => void;
}

/**
 * Unsaved edits are not lost by accident: leaving the page (Cancel, Back, a link) asks first, closing
 * the tab asks the browser's question, and when the session expires (the page gives way to the
 * login) the values are kept in this tab and put back when the form opens again after sign-in.
 */
function useUnsavedChanges(form: UserFormApi, draftKey: string) {
  const onPurpose = useRef(false);
  const snapshot = useRef({ dirty: false, values: form.values });
  const dirty = form.isDirty();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      !onPurpose.current &&
      form.isDirty() &&
      currentLocation.pathname !== nextLocation.pathname &&
      // Signing out, or the session ending, is never held up (the values are kept below).
      nextLocation.pathname !== "/login",
  );
  useBeforeUnload((event) => {
    if (!onPurpose.current && form.isDirty()) event.preventDefault();
  });

  useEffect(() => {
    snapshot.current = { dirty, values: form.values };
  });
  useEffect(
    () => () => {
      // Gone with edits because the session expired (not a Logout, not a confirmed Leave).
      if (!onPurpose.current && snapshot.current.dirty && hasSessionExpired()) {
        saveDraft(draftKey, snapshot.current.values);
      }
    },
    [draftKey],
  );
  const { setValues } = form;
  useEffect(() => {
    const draft = takeDraft(draftKey, isFormValues);
    if (!draft) return;
    setValues(draft);
    notifyWarning("Your unsaved changes were kept while you signed in again. Check them and press Save.", "Changes restored");
  }, [draftKey, setValues]);

  return {
    asking: blocker.state === "blocked",
    leave: () => {
      onPurpose.current = true;
      if (blocker.state === "blocked") blocker.proceed();
    },
    stay: () => {
      onPurpose.current = false;
      if (blocker.state === "blocked") blocker.reset();
    },
    /** Before the form itself navigates away (after a create, a delete). */
    leaveOnPurpose: () => {
      onPurpose.current = true;
    },
  };
}

/** Spec §8.8: the user form, for a new user (`user` null) or an existing one. */
export function UserForm({ user, zone }: { user: User | null; zone: string }) {
  const navigate = useNavigate();
  const initial = toFormValues(user, zone);
  // Read and written only in event handlers and validation, never to render: a holder, not state.
  const [refused] = useState<RefusedStore>(() => {
    const text: RefusedDates = { valid_from: undefined, valid_until: undefined };
    return {
      get: (field) => text[field],
      set: (field, value) => {
        text[field] = value;
      },
    };
  });
  const form = useForm<UserFormValues>({
    initialValues: initial,
    validate: {
      first_name: (v) => (v.trim() ? null : "Enter the first name"),
      last_name: (v) => (v.trim() ? null : "Enter the last name"),
      agreement_number: (v) => (v.trim() ? null : "Enter the agreement number"),
      max_sessions: (v) => (Number(v) >= 1 && Number(v) <= 100 ? null : "Between 1 and 100"),
      valid_from: () => refusedDateError(refused.get("valid_from")),
      valid_until: (v, values) =>
        refusedDateError(refused.get("valid_until")) ??
        (v && values.valid_from && v < values.valid_from ? "Must not be before Valid From" : null),
    },
  });
  const tariffs = useQuery(tariffLookupOptions);
  const packages = useQuery(packageLookupOptions);
  const channels = useChannelOptions(user?.channels ?? []);
  const create = useCreateUser();
  const update = useUpdateUser(user?.id ?? 0);
  const remove = useDeleteUser();
  const [deleting, setDeleting] = useState(false);
  const [rest, setRest] = useState<string | null>(null);
  const saving = create.isPending || update.isPending;
  const name = user ? `${user.last_name} ${user.first_name}` : "";
  const unsaved = useUnsavedChanges(form, `user-form:${user?.id ?? "new"}`);

  const onError = (error: unknown, body: Schemas["UserUpdate"]) => {
    if (isSavedButNotPushed(error)) {
      notifyWarning(errorMessage(error), "Saved; Auth Service not updated yet");
      if (!user) {
        // The user exists now: open it (its page has Retry) when the API says which one it is.
        const id = savedUserId(error);
        unsaved.leaveOnPurpose();
        void navigate(id ? `/users/${id}` : `/users?search=${encodeURIComponent(body.agreement_number ?? "")}`, {
          replace: Boolean(id),
        });
      } else form.resetDirty();
      return;
    }
    const mapped = fieldErrors(error, FORM_FIELDS, FIELD_ALIASES, { noun: "user" });
    form.setErrors(mapped.fields);
    setRest(mapped.rest);
  };

  const submit = (values: UserFormValues) => {
    if (saving) return;
    setRest(null);
    const body = toRequestBody(values, user ? initial : null, zone);
    if (!user) {
      create.mutate(body as Schemas["UserCreate"], {
        onSuccess: (created) => {
          notifySuccess(`User ${created.last_name} ${created.first_name} created`);
          unsaved.leaveOnPurpose();
          void navigate(`/users/${created.id}`, { replace: true });
        },
        onError: (e) => onError(e, body),
      });
      return;
    }
    if (Object.keys(body).length === 0) {
      notifySuccess("Nothing to save");
      return;
    }
    update.mutate(body, {
      onSuccess: (saved) => {
        notifySuccess(`User ${saved.last_name} ${saved.first_name} saved`);
        form.setInitialValues(toFormValues(saved, zone));
        form.setValues(toFormValues(saved, zone));
        form.resetDirty(toFormValues(saved, zone));
      },
      onError: (e) => onError(e, body),
    });
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <PageHeader title={user ? `Edit User: ${name}` : "New User"}>
          {user && <DownloadPlaylistButton user={user} variant="default" />}
        </PageHeader>

        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            User Information
          </Title>
          <Grid>
            <Grid.Col span={6}>
              <TextInput label="First Name" required dir="auto" maxLength={100} {...form.getInputProps("first_name")} />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput label="Last Name" required dir="auto" maxLength={100} {...form.getInputProps("last_name")} />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput label="Agreement Number" required dir="auto" maxLength={100} {...form.getInputProps("agreement_number")} />
            </Grid.Col>
            <Grid.Col span={6}>
              <NumberInput label="Max Sessions" min={1} max={100} allowDecimal={false} {...form.getInputProps("max_sessions")} />
            </Grid.Col>
            <Grid.Col span={6}>
              <DateInput
                label="Valid From"
                onKeyDown={confirmDateOnEnter}
                placeholder="YYYY-MM-DD (none: no start)"
                valueFormat="YYYY-MM-DD"
                dateParser={parseDay}
                clearable
                description={`Start of the day, ${zone}`}
                {...dateInputProps(form, refused, "valid_from")}
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <DateInput
                label="Valid Until"
                onKeyDown={confirmDateOnEnter}
                placeholder="YYYY-MM-DD (none: no end)"
                valueFormat="YYYY-MM-DD"
                dateParser={parseDay}
                clearable
                minDate={form.values.valid_from ?? undefined}
                description={`End of the day (23:59:59), ${zone}`}
                {...dateInputProps(form, refused, "valid_until")}
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <Select
                label="Status"
                data={STATUS_OPTIONS}
                allowDeselect={false}
                leftSection={<StatusDot status={form.values.status} />}
                renderOption={({ option }: { option: ComboboxItem }) => (
                  <Group gap="xs" wrap="nowrap">
                    <StatusDot status={option.value} />
                    {option.label}
                  </Group>
                )}
                {...form.getInputProps("status")}
              />
            </Grid.Col>
          </Grid>
          {user && (
            <Stack gap="xs" mt="md">
              <TokenRow user={user} />
              <AuthSyncPanel user={user} zone={zone} />
            </Stack>
          )}
        </Paper>

        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            Channel Assignment
          </Title>
          <Stack>
            <MultiSelect
              label="Tariffs"
              placeholder="Select tariffs..."
              searchable
              nothingFoundMessage="No such tariff"
              data={(tariffs.data ?? []).map((t) => ({ value: String(t.id), label: t.name }))}
              {...form.getInputProps("tariff_ids")}
            />
            <MultiSelect
              label="Additional Packages (beyond tariffs)"
              placeholder="Select packages..."
              searchable
              nothingFoundMessage="No such package"
              data={(packages.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
              {...form.getInputProps("package_ids")}
            />
            <MultiSelect
              label="Additional Channels (individual)"
              placeholder="Type to search channels..."
              searchable
              searchValue={channels.search}
              onSearchChange={channels.setSearch}
              filter={channels.filter}
              nothingFoundMessage={channels.loading ? "Searching…" : "No such channel"}
              data={channels.data}
              {...form.getInputProps("channel_ids")}
              onChange={(ids) => {
                channels.remember(ids);
                form.setFieldValue("channel_ids", ids);
              }}
              maxDropdownHeight={280}
            />
            {user && <ResolvedRow user={user} dirty={form.isDirty()} />}
          </Stack>
        </Paper>

        {rest && (
          <Alert color="red" role="alert" title="Not saved">
            {rest}
          </Alert>
        )}

        <Group justify="flex-end">
          <Button variant="default" component={Link} to="/users">
            Cancel
          </Button>
          {user && (
            <Button color="red" variant="light" onClick={() => setDeleting(true)}>
              Delete
            </Button>
          )}
          <Button type="submit" loading={saving}>
            {user ? "Save" : "Create"}
          </Button>
        </Group>
      </Stack>
      {user && (
        <ConfirmDialog
          opened={deleting}
          title="Delete User"
          message={`Are you sure you want to delete "${name}" (${user.agreement_number})?`}
          effects={["Their token is removed from the Auth Service", "Their playlist stops working", "All their assignments are removed"]}
          loading={remove.isPending}
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            // The hook leaves the page and says what happened; only a refusal keeps the dialog's page.
            {
              unsaved.leaveOnPurpose();
              remove.mutate(
                { id: user.id, name },
                {
                  onError: () => {
                    unsaved.stay();
                    setDeleting(false);
                  },
                },
              );
            }
          }
        />
      )}
      <ConfirmDialog
        opened={unsaved.asking}
        title="Leave without saving?"
        message={user ? `Your changes to ${name} are not saved.` : "This new user is not saved yet."}
        effects={["Leave: the changes are lost.", "Stay: keep editing, then press Save."]}
        confirmLabel="Leave"
        cancelLabel="Stay"
        onConfirm={unsaved.leave}
        onClose={unsaved.stay}
      />
    </form>
  );
}
