import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { jsonResponse, renderApp, SESSION } from "@/testing/render";

/** A fake backend: `me` answers per the flag, login switches it on. */
function fakeBackend() {
  const state = { signedIn: true, requests: [] as Request[] };
  const fetchMock = vi.spyOn(globalThis, "fetch").mockImplementation((input) => {
    const request = input as Request;
    state.requests.push(request);
    const path = new URL(request.url, "http://localhost").pathname;
    if (path === "/api/v1/auth/login") {
      state.signedIn = true;
      return Promise.resolve(jsonResponse(200, { success: true, data: { ...SESSION, csrf_token: "csrf-2" } }));
    }
    if (path === "/api/v1/auth/me" && state.signedIn) return Promise.resolve(jsonResponse(200, { success: true, data: SESSION }));
    return Promise.resolve(jsonResponse(401, { success: false, error: { code: "UNAUTHORIZED", message: "Authentication required" } }));
  });
  return { state, fetchMock };
}

describe("session handling", () => {
  afterEach(() => vi.restoreAllMocks());

  it("sends a visitor without a session to /login?next=… and back after signing in", async () => {
    const { state } = fakeBackend();
    state.signedIn = false;
    const { router } = renderApp("/groups?x=1");
    await waitFor(() => expect(router.state.location.pathname).toBe("/login"));
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent("/groups?x=1")}`);

    await userEvent.type(await screen.findByLabelText("Username"), "admin");
    await userEvent.type(screen.getByLabelText("Password", { selector: "input" }), "pw");
    await userEvent.click(screen.getByRole("button", { name: "Sign In" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/groups"));
    expect(router.state.location.search).toBe("?x=1");
  });

  it("an API 401 mid-session (expiry) goes to the login page remembering the page", async () => {
    const { state } = fakeBackend();
    const { router } = renderApp("/somewhere");
    await screen.findByText("Page not found");
    state.signedIn = false;
    // Any data call now answers 401, e.g. the Logout button's POST.
    await userEvent.click(screen.getByRole("button", { name: "Logout" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/login"));
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent("/somewhere")}`);
  });

  it("refuses an off-site next= after login", async () => {
    const { state } = fakeBackend();
    state.signedIn = false;
    const { router } = renderApp(`/login?next=${encodeURIComponent("//evil.example/x")}`);
    await userEvent.type(await screen.findByLabelText("Username"), "admin");
    await userEvent.type(screen.getByLabelText("Password", { selector: "input" }), "pw");
    await userEvent.click(screen.getByRole("button", { name: "Sign In" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
  });
});
