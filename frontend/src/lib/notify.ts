import { notifications } from "@mantine/notifications";
import { errorMessage } from "@/api/errors";

const MAX_TOAST_CHARS = 300;

/** How long each kind stays (ms) unless closed sooner: every toast closes by itself; a warning asks
 * for more reading than a success, an error the most. Hovering one holds it (app/provider.tsx). */
export const TOAST_DURATION = { success: 4000, warning: 8000, error: 10000 } as const;

/** A toast is a glance, not a report: long server messages are cut (the full text is in the console). */
export function clip(message: string, max = MAX_TOAST_CHARS): string {
  if (message.length <= max) return message;
  console.warn("Shortened toast message:", message);
  return `${message.slice(0, max - 1).trimEnd()}…`;
}

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: "green", title, message: clip(message), autoClose: TOAST_DURATION.success });
}

export function notifyWarning(message: string, title?: string): void {
  notifications.show({ color: "yellow", title: title ?? "Warning", message: clip(message), autoClose: TOAST_DURATION.warning });
}

export function notifyError(error: unknown, title = "Error", options: { id?: string } = {}): void {
  notifications.show({ id: options.id, color: "red", title, message: clip(errorMessage(error)), autoClose: TOAST_DURATION.error });
}
