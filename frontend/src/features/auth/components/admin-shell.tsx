import { useQuery } from "@tanstack/react-query";
import { AppLayout, type NavItem } from "@/components/layout/app-layout";
import { sessionQueryOptions, useLogout } from "../api/session";

/** The signed-in frame: layout with the admin's name and a working Logout. */
export function AdminShell({ settingsItems }: { settingsItems?: NavItem[] }) {
  const session = useQuery(sessionQueryOptions);
  const logout = useLogout();
  return (
    <AppLayout
      adminName={session.data?.admin.username ?? "Admin"}
      loggingOut={logout.isPending}
      settingsItems={settingsItems}
      onLogout={() => {
        if (logout.isPending) return;
        logout.mutate();
      }}
    />
  );
}
