import { render } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { AppProvider } from "@/app/provider";
import { createQueryClient } from "@/app/query-client";
import { routes } from "@/app/routes";

/** The real app (routes, providers, client) at `path`, with global fetch as the only fake. */
export function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient();
  const utils = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...utils, router, queryClient };
}

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

export const SESSION = {
  admin: { id: 1, username: "admin", last_login_at: null },
  csrf_token: "csrf-1",
  expires_at: null,
  auth_method: "session",
};
