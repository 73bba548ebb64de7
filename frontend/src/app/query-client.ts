import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { notifications } from "@mantine/notifications";
import { ApiError } from "@/api/errors";
import { notifyError } from "@/lib/notify";
import { markSessionExpired } from "@/lib/sign-out-flag";
import { setCsrfToken, setUnauthorizedHandler } from "@/api/client";

declare module "@tanstack/react-query" {
  interface Register {
    // `meta.handlesErrors`: the caller shows the error itself (inline form errors, a dialog…).
    mutationMeta: { handlesErrors?: boolean };
    queryMeta: { handlesErrors?: boolean };
  }
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

export const SESSION_QUERY_KEY = ["auth", "me"] as const;

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError(error, query) {
        if (isUnauthorized(error) || query.meta?.handlesErrors) return;
        notifyError(error, "Could not load data", { id: `query-${query.queryHash}` });
      },
    }),
    mutationCache: new MutationCache({
      onError(error, _vars, _ctx, mutation) {
        if (isUnauthorized(error) || mutation.meta?.handlesErrors) return;
        notifyError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

/**
 * On any 401 from a data call: forget the session; the route guard then sends the admin to
 * /login?next=<where they were>, and the login page brings them back. A refused change is said to
 * be unsaved (the user form also keeps its values, see user-form.tsx).
 */
export function installSessionExpiryHandler(client: QueryClient): () => void {
  setUnauthorizedHandler(({ write }) => {
    const expired = client.getQueryData(SESSION_QUERY_KEY) === null;
    if (expired && !write) return;
    if (!expired) {
      markSessionExpired();
      setCsrfToken(null);
      client.setQueryData(SESSION_QUERY_KEY, null);
    }
    if (write) {
      notifications.hide("session-expired");
      notifications.show({
        id: "session-expired-unsaved",
        color: "red",
        title: "Session expired: your change was not saved",
        message: "Sign in again and you will come back to this page to repeat it. A user form keeps your edits.",
        autoClose: 20000,
      });
    } else {
      notifications.show({
        id: "session-expired",
        color: "yellow",
        title: "Session expired",
        message: "Please sign in again; you will come back to this page.",
        autoClose: 8000,
      });
    }
  });
  return () => setUnauthorizedHandler(null);
}
