import { Alert, Button, FileButton, Group, Image, Modal, Skeleton, Stack, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Schemas } from "@/api/client";
import { uiSettingsOptions } from "@/api/queries/lookups";
import { QueryError } from "@/components/query-error";
import { ApiError, fieldErrors } from "@/api/errors";
import { notifyError, notifySuccess } from "@/lib/notify";
import { formatBytes, readAsDataUri, typesInWords, uploadProblem, type UploadRules } from "@/lib/read-file";
import { channelName, channelOptions, useUpdateChannel } from "../api/channels";

/** Spec §8.4 "Edit Channel": read-only Flussonic fields, editable TVG ID and logo (upload, preview, remove). */
export function ChannelEditModal({ channelId, onClose }: { channelId: number; onClose: () => void }) {
  const channel = useQuery(channelOptions(channelId));
  const update = useUpdateChannel();
  const name = channel.data ? channelName(channel.data) : "";
  return (
    <Modal
      opened
      onClose={() => !update.isPending && onClose()}
      title={
        <Text fw={600} dir="auto">
          Edit Channel: {name}
        </Text>
      }
      centered
      size="lg"
    >
      {channel.isPending && <Skeleton h={240} />}
      {channel.isError && <QueryError error={channel.error} onRetry={() => void channel.refetch()} />}
      {channel.data && <ChannelEditForm data={channel.data} update={update} onClose={onClose} />}
    </Modal>
  );
}

function ChannelEditForm({
  data,
  update,
  onClose,
}: {
  data: Schemas["ChannelRead"];
  update: ReturnType<typeof useUpdateChannel>;
  onClose: () => void;
}) {
  const [tvgId, setTvgId] = useState(data.tvg_id ?? "");
  const [logo, setLogo] = useState<string | null>(data.tvg_logo);
  const [logoTouched, setLogoTouched] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const [pickProblem, setPickProblem] = useState<string | null>(null);
  const settings = useQuery(uiSettingsOptions);
  const rules: UploadRules | null = settings.data
    ? { maxBytes: settings.data.logo_max_bytes, types: settings.data.logo_types }
    : null;
  const mapped = update.error ? fieldErrors(update.error, ["tvg_id", "tvg_logo"]) : null;
  // The request body limit (413) can only be hit by a logo; say so on the logo, in words.
  const tooLarge = update.error instanceof ApiError && update.error.status === 413;
  const logoError =
    pickProblem ??
    (tooLarge ? `The file is too large for the server${rules ? ` (logos: up to ${formatBytes(rules.maxBytes)})` : ""}.` : null) ??
    mapped?.fields.tvg_logo;
  const name = channelName(data);

  const save = () => {
    if (update.isPending) return;
    const body: { tvg_id?: string | null; tvg_logo?: string | null } = {};
    if (tvgId.trim() !== (data.tvg_id ?? "")) body.tvg_id = tvgId.trim() || null;
    if (logoTouched) body.tvg_logo = logo;
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { id: data.id, body },
      {
        onSuccess: () => {
          notifySuccess(`Channel "${name}" saved`);
          onClose();
        },
      },
    );
  };

  return (
        <Stack>
          <TextInput label="Stream Name" value={data.stream_name} readOnly variant="filled" dir="auto" />
          <TextInput label="Display Name" value={data.display_name ?? ""} readOnly variant="filled" dir="auto" />
          <TextInput
            label="TVG ID (EPG ID)"
            value={tvgId}
            onChange={(e) => setTvgId(e.currentTarget.value)}
            error={mapped?.fields.tvg_id}
            maxLength={100}
            data-autofocus
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="logo-label">
              Logo
            </Text>
            <Group align="center" aria-labelledby="logo-label">
              {logo ? (
                <Image src={logo} alt={`Logo of ${name}`} h={64} w={96} fit="contain" radius="sm" bg="gray.1" />
              ) : (
                <Text size="sm" c="dimmed" w={96} ta="center">
                  No logo
                </Text>
              )}
              <FileButton
                accept={(rules?.types ?? ["image/png", "image/jpeg", "image/gif", "image/webp"]).join(",")}
                onChange={(file) => {
                  if (!file) return;
                  const problem = rules ? uploadProblem(file, rules) : null;
                  setPickProblem(problem);
                  if (problem) return;
                  readAsDataUri(file)
                    .then((uri) => {
                      setLogo(uri);
                      setLogoTouched(true);
                      setFileName(file.name);
                      update.reset();
                    })
                    .catch((e: unknown) => notifyError(e, "Could not read the file"));
                }}
              >
                {(props) => (
                  <Button variant="default" size="xs" {...props}>
                    Choose File
                  </Button>
                )}
              </FileButton>
              <Button
                variant="subtle"
                color="red"
                size="xs"
                disabled={!logo}
                onClick={() => {
                  setLogo(null);
                  setLogoTouched(true);
                  setFileName(null);
                  setPickProblem(null);
                }}
              >
                Remove
              </Button>
            </Group>
            {rules && (
              <Text size="xs" c="dimmed" mt={4}>
                {typesInWords(rules.types)}, up to {formatBytes(rules.maxBytes)}
              </Text>
            )}
            {fileName && (
              <Text size="xs" c="dimmed" mt={4}>
                {fileName} (saved when you press Save)
              </Text>
            )}
            {logoError && (
              <Text size="sm" c="red" mt={4} role="alert">
                {logoError}
              </Text>
            )}
          </div>
          <TextInput label="Catchup Days" value={data.catchup_days ?? "—"} readOnly variant="filled" />
          {mapped?.rest && !tooLarge && (
            <Alert color="red" role="alert">
              {mapped.rest}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={update.isPending}>
              Cancel
            </Button>
            <Button onClick={save} loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
  );
}
