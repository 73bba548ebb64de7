import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../client";

// Shared read-only lists for selects (spec §7.3 Lookups) and UI settings; any feature may use them.
export const lookupKeys = { all: ["lookup"] as const };

export const groupLookupOptions = queryOptions({
  queryKey: ["lookup", "groups"],
  queryFn: () => unwrap(api.GET("/api/v1/lookup/groups")),
});
export const packageLookupOptions = queryOptions({
  queryKey: ["lookup", "packages"],
  queryFn: () => unwrap(api.GET("/api/v1/lookup/packages")),
});
export const tariffLookupOptions = queryOptions({
  queryKey: ["lookup", "tariffs"],
  queryFn: () => unwrap(api.GET("/api/v1/lookup/tariffs")),
});
export function channelLookupOptions(search: string) {
  return queryOptions({
    queryKey: ["lookup", "channels", search],
    queryFn: () => unwrap(api.GET("/api/v1/lookup/channels", { params: { query: { search: search || undefined, limit: 50 } } })),
  });
}
export const uiSettingsOptions = queryOptions({
  queryKey: ["settings", "ui"],
  queryFn: () => unwrap(api.GET("/api/v1/settings/ui")),
  staleTime: Infinity,
});
