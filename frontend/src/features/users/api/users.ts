import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, fetchText, unwrap, type Schemas } from "@/api/client";
import { ApiError } from "@/api/errors";
import { invalidate } from "@/lib/invalidate";

export type User = Schemas["UserRead"];
export type UserListItem = Schemas["UserListItem"];
export type AuthSyncStatus = Schemas["AuthSyncStatus"];

export interface UserFilters {
  page: number;
  per_page: number;
  search: string;
  status: "" | "enabled" | "disabled";
  tariff: string;
}

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
export function isSavedButNotPushed(error: unknown): boolean {
  return error instanceof ApiError && error.code === "AUTH_SERVICE_ERROR";
}

/** The id of the user a create saved although its answer is an error (`details: [{field: "id"}]`). */
export function savedUserId(error: unknown): number | null {
  if (!(error instanceof ApiError)) return null;
  const id = Number(error.details.find((d) => d.field === "id")?.message);
  return Number.isInteger(id) && id > 0 ? id : null;
}

const AFFECTED = ["users", "dashboard"];

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: (body: Schemas["UserCreate"]) => unwrap(api.POST("/api/v1/users", { body })),
    onSettled: () => invalidate(client, ...AFFECTED),
  });
}

export function useUpdateUser(id: number) {
  const client = useQueryClient();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: (body: Schemas["UserUpdate"]) =>
      unwrap(api.PATCH("/api/v1/users/{user_id}", { params: { path: { user_id: id } }, body })),
    onSettled: () => invalidate(client, ...AFFECTED),
  });
}

export function useDeleteUser() {
  const client = useQueryClient();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: (id: number) => unwrap(api.DELETE("/api/v1/users/{user_id}", { params: { path: { user_id: id } } })),
    onSettled: () => invalidate(client, ...AFFECTED),
  });
}

export function useRegenerateToken(id: number) {
  const client = useQueryClient();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: () => unwrap(api.POST("/api/v1/users/{user_id}/regenerate-token", { params: { path: { user_id: id } } })),
    onSettled: () => invalidate(client, ...AFFECTED),
  });
}

export function useRetryAuthSync(id: number) {
  const client = useQueryClient();
  return useMutation({
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
