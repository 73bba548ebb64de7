import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";

export const dashboardStatsOptions = queryOptions({
  queryKey: ["dashboard", "stats"],
  queryFn: () => unwrap(api.GET("/api/v1/dashboard/stats")),
  refetchInterval: 30_000,
});
