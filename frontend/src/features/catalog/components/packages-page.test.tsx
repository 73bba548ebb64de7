import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { jsonResponse, renderApp, SESSION } from "@/testing/render";

const PACKAGE = { id: 7, name: "Basic", description: null, channels_count: 3, tariffs_count: 1, created_at: "", updated_at: "" };
const TARIFF = {
  id: 9,
  name: "Start",
  description: null,
  packages_count: 2,
  package_ids: [7, 8],
  packages: [],
  created_at: "",
  updated_at: "",
};
const ANSWERS: Record<string, unknown> = {
  "/api/v1/auth/me": SESSION,
  "/api/v1/packages": [PACKAGE],
  "/api/v1/tariffs": [TARIFF],
  "/api/v1/packages/7/cascade-info": {
    id: 7,
    name: "Basic",
    tariffs_count: 1,
    channels_count: 3,
    direct_users_count: 2,
    users_count: 5,
  },
  "/api/v1/tariffs/9/cascade-info": { id: 9, name: "Start", packages_count: 2, users_count: 4 },
};

describe("packages page delete dialogs (spec §8.9)", () => {
  beforeEach(() => {
    vi.spyOn(globalThis, "fetch").mockImplementation((input) => {
      const path = new URL((input as Request).url, "http://localhost").pathname.replace(/\/$/, "");
      const body = ANSWERS[path];
      if (body === undefined) return Promise.resolve(jsonResponse(404, { success: false, error: { code: "NOT_FOUND", message: path } }));
      return Promise.resolve(jsonResponse(200, { success: true, data: body }));
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it("shows what deleting a package takes along and every subscriber it affects", async () => {
    renderApp("/packages");
    await userEvent.click(await screen.findByRole("button", { name: "Delete Basic" }));
    const dialog = await screen.findByRole("dialog");
    expect(await within(dialog).findByText("1 tariff")).toBeInTheDocument();
    expect(within(dialog).getByText("2 users holding it directly")).toBeInTheDocument();
    expect(within(dialog).getByText("3 channels (the channels themselves stay)")).toBeInTheDocument();
    expect(within(dialog).getByText(/5 subscribers affected in all/)).toBeInTheDocument();
  });

  it("shows the users and packages of a tariff", async () => {
    renderApp("/packages");
    await userEvent.click(await screen.findByRole("button", { name: "Delete Start" }));
    const dialog = await screen.findByRole("dialog");
    expect(await within(dialog).findByText("4 users")).toBeInTheDocument();
    expect(within(dialog).getByText(/Its 2 packages stay/)).toBeInTheDocument();
  });
});
