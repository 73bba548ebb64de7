import { keepPreviousData, queryOptions, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "@/api/client";
import { invalidate } from "@/lib/invalidate";
import { useSingleFlightMutation } from "@/lib/use-single-flight-mutation";

export type Channel = Schemas["ChannelSummary"];
export type ChannelPage = Schemas["ChannelSummaryPage"];

export interface ChannelFilters {
  page: number;
  per_page: number;
  search: string;
  group: string; // "" = all, "none" = without group, else an id
  status: "" | "synced" | "orphaned";
}

export function channelsOptions(f: ChannelFilters) {
  return queryOptions({
    queryKey: ["channels", "list", f],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/channels", {
          params: {
            query: {
              page: f.page,
              per_page: f.per_page,
              search: f.search || undefined,
              group_id: f.group || undefined,
              sync_status: f.status || undefined,
              sort_by: "sort_order",
              sort_dir: "asc",
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function channelOptions(id: number) {
  return queryOptions({
    queryKey: ["channels", "detail", id],
    meta: { handlesErrors: true },
    queryFn: () => unwrap(api.GET("/api/v1/channels/{channel_id}", { params: { path: { channel_id: id } } })),
    staleTime: 0,
  });
}

export function channelCascadeOptions(id: number) {
  return queryOptions({
    queryKey: ["cascade", "channels", id],
    queryFn: () => unwrap(api.GET("/api/v1/channels/{channel_id}/cascade-info", { params: { path: { channel_id: id } } })),
    staleTime: 0,
  });
}

// A channel's group/packages change counts on the groups and packages pages and users' playlists.
const AFFECTED = ["channels", "groups", "packages", "users", "dashboard"];

export function useSetChannelGroup() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: ({ id, groupId }: { id: number; groupId: number | null }) =>
      unwrap(api.PATCH("/api/v1/channels/{channel_id}/group", { params: { path: { channel_id: id } }, body: { group_id: groupId } })),
    onSettled: () => invalidate(client, ...AFFECTED),
  });
}

export function useSetChannelPackages() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: ({ id, packageIds }: { id: number; packageIds: number[] }) =>
      unwrap(
        api.PATCH("/api/v1/channels/{channel_id}/packages", {
          params: { path: { channel_id: id } },
          body: { package_ids: packageIds },
        }),
      ),
    onSettled: () => invalidate(client, ...AFFECTED),
  });
}

export function useUpdateChannel() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    meta: { handlesErrors: true },
    mutationFn: ({ id, body }: { id: number; body: Schemas["ChannelUpdate"] }) =>
      unwrap(api.PATCH("/api/v1/channels/{channel_id}", { params: { path: { channel_id: id } }, body })),
    onSuccess: () => invalidate(client, "channels", "users"),
  });
}

export function useDeleteChannel() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: (id: number) => unwrap(api.DELETE("/api/v1/channels/{channel_id}", { params: { path: { channel_id: id } } })),
    onSuccess: () => invalidate(client, ...AFFECTED, "lookup"),
  });
}

export function useReorderChannels(filters: ChannelFilters) {
  const client = useQueryClient();
  const key = channelsOptions(filters).queryKey;
  return useSingleFlightMutation({
    mutationFn: ({ order }: { order: Schemas["OrderItem"][]; rows: Channel[] }) =>
      unwrap(api.POST("/api/v1/channels/reorder", { body: { order } })),
    onMutate: async ({ rows }) => {
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData(key);
      if (previous) client.setQueryData(key, { ...previous, items: rows });
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) client.setQueryData(key, context.previous);
    },
    onSettled: () => invalidate(client, "channels", "users"),
  });
}

export function channelName(c: { display_name: string | null; tvg_name?: string | null; stream_name: string }): string {
  return c.display_name ?? c.tvg_name ?? c.stream_name;
}
