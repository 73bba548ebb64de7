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

/**
 * A day typed into a date field: "2024-01-15" (also "2024-1-5") or the European "15.01.2024"
 * (also "15/01/2024"); null for anything else or a day that does not exist (2024-02-30).
 */
export function parseDay(text: string): Day | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const european = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(value);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : european
      ? [Number(european[3]), Number(european[2]), Number(european[1])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || year < 1970 || year >= 9000) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
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

/**
 * "2024-01-15 14:30 Europe/Moscow": a time the admin reads in the operator's zone, with the zone
 * said, as the user form's dates are (the browser's zone may be another).
 */
export function formatZonedDateTime(instant: string | null | undefined, zone: string): string {
  const text = formatDateTime(instant, zone);
  return text === "—" ? text : `${text} ${zone}`;
}

export function formatDay(instant: string | null | undefined, zone: string): string {
  return instantToDay(instant, zone) ?? "—";
}
