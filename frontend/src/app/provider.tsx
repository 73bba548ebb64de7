import "@mantine/core/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/notifications/styles.css";
import { createTheme, getDefaultZIndex, MantineProvider, Modal, Notification } from "@mantine/core";
import { ModalsProvider } from "@mantine/modals";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { WRAP_ANYWHERE } from "@/components/data-table/cell-text";
import classes from "./provider.module.css";
import { createQueryClient, installSessionExpiryHandler } from "./query-client";

// Toasts go between a dialog's dimming overlay and the dialog itself: never over what the admin is
// reading or filling in, yet readable (and closable) beside it. Mantine's defaults put them above
// every modal.
const MODAL_Z = getDefaultZIndex("modal");
const MODAL_OVERLAY_Z = MODAL_Z - 10;
const TOASTS_Z = MODAL_Z - 5;

const theme = createTheme({
  primaryColor: "blue",
  defaultRadius: "sm",
  components: {
    // Mantine greys a toast's text when it has a title; an error must stay readable.
    Notification: Notification.extend({ styles: { description: { color: "var(--mantine-color-text)" } } }),
    // A dialog naming a 100-character unbroken name ("Delete xxxx…?") wraps it instead of overflowing.
    Modal: Modal.extend({
      defaultProps: { zIndex: MODAL_Z, overlayProps: { zIndex: MODAL_OVERLAY_Z } },
      styles: { title: WRAP_ANYWHERE, body: WRAP_ANYWHERE },
    }),
  },
});


export function AppProvider({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  useEffect(() => installSessionExpiryHandler(client), [client]);
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={client}>
        <ModalsProvider labels={{ confirm: "Confirm", cancel: "Cancel" }}>
          {/* Hovering a toast holds only that one (Mantine's "all" froze every toast, warnings included). */}
          <Notifications
            position="top-right"
            limit={5}
            containerWidth={360}
            zIndex={TOASTS_Z}
            pauseResetOnHover="notification"
            classNames={{ root: classes.toasts }}
          />
          {children}
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
