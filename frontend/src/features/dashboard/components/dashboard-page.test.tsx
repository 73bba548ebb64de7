import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Schemas } from "@/api/client";
import { jsonResponse, renderApp, SESSION } from "@/testing/render";

const LAST_SYNC: NonNullable<Schemas["DashboardStats"]["last_sync"]> = {
  id: 3,
  status: "succeeded",
  started_at: "2024-01-15T11:30:00Z",
  finished_at: "2024-01-15T11:30:02Z",
  forced: false,
  triggered_by_id: 1,
  total: 160,
  new: 0,
  updated: 0,
  unchanged: 160,
  orphaned: 0,
  restored: 0,
  skipped: 0,
  skipped_streams: [],
  error: null,
};

const STATS: Schemas["DashboardStats"] = {
  channels: { total: 161, synced: 160, orphaned: 1 },
  groups: 7,
  packages: 4,
  tariffs: 4,
  users: { total: 46, enabled: 35 },
  auth_sync: {
    pending: 0,
    failed: 2,
    pending_deletions: 0,
    queued_events: 0,
    check_every: 900,
    last_check: {
      id: 12,
      status: "succeeded",
      started_at: "2024-01-15T11:00:00Z",
      finished_at: "2024-01-15T11:00:04Z",
      scheduled: true,
      repair: true,
      users: 46,
      remote_tokens: 45,
      missing: 3,
      stale: 1,
      pointer: 0,
      unknown: 0,
      foreign: 2,
      differences: 4,
      fixed: 4,
      repair_failures: 0,
      error: null,
    },
  },
  last_sync: LAST_SYNC,
  last_successful_sync_at: "2024-01-15T11:30:02Z",
};

const REPORT: Schemas["ReconcileReportRead"] = {
  users: 46,
  remote_tokens: 47,
  missing: 0,
  stale: 2,
  pointer: 1,
  unknown: 1,
  foreign: 1,
  differences: [],
  foreign_tokens: [{ token_id: 9, user_id: "someone-else" }],
  truncated: false,
  repaired: true,
  fixed: 3,
  repair_failures: 1,
  run_id: 13,
};

function fakeBackend(stats: Schemas["DashboardStats"] = STATS, reconcile?: (request: Request) => Promise<Response>) {
  vi.spyOn(globalThis, "fetch").mockImplementation((input) => {
    const { pathname } = new URL((input as Request).url, "http://localhost");
    const ok = (data: unknown) => Promise.resolve(jsonResponse(200, { success: true, data }));
    if (pathname === "/api/v1/auth-sync/reconcile" && reconcile) return reconcile(input as Request);
    if (pathname === "/api/v1/auth/me") return ok(SESSION);
    if (pathname === "/api/v1/dashboard/stats") return ok(stats);
    if (pathname === "/api/v1/settings/ui") return ok({ operator_timezone: "Europe/Moscow", logo_max_bytes: 1, logo_types: [] });
    return Promise.resolve(jsonResponse(404, { success: false, error: { code: "NOT_FOUND", message: pathname } }));
  });
}

describe("dashboard", () => {
  afterEach(() => vi.restoreAllMocks());

  it("says the catalogue and the last run apart, each once, with times in the operator's zone", async () => {
    fakeBackend();
    renderApp("/");
    expect(await screen.findByText("Last sync: 2024-01-15 14:30 Europe/Moscow")).toBeInTheDocument();
    expect(screen.getByText("Channels now: 160 in Flussonic, 1 orphaned in total")).toBeInTheDocument();
    expect(screen.getByTestId("last-run-figures")).toHaveTextContent(
      "That run: Flussonic listed 160 streams; 0 new, 0 updated, 0 newly orphaned",
    );
    expect(screen.getAllByText(/160 streams|channels in Flussonic/)).toHaveLength(1);
  });

  it("shows the streams the last run skipped", async () => {
    const run = {
      ...LAST_SYNC,
      total: 171,
      skipped: 2,
      skipped_streams: [
        { name: "y".repeat(60), reason: "name longer than 255 characters (300)" },
        { name: "nul\\0", reason: "name contains a NUL character" },
      ],
    };
    fakeBackend({ ...STATS, last_sync: run });
    renderApp("/");
    expect(await screen.findByTestId("last-run-figures")).toHaveTextContent("Flussonic listed 171 streams; 0 new, 0 updated, 0 newly orphaned; 2 skipped");
    expect(screen.getByText("2 streams from Flussonic could not be used")).toBeInTheDocument();
    const items = screen.getByTestId("skipped-streams").querySelectorAll("li");
    expect([...items].map((li) => li.textContent)).toEqual([
      `${"y".repeat(60)}: name longer than 255 characters (300)`,
      "nul\\0: name contains a NUL character",
    ]);
  });

  it("links failed Auth Service pushes to the users list filtered to them", async () => {
    fakeBackend();
    renderApp("/");
    const link = await screen.findByRole("link", { name: "See users whose push failed" });
    expect(link).toHaveAttribute("href", "/users?auth_sync=failed");
    expect(screen.queryByRole("link", { name: "See users with a pending push" })).not.toBeInTheDocument();
  });

  it("says when the Auth Service was last checked and what that found, in words", async () => {
    fakeBackend();
    renderApp("/");
    expect(await screen.findByTestId("last-check")).toHaveTextContent(
      "Last check: 2024-01-15 14:00 Europe/Moscow (automatic)",
    );
    expect(screen.getByTestId("last-check-result")).toHaveTextContent(
      "4 differences (3 missing, 1 out of date): 4 repaired; 2 tokens of other systems left alone.",
    );
    expect(screen.getByText("Checked and repaired automatically every 15 minutes.")).toBeInTheDocument();
  });

  it("checks now once however quickly it is clicked, busy until the answer, then says the result", async () => {
    const calls: Request[] = [];
    let answer: (response: Response) => void = () => undefined;
    fakeBackend(STATS, (request) => {
      calls.push(request);
      return new Promise((resolve) => {
        answer = resolve;
      });
    });
    renderApp("/");
    const button = await screen.findByRole("button", { name: "Check now" });
    fireEvent.click(button);
    fireEvent.click(button); // the second click of a double click, before the re-render
    await waitFor(() => expect(button).toHaveAttribute("data-loading"));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.method).toBe("POST");
    expect(new URL(calls[0]?.url ?? "").searchParams.get("repair")).toBe("true");
    answer(jsonResponse(200, { success: true, data: REPORT }));
    expect(
      await screen.findByText(
        "4 differences (2 out of date, 1 with a wrong stored id, 1 leftover token): 3 repaired, " +
          "1 could not be (retried in the background); 1 token of other systems left alone.",
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(button).not.toHaveAttribute("data-loading"));
  });

  it("warns, rather than fails, when a check is already running", async () => {
    fakeBackend(STATS, () =>
      Promise.resolve(
        jsonResponse(409, {
          success: false,
          error: { code: "CONFLICT", message: "A check of the Auth Service is already running; try again when it has finished" },
        }),
      ),
    );
    renderApp("/");
    await userEvent.click(await screen.findByRole("button", { name: "Check now" }));
    expect(await screen.findByText("Check already running")).toBeInTheDocument();
  });
});
