import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "@/api/client";
import { invalidate } from "@/lib/invalidate";
import { useSingleFlightMutation } from "@/lib/use-single-flight-mutation";

export type Group = Schemas["GroupRead"];

export const groupsOptions = queryOptions({
  queryKey: ["groups"],
  queryFn: () => unwrap(api.GET("/api/v1/groups")),
});

export function groupCascadeOptions(id: number) {
  return queryOptions({
    queryKey: ["cascade", "groups", id],
    queryFn: () => unwrap(api.GET("/api/v1/groups/{group_id}/cascade-info", { params: { path: { group_id: id } } })),
    staleTime: 0,
  });
}

// Groups show up in channel rows, selects and the dashboard.
const AFFECTED = ["groups", "channels", "lookup", "dashboard"];

export function useSaveGroup() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    meta: { handlesErrors: true },
    mutationFn: ({ id, name }: { id: number | null; name: string }) =>
      id === null
        ? unwrap(api.POST("/api/v1/groups", { body: { name } }))
        : unwrap(api.PATCH("/api/v1/groups/{group_id}", { params: { path: { group_id: id } }, body: { name } })),
    onSuccess: () => invalidate(client, ...AFFECTED),
  });
}

export function useDeleteGroup() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: (id: number) => unwrap(api.DELETE("/api/v1/groups/{group_id}", { params: { path: { group_id: id } } })),
    onSuccess: () => invalidate(client, ...AFFECTED),
  });
}

export function useReorderGroups() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: ({ order }: { order: Schemas["OrderItem"][]; rows: Group[] }) =>
      unwrap(api.POST("/api/v1/groups/reorder", { body: { order } })),
    // Show the new order at once; the server's answer (or a rollback on error) follows.
    onMutate: async ({ rows }) => {
      await client.cancelQueries({ queryKey: groupsOptions.queryKey });
      const previous = client.getQueryData(groupsOptions.queryKey);
      client.setQueryData(groupsOptions.queryKey, rows);
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) client.setQueryData(groupsOptions.queryKey, context.previous);
    },
    onSettled: () => invalidate(client, ...AFFECTED),
  });
}
