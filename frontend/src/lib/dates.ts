import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);
dayjs.extend(timezone);

/** A calendar day as the date pickers use it: "YYYY-MM-DD". */
export type Day = string;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Subscription dates are whole days in the operator's time zone (GET /settings/ui):
 * valid_from is the first second of the picked day, valid_until the last (same rule as the API's
 * valid_from_date / valid_until_date).
 */
export function dayStartInstant(day: Day, zone: string): string {
  if (!DAY.test(day)) throw new Error(`not a day: ${day}`);
  return dayjs.tz(`${day}T00:00:00`, zone).format();
}

export function dayEndInstant(day: Day, zone: string): string {
  if (!DAY.test(day)) throw new Error(`not a day: ${day}`);
  return dayjs.tz(`${day}T23:59:59`, zone).format();
}

/** The operator-time-zone day an instant falls on (for showing a stored bound in a date picker). */
export function instantToDay(instant: string | null | undefined, zone: string): Day | null {
  if (!instant) return null;
  const parsed = dayjs(instant);
  if (!parsed.isValid()) return null;
  return parsed.tz(zone).format("YYYY-MM-DD");
}

/** "2024-01-15 14:30" in the given zone (default: the browser's). */
export function formatDateTime(instant: string | null | undefined, zone?: string): string {
  if (!instant) return "—";
  const parsed = dayjs(instant);
  if (!parsed.isValid()) return "—";
  return (zone ? parsed.tz(zone) : parsed).format("YYYY-MM-DD HH:mm");
}

export function formatDay(instant: string | null | undefined, zone: string): string {
  return instantToDay(instant, zone) ?? "—";
}
