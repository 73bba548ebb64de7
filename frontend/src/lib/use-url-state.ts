import { useCallback } from "react";
import { useSearchParams } from "react-router";

/** List-page state (page, filters, search) kept in the URL's search params. */
export function useUrlState<K extends string>(defaults: Record<K, string>) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(
    (Object.keys(defaults) as K[]).map((k) => [k, params.get(k) ?? defaults[k]]),
  ) as Record<K, string>;
  const update = useCallback(
    (changes: Partial<Record<K, string | null>>, { resetPage = true } = {}) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes) as [K, string | null | undefined][]) {
            if (value === null || value === undefined || value === "" || value === defaults[key]) next.delete(key);
            else next.set(key, value);
          }
          if (resetPage && !("page" in changes)) next.delete("page");
          return next;
        },
        { replace: true },
      );
    },
    [setParams, defaults],
  );
  return [values, update] as const;
}

export function positiveInt(value: string, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
