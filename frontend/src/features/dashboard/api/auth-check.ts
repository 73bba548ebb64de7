import { useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "@/api/client";
import { ApiError, errorMessage } from "@/api/errors";
import { plural } from "@/components/confirm-dialog";
import { notifyError, notifySuccess, notifyWarning } from "@/lib/notify";
import { useSingleFlightMutation } from "@/lib/use-single-flight-mutation";

/** The figures a check's report and its recorded run share. */
export type CheckFigures = Pick<
  Schemas["ReconcileRunRead"],
  "users" | "missing" | "stale" | "pointer" | "unknown" | "foreign" | "fixed" | "repair_failures"
>;

/** What a check of the Auth Service found and repaired, in words. */
export function describeCheck(c: CheckFigures, repaired: boolean): string {
  const found = c.missing + c.stale + c.pointer + c.unknown;
  const parts: string[] = [];
  if (found === 0) {
    parts.push(`No differences: the Auth Service matches all ${plural(c.users, "subscriber")}`);
  } else {
    const kinds = [
      c.missing ? `${c.missing} missing` : null,
      c.stale ? `${c.stale} out of date` : null,
      c.pointer ? `${c.pointer} with a wrong stored id` : null,
      c.unknown ? plural(c.unknown, "leftover token") : null,
    ].filter((k) => k !== null);
    let text = `${plural(found, "difference")} (${kinds.join(", ")})`;
    if (repaired) {
      text += `: ${c.fixed} repaired`;
      if (c.repair_failures) text += `, ${c.repair_failures} could not be (retried in the background)`;
      const rest = found - c.fixed - c.repair_failures;
      if (rest > 0) text += `, ${rest} already queued for the background sync`;
    } else {
      text += ", not repaired";
    }
    parts.push(text);
  }
  if (c.foreign) parts.push(`${plural(c.foreign, "token")} of other systems left alone`);
  return `${parts.join("; ")}.`;
}

/**
 * "Check now": POST /auth-sync/reconcile?repair=true, once at a time, with the result in words; a
 * check already running (the periodic one, or another admin's) is a warning, not an error.
 */
export function useAuthServiceCheck() {
  const queryClient = useQueryClient();
  const mutation = useSingleFlightMutation({
    meta: { handlesErrors: true },
    mutationFn: () => unwrap(api.POST("/api/v1/auth-sync/reconcile", { params: { query: { repair: true } } })),
    onSuccess(report) {
      notifySuccess(describeCheck(report, true), "Auth Service checked");
    },
    onError(error) {
      if (error instanceof ApiError && error.status === 409) {
        notifyWarning(errorMessage(error), "Check already running");
      } else if (!(error instanceof ApiError && error.status === 401)) {
        notifyError(error, "Check failed");
      }
    },
    onSettled() {
      // Every check is recorded, and a repair changes users' sync states.
      void queryClient.invalidateQueries({ queryKey: ["dashboard"] });
      void queryClient.invalidateQueries({ queryKey: ["users"] });
    },
  });
  return { check: () => mutation.mutate(), isPending: mutation.isPending };
}
