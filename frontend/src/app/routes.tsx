import type { RouteObject } from "react-router";
import { AdminShell } from "@/features/auth/components/admin-shell";
import { LoginPage } from "@/features/auth/components/login-page";
import { RequireAuth } from "@/features/auth/components/require-auth";
import { DashboardPage } from "@/features/dashboard/components/dashboard-page";
import { NotFoundPage } from "@/components/not-found-page";
import { ChannelsPage } from "@/features/channels/components/channels-page";
import { NewUserPage, UserPage } from "@/features/users/components/user-page";
import { UsersPage } from "@/features/users/components/users-page";
import { ApiKeysPage } from "@/features/api-keys/components/api-keys-page";
import { SETTINGS_ITEMS } from "@/components/layout/app-layout";
import { GroupsPage } from "@/features/groups/components/groups-page";
import { PackagesPage } from "@/features/catalog/components/packages-page";

export const routes: RouteObject[] = [
  { path: "/login", element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AdminShell settingsItems={SETTINGS_ITEMS} />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: "channels", element: <ChannelsPage /> },
          { path: "groups", element: <GroupsPage /> },
          { path: "packages", element: <PackagesPage /> },
          { path: "users", element: <UsersPage /> },
          { path: "users/new", element: <NewUserPage /> },
          { path: "users/:id", element: <UserPage /> },
          { path: "settings/api-keys", element: <ApiKeysPage /> },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
