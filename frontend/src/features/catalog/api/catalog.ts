import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "@/api/client";
import { invalidate } from "@/lib/invalidate";
import { useSingleFlightMutation } from "@/lib/use-single-flight-mutation";

export type Package = Schemas["PackageRead"];
export type Tariff = Schemas["TariffRead"];

export const packagesOptions = queryOptions({
  queryKey: ["packages"],
  queryFn: () => unwrap(api.GET("/api/v1/packages")),
});
export const tariffsOptions = queryOptions({
  queryKey: ["tariffs"],
  queryFn: () => unwrap(api.GET("/api/v1/tariffs")),
});
export function packageCascadeOptions(id: number) {
  return queryOptions({
    queryKey: ["cascade", "packages", id],
    queryFn: () => unwrap(api.GET("/api/v1/packages/{package_id}/cascade-info", { params: { path: { package_id: id } } })),
    staleTime: 0,
  });
}
export function tariffCascadeOptions(id: number) {
  return queryOptions({
    queryKey: ["cascade", "tariffs", id],
    queryFn: () => unwrap(api.GET("/api/v1/tariffs/{tariff_id}/cascade-info", { params: { path: { tariff_id: id } } })),
    staleTime: 0,
  });
}

// Packages and tariffs feed channel rows, user assignments, selects and the dashboard.
const AFFECTED = ["packages", "tariffs", "channels", "users", "lookup", "dashboard"];

export function useSavePackage() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    meta: { handlesErrors: true },
    mutationFn: ({ id, body }: { id: number | null; body: Schemas["PackageCreate"] }) =>
      id === null
        ? unwrap(api.POST("/api/v1/packages", { body }))
        : unwrap(api.PATCH("/api/v1/packages/{package_id}", { params: { path: { package_id: id } }, body })),
    onSuccess: () => invalidate(client, ...AFFECTED),
  });
}

export function useDeletePackage() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: (id: number) => unwrap(api.DELETE("/api/v1/packages/{package_id}", { params: { path: { package_id: id } } })),
    onSuccess: () => invalidate(client, ...AFFECTED),
  });
}

export function useSaveTariff() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    meta: { handlesErrors: true },
    mutationFn: ({ id, body }: { id: number | null; body: Schemas["TariffCreate"] }) =>
      id === null
        ? unwrap(api.POST("/api/v1/tariffs", { body }))
        : unwrap(api.PATCH("/api/v1/tariffs/{tariff_id}", { params: { path: { tariff_id: id } }, body })),
    onSuccess: () => invalidate(client, ...AFFECTED),
  });
}

export function useDeleteTariff() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: (id: number) => unwrap(api.DELETE("/api/v1/tariffs/{tariff_id}", { params: { path: { tariff_id: id } } })),
    onSuccess: () => invalidate(client, ...AFFECTED),
  });
}
