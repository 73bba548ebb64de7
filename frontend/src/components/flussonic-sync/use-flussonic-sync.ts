import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap, type Schemas } from "@/api/client";
import { ApiError, errorMessage } from "@/api/errors";
import { plural } from "@/components/confirm-dialog";
import { notifyError, notifySuccess, notifyWarning } from "@/lib/notify";
import { useSingleFlightMutation } from "@/lib/use-single-flight-mutation";

export type SyncResult = Schemas["SyncResult"];

export function describeSyncResult(r: SyncResult): string {
  const parts = [`${r.total} channels in Flussonic`, `${r.new} new`, `${r.updated} updated`, `${r.orphaned} newly orphaned`];
  if (r.restored) parts.push(`${r.restored} restored`);
  if (r.skipped) parts.push(`${r.skipped} skipped`);
  return parts.join(", ");
}

type Skips = Pick<SyncResult, "skipped" | "skipped_streams">;

/** One line per stream the sync named as skipped, then how many more it only counted. */
export function describeSkipped({ skipped, skipped_streams }: Skips): string[] {
  const lines = skipped_streams.map((s) => `${s.name ?? "(no name)"}: ${s.reason}`);
  const more = skipped - skipped_streams.length;
  if (more > 0) lines.push(`…and ${more} more`);
  return lines;
}

/** Is this the safety guard's refusal ("would orphan most channels"), which `force` overrides? */
export function isOrphanGuardRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && error.details.some((d) => d.field === "force");
}

/**
 * The orphan guard's refusal in the admin's words: the API's message ends "sync with force=true",
 * which is the client's business; the dialog's button is "Sync anyway".
 */
export function describeGuard(error: ApiError): string {
  const detail = error.details.find((d) => d.field === "force")?.message;
  return detail ? `This sync ${detail}.` : "This sync would mark most of the channels as orphaned.";
}

/** A stored run error in the admin's words: the guard's "sync with force=true" is the API's term. */
export function runErrorInWords(error: string): string {
  return error.replace(/\bsync with force=true\b/gi, "sync again and press “Sync anyway”");
}

/**
 * POST /channels/sync with its outcomes in words: success toast, 409 "already running" warning,
 * 502 error; the near-total-orphan refusal opens a confirm-to-force dialog instead (`guard`).
 */
export function useFlussonicSync() {
  const queryClient = useQueryClient();
  const [guard, setGuard] = useState<string | null>(null);
  const mutation = useSingleFlightMutation({
    meta: { handlesErrors: true },
    mutationFn: (force: boolean) => unwrap(api.POST("/api/v1/channels/sync", { body: { force } })),
    onSuccess(result) {
      setGuard(null);
      // Skipped streams are missing from the catalogue: worth a longer look than a success toast.
      if (result.skipped) {
        notifyWarning(
          `${describeSyncResult(result)}. Skipped: ${describeSkipped(result).join("; ")}`,
          `Sync finished; ${plural(result.skipped, "stream")} skipped`,
        );
      } else notifySuccess(describeSyncResult(result), "Sync finished");
    },
    onError(error) {
      if (isOrphanGuardRefusal(error)) {
        setGuard(describeGuard(error));
      } else if (error instanceof ApiError && error.status === 409) {
        notifyWarning(errorMessage(error), "Sync already running");
      } else if (!(error instanceof ApiError && error.status === 401)) {
        notifyError(error, "Sync failed");
      }
    },
    onSettled() {
      // Every sync, failed ones included, is recorded: refresh what shows it.
      void queryClient.invalidateQueries({ queryKey: ["dashboard"] });
      void queryClient.invalidateQueries({ queryKey: ["channels"] });
      void queryClient.invalidateQueries({ queryKey: ["lookup"] });
    },
  });
  return {
    sync: (force = false) => mutation.mutate(force),
    isPending: mutation.isPending,
    error: mutation.error,
    guard,
    dismissGuard: () => setGuard(null),
  };
}
