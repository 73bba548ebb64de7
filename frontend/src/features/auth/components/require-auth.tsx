import { Center, Loader } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Navigate, Outlet, useLocation } from "react-router";
import { loginPathFor } from "@/lib/safe-next";
import { wasSignedOutOnPurpose } from "@/lib/sign-out-flag";
import { sessionQueryOptions } from "../api/session";
import { QueryError } from "@/components/query-error";

/** Renders the admin pages only with a session; otherwise sends to /login?next=<here>. */
export function RequireAuth() {
  const location = useLocation();
  const session = useQuery(sessionQueryOptions);
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading session" />
      </Center>
    );
  }
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to={wasSignedOutOnPurpose() ? "/login" : loginPathFor(location)} replace />;
  return <Outlet />;
}
