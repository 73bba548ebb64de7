import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useEffect } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { useClampPage, useSearchBox, useUrlState } from "./use-url-state";

const DEFAULTS = { page: "1", status: "", search: "" };
type State = ReturnType<typeof useUrlState<keyof typeof DEFAULTS>>;
const handle: { update: State[1] | null; goToPage: State[2] | null } = { update: null, goToPage: null };

function ListPage({ result }: { result?: { page: number; pages: number; total: number } }) {
  const [url, update, goToPage] = useUrlState(DEFAULTS);
  useEffect(() => {
    handle.update = update;
    handle.goToPage = goToPage;
  }, [update, goToPage]);
  const search = useSearchBox(url.search, (value, options) => update({ search: value }, options));
  useClampPage(result, true, (p, options) => update({ page: String(p) }, options));
  return <input aria-label="Search" value={search.value} onChange={(e) => search.onChange(e.currentTarget.value)} />;
}

function renderAt(path: string, result?: { page: number; pages: number; total: number }) {
  const router = createMemoryRouter([{ path: "/list", element: <ListPage result={result} /> }], { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return router;
}

describe("list state in the URL", () => {
  it("paging and filters add history entries, so Back returns to the previous page", async () => {
    const router = renderAt("/list");
    act(() => handle.update?.({ page: "2" }, { resetPage: false }));
    expect(router.state.location.search).toBe("?page=2");
    expect(router.state.historyAction).toBe("PUSH");
    act(() => handle.update?.({ status: "orphaned" }));
    expect(router.state.location.search).toBe("?status=orphaned");
    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe("?page=2");
  });

  it("goToPage keeps the filters and pushes, or replaces when asked", () => {
    const router = renderAt("/list?status=orphaned");
    act(() => handle.goToPage?.(3));
    expect(router.state.location.search).toBe("?status=orphaned&page=3");
    expect(router.state.historyAction).toBe("PUSH");
    act(() => handle.goToPage?.(1, { replace: true }));
    expect(router.state.location.search).toBe("?status=orphaned");
    expect(router.state.historyAction).toBe("REPLACE");
  });

  it("a page past the end moves to the last page, replacing the entry", async () => {
    const router = renderAt("/list?page=99", { page: 99, pages: 8, total: 160 });
    await vi.waitFor(() => expect(router.state.location.search).toBe("?page=8"));
    expect(router.state.historyAction).toBe("REPLACE");
  });

  it("leaves an empty list alone", async () => {
    const router = renderAt("/list?page=3", { page: 3, pages: 0, total: 0 });
    await act(() => Promise.resolve());
    expect(router.state.location.search).toBe("?page=3");
  });

  it("typing a search pushes once, refining it replaces; Back puts the old text in the box", async () => {
    const router = renderAt("/list?page=2");
    const box = screen.getByLabelText("Search");
    await userEvent.type(box, "iva");
    // Past the search box's debounce (350 ms): waited for, not slept, so a busy machine cannot flake it.
    await vi.waitFor(() => expect(router.state.location.search).toBe("?search=iva"));
    expect(router.state.historyAction).toBe("PUSH");
    await userEvent.type(box, "nov ");
    await vi.waitFor(() => expect(router.state.location.search).toBe("?search=ivanov"));
    expect(router.state.historyAction).toBe("REPLACE");
    // The trailing space being typed stays in the box.
    expect(box).toHaveValue("ivanov ");
    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe("?page=2");
    expect(box).toHaveValue("");
  });
});
