import { keepPreviousData, queryOptions, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "@/api/client";
import { invalidate } from "@/lib/invalidate";
import { useSingleFlightMutation } from "@/lib/use-single-flight-mutation";

export type ApiKey = Schemas["ApiKeyRead"];

export function apiKeysOptions(page: number) {
  return queryOptions({
    queryKey: ["api-keys", page],
    queryFn: () => unwrap(api.GET("/api/v1/api-keys", { params: { query: { page, per_page: 50 } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    meta: { handlesErrors: true },
    mutationFn: (body: Schemas["ApiKeyCreate"]) => unwrap(api.POST("/api/v1/api-keys", { body })),
    onSuccess: () => invalidate(client, "api-keys"),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: (id: number) => unwrap(api.DELETE("/api/v1/api-keys/{key_id}", { params: { path: { key_id: id } } })),
    onSuccess: () => invalidate(client, "api-keys"),
  });
}
