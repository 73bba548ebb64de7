import type { QueryClient } from "@tanstack/react-query";

/** Invalidate every query under each top-level key (e.g. "channels" covers every page and filter). */
export function invalidate(client: QueryClient, ...areas: string[]): Promise<unknown> {
  return Promise.all(areas.map((area) => client.invalidateQueries({ queryKey: [area] })));
}
