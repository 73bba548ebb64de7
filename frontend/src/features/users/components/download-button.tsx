import { Button, type ButtonProps } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { notifySuccess } from "@/lib/notify";
import { useSingleFlightMutation } from "@/lib/use-single-flight-mutation";
import { downloadPlaylist, playlistFileName } from "../api/users";

export function DownloadPlaylistButton({
  user,
  label = "Download Playlist",
  ...props
}: {
  user: { id: number; first_name: string; last_name: string; agreement_number: string };
  label?: string;
} & ButtonProps) {
  const download = useSingleFlightMutation({
    mutationFn: () => downloadPlaylist(user.id, playlistFileName(user)),
    onSuccess: (name) => notifySuccess(`Downloading ${name}`),
  });
  return (
    <Button
      leftSection={<IconDownload size={16} />}
      loading={download.isPending}
      onClick={() => download.mutate()}
      aria-label={`${label} of ${user.last_name} ${user.first_name}`}
      {...props}
    >
      {label}
    </Button>
  );
}
