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

  it("a date it cannot take is kept in the field with the reason, and the user is not created", async () => {
    const created = fakeBackend();
    renderApp("/users/new");
    await userEvent.type(await screen.findByLabelText("First Name", { exact: false }), "Иван");
    await userEvent.type(screen.getByLabelText("Last Name", { exact: false }), "Петров");
    await userEvent.type(screen.getByLabelText("Agreement Number", { exact: false }), "AG-78");
    const from = screen.getByLabelText("Valid From");
    await userEvent.type(from, "2026-13-45");
    await userEvent.tab();
    expect(from).toHaveValue(""); // the value it keeps: none
    expect(
      await screen.findByText("“2026-13-45” is not a date: type YYYY-MM-DD (1970 to 8999), or leave it empty"),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Create" }));
    expect(created).toHaveLength(0);

    // Fixed, the error goes; an end before the start is said too instead of being dropped.
    await userEvent.clear(from);
    await userEvent.type(from, "2027-05-10");
    await userEvent.tab();
    expect(screen.queryByText(/is not a date/)).not.toBeInTheDocument();
    const until = screen.getByLabelText("Valid Until");
    await userEvent.type(until, "2027-05-01");
    await userEvent.tab();
    expect(await screen.findByText("“2027-05-01” is before Valid From")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Create" }));

    // Only a form with both dates taken is sent: exactly once, so neither refused click sent one.
    await userEvent.clear(until);
    await userEvent.type(until, "2027-05-20");
    await userEvent.tab();
    await userEvent.click(screen.getByRole("button", { name: "Create" }));
    await waitFor(() => expect(created).toHaveLength(1));
    const body = created[0] as { valid_from: string; valid_until: string };
    expect([body.valid_from.slice(0, 10), body.valid_until.slice(0, 10)]).toEqual(["2027-05-10", "2027-05-20"]);
  });
});
