import { keepPreviousData, queryOptions, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api, fetchText, unwrap, type Schemas } from "@/api/client";
import { useNavigate } from "react-router";
import { ApiError, errorMessage, normaliseField } from "@/api/errors";
import { invalidate } from "@/lib/invalidate";
import { notifySuccess, notifyWarning } from "@/lib/notify";
import { useSingleFlightMutation } from "@/lib/use-single-flight-mutation";

export type User = Schemas["UserRead"];
export type UserListItem = Schemas["UserListItem"];
export type AuthSyncStatus = Schemas["AuthSyncStatus"];

export interface UserFilters {
  page: number;
  per_page: number;
  search: string;
  status: "" | "enabled" | "disabled";
  tariff: string;
  auth_sync: "" | AuthSyncStatus;
}

export const AUTH_SYNC_STATES: readonly AuthSyncStatus[] = ["synced", "pending", "failed"];

export function usersOptions(f: UserFilters) {
  return queryOptions({
    queryKey: ["users", "list", f],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/users", {
          params: {
            query: {
              page: f.page,
              per_page: f.per_page,
              search: f.search || undefined,
              status: f.status || undefined,
              tariff_id: f.tariff ? Number(f.tariff) : undefined,
              auth_sync_status: f.auth_sync || undefined,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function userOptions(id: number) {
  return queryOptions({
    queryKey: ["users", "detail", id],
    // The page shows a load failure itself (inline, or "not found" once the user is deleted).
    meta: { handlesErrors: true },
    queryFn: () => unwrap(api.GET("/api/v1/users/{user_id}", { params: { path: { user_id: id } } })),
    // The Auth Service push happens in the background: poll while it is pending.
    refetchInterval: (query) => (query.state.data?.auth_sync.status === "pending" ? 2000 : false),
  });
}

export function resolvedChannelsOptions(id: number) {
  return queryOptions({
    queryKey: ["users", "resolved", id],
    queryFn: () => unwrap(api.GET("/api/v1/users/{user_id}/resolved-channels", { params: { path: { user_id: id } } })),
  });
}

export function playlistPreviewOptions(id: number) {
  return queryOptions({
    queryKey: ["users", "preview", id],
    queryFn: () => unwrap(api.GET("/api/v1/users/{user_id}/playlist/preview", { params: { path: { user_id: id } } })),
    staleTime: 0,
  });
}

/** A 502 AUTH_SERVICE_ERROR on a write means "saved here, the Auth Service push is retried". */
export function isSavedButNotPushed(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === "AUTH_SERVICE_ERROR";
}

/**
 * The id of the user a create saved before the Auth Service failed (502), when error.details names
 * it ({field: "id" | "user_id", message: "42"}); null when the API does not say.
 */
export function savedUserId(error: unknown): number | null {
  if (!isSavedButNotPushed(error)) return null;
  for (const detail of error.details) {
    const field = normaliseField(detail.field ?? "");
    const id = Number(detail.message.trim());
    if ((field === "id" || field === "user_id") && Number.isInteger(id) && id > 0) return id;
  }
  return null;
}

const AFFECTED = ["users", "dashboard"];

export function useCreateUser() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    meta: { handlesErrors: true },
    mutationFn: (body: Schemas["UserCreate"]) => unwrap(api.POST("/api/v1/users", { body })),
    onSettled: () => invalidate(client, ...AFFECTED),
  });
}

export function useUpdateUser(id: number) {
  const client = useQueryClient();
  return useSingleFlightMutation({
    meta: { handlesErrors: true },
    mutationFn: (body: Schemas["UserUpdate"]) =>
      unwrap(api.PATCH("/api/v1/users/{user_id}", { params: { path: { user_id: id } }, body })),
    onSettled: () => invalidate(client, ...AFFECTED),
  });
}

/**
 * Forget a query without fetching it again: cancelled now, removed from the cache as soon as the
 * page showing it lets go (removing it while still observed would make the next render fetch it).
 */
function dropWhenUnused(client: QueryClient, queryKey: readonly unknown[]): void {
  const cache = client.getQueryCache();
  const query = cache.find({ queryKey, exact: true });
  if (!query) return;
  void query.cancel();
  if (query.getObserversCount() === 0) {
    cache.remove(query);
    return;
  }
  const unsubscribe = cache.subscribe((event) => {
    if (event.query !== query || event.type !== "observerRemoved" || query.getObserversCount() > 0) return;
    unsubscribe();
    cache.remove(query);
  });
}

/**
 * Delete a user, then leave their page for the list. Done here, not in mutate() callbacks: those
 * die with the page, and refetching the gone user's queries would answer 404 ("Page not found" and
 * a red toast) before any navigation. So the user's own queries are dropped from the cache, never
 * refetched, and only the list (and dashboard) is refreshed.
 */
export function useDeleteUser() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const gone = (id: number) => {
    void navigate("/users", { replace: true });
    for (const part of ["detail", "resolved", "preview"]) dropWhenUnused(client, ["users", part, id]);
    void client.invalidateQueries({ queryKey: ["users", "list"] });
    void invalidate(client, "dashboard");
  };
  return useSingleFlightMutation({
    meta: { handlesErrors: true },
    mutationFn: ({ id }: { id: number; name: string }) =>
      unwrap(api.DELETE("/api/v1/users/{user_id}", { params: { path: { user_id: id } } })),
    onSuccess: (_data, { id, name }) => {
      gone(id);
      notifySuccess(`User ${name} deleted`);
    },
    onError: (error, { id, name }) => {
      if (isSavedButNotPushed(error)) {
        gone(id);
        notifyWarning(errorMessage(error), `${name} deleted; Auth Service not updated yet`);
      } else if (error instanceof ApiError && error.status === 404) {
        gone(id);
        notifyWarning(`${name} had already been deleted.`, "Already deleted");
      } else if (!(error instanceof ApiError && error.status === 401)) {
        notifyWarning(errorMessage(error), "Could not delete the user");
      }
    },
  });
}

export function useRegenerateToken(id: number) {
  const client = useQueryClient();
  return useSingleFlightMutation({
    meta: { handlesErrors: true },
    mutationFn: () => unwrap(api.POST("/api/v1/users/{user_id}/regenerate-token", { params: { path: { user_id: id } } })),
    onSettled: () => invalidate(client, ...AFFECTED),
  });
}

export function useRetryAuthSync(id: number) {
  const client = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/users/{user_id}/auth-sync", { params: { path: { user_id: id } } })),
    onSettled: () => invalidate(client, ...AFFECTED),
  });
}

/** Fetch the M3U file and hand it to the browser as a download with the server's file name. */
export async function downloadPlaylist(id: number, fallbackName: string): Promise<string> {
  const { text, filename } = await fetchText(`/api/v1/users/${id}/playlist`);
  const name = filename ?? fallbackName;
  const blob = new Blob([text], { type: "audio/x-mpegurl;charset=utf-8" });
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}

export function playlistFileName(u: { first_name: string; last_name: string; agreement_number: string }): string {
  return `${u.last_name}_${u.first_name}_${u.agreement_number}.m3u8`;
}
