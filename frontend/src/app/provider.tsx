import "@mantine/core/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/notifications/styles.css";
import { createTheme, MantineProvider, Notification } from "@mantine/core";
import { ModalsProvider } from "@mantine/modals";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import classes from "./provider.module.css";
import { createQueryClient, installSessionExpiryHandler } from "./query-client";

const theme = createTheme({
  primaryColor: "blue",
  defaultRadius: "sm",
  components: {
    // Mantine greys a toast's text when it has a title; an error must stay readable.
    Notification: Notification.extend({ styles: { description: { color: "var(--mantine-color-text)" } } }),
  },
});


export function AppProvider({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  useEffect(() => installSessionExpiryHandler(client), [client]);
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={client}>
        <ModalsProvider labels={{ confirm: "Confirm", cancel: "Cancel" }}>
          <Notifications position="top-right" limit={5} containerWidth={360} classNames={{ root: classes.toasts }} />
          {children}
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
