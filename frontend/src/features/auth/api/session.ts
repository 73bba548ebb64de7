import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { notifySuccess } from "@/lib/notify";
import { clearSignedOut, markSignedOut } from "@/lib/sign-out-flag";
import { api, setCsrfToken, unwrap, type Schemas } from "@/api/client";
import { ApiError } from "@/api/errors";
import { SESSION_QUERY_KEY } from "@/app/query-client";
import { useSingleFlightMutation } from "@/lib/use-single-flight-mutation";

export type SessionInfo = Schemas["SessionInfo"];

/** The signed-in admin, or null when there is no valid session. */
export const sessionQueryOptions = queryOptions({
  queryKey: SESSION_QUERY_KEY,
  queryFn: async (): Promise<SessionInfo | null> => {
    try {
      const session = await unwrap(api.GET("/api/v1/auth/me"));
      setCsrfToken(session.csrf_token);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: Infinity,
  retry: false,
});

export function useLogin() {
  const queryClient = useQueryClient();
  return useSingleFlightMutation({
    meta: { handlesErrors: true },
    mutationFn: (body: Schemas["LoginRequest"]) => unwrap(api.POST("/api/v1/auth/login", { body })),
    onSuccess(session) {
      clearSignedOut();
      setCsrfToken(session.csrf_token);
      // Data cached for another admin (or before expiry) must not leak into this session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "auth" });
      queryClient.setQueryData(SESSION_QUERY_KEY, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useSingleFlightMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/auth/logout")),
    onSuccess() {
      markSignedOut();
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "auth" });
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
      // Here, not in mutate(): the route guard unmounts the caller as soon as the session is gone.
      void navigate("/login", { replace: true });
      notifySuccess("You have been signed out.");
    },
  });
}
