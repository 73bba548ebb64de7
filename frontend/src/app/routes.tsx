import type { RouteObject } from "react-router";
import { AdminShell } from "@/features/auth/components/admin-shell";
import { LoginPage } from "@/features/auth/components/login-page";
import { RequireAuth } from "@/features/auth/components/require-auth";
import { DashboardPage } from "@/features/dashboard/components/dashboard-page";
import { NotFoundPage } from "@/components/not-found-page";

export const routes: RouteObject[] = [
  { path: "/login", element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AdminShell />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
