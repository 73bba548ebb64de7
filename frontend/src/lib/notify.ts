import { notifications } from "@mantine/notifications";
import { errorMessage } from "@/api/errors";

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: "green", title, message, autoClose: 4000 });
}

export function notifyWarning(message: string, title?: string): void {
  notifications.show({ color: "yellow", title: title ?? "Warning", message, autoClose: 8000 });
}

export function notifyError(error: unknown, title = "Error"): void {
  notifications.show({ color: "red", title, message: errorMessage(error), autoClose: 10000 });
}
