import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { jsonResponse, renderApp, SESSION } from "@/testing/render";

/** A backend for the new-user page that records every user it is asked to create. */
function fakeBackend() {
  const created: unknown[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    const request = input as Request;
    const { pathname } = new URL(request.url, "http://localhost");
    const ok = (data: unknown) => jsonResponse(200, { success: true, data });
    if (pathname === "/api/v1/auth/me") return ok(SESSION);
    if (pathname === "/api/v1/settings/ui") return ok({ operator_timezone: "UTC", logo_max_bytes: 262144, logo_types: [] });
    if (pathname === "/api/v1/users" && request.method === "POST") {
      created.push(await request.json());
      return jsonResponse(422, { success: false, error: { code: "VALIDATION_ERROR", message: "stop here" } });
    }
    if (pathname.startsWith("/api/v1/lookup/")) return ok([]);
    return jsonResponse(404, { success: false, error: { code: "NOT_FOUND", message: `no ${pathname}` } });
  });
  return created;
}

describe("the user form's date fields", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(["Valid From", "Valid Until"])("Enter in %s confirms the typed date and does not submit the form", async (label) => {
    const created = fakeBackend();
    renderApp("/users/new");
    await userEvent.type(await screen.findByLabelText("First Name", { exact: false }), "Иван");
    await userEvent.type(screen.getByLabelText("Last Name", { exact: false }), "Петров");
    await userEvent.type(screen.getByLabelText("Agreement Number", { exact: false }), "AG-77");
    const date = screen.getByLabelText(label);
    await userEvent.type(date, "2027-03-31{Enter}");

    expect(date).toHaveValue("2027-03-31");
    expect(date).toHaveFocus();
    // Pressing Create is still what creates the user, with the date typed.
    await userEvent.click(screen.getByRole("button", { name: "Create" }));
    await waitFor(() => expect(created).toHaveLength(1));
    const field = label === "Valid From" ? "valid_from" : "valid_until";
    expect((created[0] as Record<string, unknown>)[field]).toMatch(/^2027-03-31T/);
  });
});
