import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { jsonResponse, renderApp, SESSION } from "@/testing/render";
import type { User } from "../api/users";

const USER: User = {
  id: 7,
  first_name: "Иван",
  last_name: "Иванов",
  agreement_number: "AG-001",
  status: "enabled",
  max_sessions: 2,
  token: "tok-abcdefghijklmnop",
  valid_from: null,
  valid_until: null,
  tariffs: [],
  packages: [],
  channels: [],
  auth_sync: { status: "synced", auth_token_id: 1, error: null, error_at: null, attempts: 0, next_attempt_at: null, synced_at: null },
  created_at: "2024-01-01T00:00:00Z",
  updated_at: "2024-01-01T00:00:00Z",
};

const UNAUTHORIZED = { success: false, error: { code: "UNAUTHORIZED", message: "Authentication required" } };

/** The backend of one user's page; the session can be switched off, as when it expires. */
function fakeBackend() {
  const state = { signedIn: true, patches: [] as unknown[] };
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    const request = input as Request;
    const { pathname } = new URL(request.url, "http://localhost");
    const ok = (data: unknown) => jsonResponse(200, { success: true, data });
    if (pathname === "/api/v1/auth/login") {
      state.signedIn = true;
      return ok(SESSION);
    }
    if (!state.signedIn) return jsonResponse(401, UNAUTHORIZED);
    if (pathname === "/api/v1/auth/me") return ok(SESSION);
    if (pathname === "/api/v1/settings/ui") {
      return ok({ operator_timezone: "UTC", logo_max_bytes: 262144, logo_types: ["image/png"] });
    }
    if (pathname === "/api/v1/users/7" && request.method === "PATCH") {
      const body = (await request.json()) as Partial<User>;
      state.patches.push(body);
      return ok({ ...USER, ...body });
    }
    if (pathname === "/api/v1/users/7") return ok(USER);
    if (pathname === "/api/v1/users/7/resolved-channels") return ok({ items: [], total: 0, playable: 0 });
    if (pathname.startsWith("/api/v1/lookup/")) return ok([]);
    return jsonResponse(404, { success: false, error: { code: "NOT_FOUND", message: `no ${pathname}` } });
  });
  return state;
}

describe("the user form when the session expires", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    sessionStorage.clear();
  });

  it("says the change was not saved, and puts the edits back after signing in", async () => {
    const state = fakeBackend();
    const { router } = renderApp("/users/7");
    const sessions = await screen.findByLabelText("Max Sessions");
    await userEvent.clear(sessions);
    await userEvent.type(sessions, "5");

    state.signedIn = false;
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/login"));
    expect(await screen.findByText("Session expired: your change was not saved")).toBeInTheDocument();

    await userEvent.type(await screen.findByLabelText("Username"), "admin");
    await userEvent.type(screen.getByLabelText("Password", { selector: "input" }), "pw");
    await userEvent.click(screen.getByRole("button", { name: "Sign In" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/users/7"));
    await waitFor(() => expect(screen.getByLabelText("Max Sessions")).toHaveValue("5"));
    expect(await screen.findByText("Changes restored")).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(state.patches).toEqual([{ max_sessions: 5 }]));
  });

  it("asks before leaving with unsaved changes, and stays when told to", async () => {
    fakeBackend();
    const { router } = renderApp("/users/7");
    const sessions = await screen.findByLabelText("Max Sessions");
    await userEvent.type(sessions, "0");
    await userEvent.click(screen.getByRole("link", { name: "Cancel" }));
    expect(await screen.findByText("Leave without saving?")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Stay" }));
    expect(router.state.location.pathname).toBe("/users/7");
    expect(screen.getByLabelText("Max Sessions")).toHaveValue("20");

    await userEvent.click(screen.getByRole("link", { name: "Cancel" }));
    await userEvent.click(await screen.findByRole("button", { name: "Leave" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/users"));
    // Left on purpose: nothing is kept for later.
    expect(sessionStorage.length).toBe(0);
  });
});
