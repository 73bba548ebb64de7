import { useDebouncedCallback } from "@mantine/hooks";
import { useCallback, useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";

export interface UrlUpdateOptions {
  /** Drop `page` (back to the first page) unless the change sets it. Default true. */
  resetPage?: boolean;
  /**
   * Replace the history entry instead of adding one: only for normalising the URL (a page past the
   * end) or refining a search being typed. Paging and filters push, so Back returns to them.
   */
  replace?: boolean;
}

/** List-page state (page, filters, search) kept in the URL's search params. */
export function useUrlState<K extends string>(defaults: Record<K, string>) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(
    (Object.keys(defaults) as K[]).map((k) => [k, params.get(k) ?? defaults[k]]),
  ) as Record<K, string>;
  const update = useCallback(
    (changes: Partial<Record<K, string | null>>, { resetPage = true, replace = false }: UrlUpdateOptions = {}) => {
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
        { replace },
      );
    },
    [setParams, defaults],
  );
  /** To page `p` of the list (for lists whose state has a `page`). */
  const goToPage = useCallback(
    (p: number, options?: UrlUpdateOptions) => update({ page: String(p) } as Partial<Record<K, string>>, options),
    [update],
  );
  return [values, update, goToPage] as const;
}

export function positiveInt(value: string, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * A page number past the end (an old link, /channels?page=99, or the last row of the last page just
 * deleted) moves to the last page that has rows, replacing the history entry.
 */
export function useClampPage(
  result: { page: number; pages: number; total: number } | undefined,
  fresh: boolean,
  goToPage: (page: number, options: UrlUpdateOptions) => void,
): void {
  const beyond = fresh && result !== undefined && result.total > 0 && result.page > result.pages;
  const move = beyond ? `${result.page}>${result.pages}` : null;
  // Once per answer: until the next page's answer arrives the same one must not navigate again.
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (move === null || done.current === move) return;
    done.current = move;
    goToPage(Number(move.split(">")[1]), { resetPage: false, replace: true });
  }, [move, goToPage]);
}

/**
 * The search box of a list page: typing updates the URL after a pause (the first term pushes a
 * history entry, refining it replaces that entry), and Back/Forward put the URL's text back in the box.
 */
export function useSearchBox(urlValue: string, setSearch: (value: string, options: UrlUpdateOptions) => void) {
  const [text, setText] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  if (urlValue !== seen) {
    // The URL changed: from our own debounced update (then the box already shows it, maybe with a
    // trailing space being typed), or by Back/Forward (then show the URL's search).
    setSeen(urlValue);
    if (urlValue !== text.trim()) setText(urlValue);
  }
  const push = useDebouncedCallback((value: string) => {
    const trimmed = value.trim();
    if (trimmed !== urlValue) setSearch(trimmed, { replace: urlValue !== "" && trimmed !== "" });
  }, 350);
  return {
    value: text,
    onChange: (value: string) => {
      setText(value);
      push(value);
    },
  };
}
