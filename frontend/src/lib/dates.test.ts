import { dayEndInstant, dayStartInstant, formatZonedDateTime, instantToDay, parseDay } from "./dates";

describe("whole days in the operator's time zone", () => {
  it("starts and ends the day in Moscow (UTC+3)", () => {
    expect(dayStartInstant("2024-01-15", "Europe/Moscow")).toBe("2024-01-15T00:00:00+03:00");
    expect(dayEndInstant("2024-01-15", "Europe/Moscow")).toBe("2024-01-15T23:59:59+03:00");
    expect(new Date(dayStartInstant("2024-01-15", "Europe/Moscow")).toISOString()).toBe("2024-01-14T21:00:00.000Z");
  });

  it("follows daylight saving in Jerusalem", () => {
    expect(dayStartInstant("2024-01-15", "Asia/Jerusalem")).toBe("2024-01-15T00:00:00+02:00");
    expect(dayEndInstant("2024-07-15", "Asia/Jerusalem")).toBe("2024-07-15T23:59:59+03:00");
  });

  it("works in UTC", () => {
    expect(dayStartInstant("2024-12-31", "UTC")).toBe("2024-12-31T00:00:00Z");
    expect(dayEndInstant("2024-12-31", "UTC")).toBe("2024-12-31T23:59:59Z");
  });

  it("maps a stored instant back to the operator's day, not the browser's", () => {
    // 21:00 UTC on the 14th is already the 15th in Moscow, still the 14th in New York.
    expect(instantToDay("2024-01-14T21:00:00Z", "Europe/Moscow")).toBe("2024-01-15");
    expect(instantToDay("2024-01-14T21:00:00Z", "America/New_York")).toBe("2024-01-14");
    expect(instantToDay("2024-01-15T23:59:59+03:00", "Europe/Moscow")).toBe("2024-01-15");
  });

  it("round-trips a day through start and end instants", () => {
    for (const zone of ["UTC", "Europe/Moscow", "Asia/Jerusalem", "Pacific/Auckland", "America/Los_Angeles"]) {
      expect(instantToDay(dayStartInstant("2024-03-31", zone), zone)).toBe("2024-03-31");
      expect(instantToDay(dayEndInstant("2024-03-31", zone), zone)).toBe("2024-03-31");
    }
  });

  it("has no day for an empty or broken value", () => {
    expect(instantToDay(null, "UTC")).toBeNull();
    expect(instantToDay("not a date", "UTC")).toBeNull();
    expect(() => dayStartInstant("15.01.2024", "UTC")).toThrow();
  });

  it("shows a time in the operator's zone, naming the zone", () => {
    expect(formatZonedDateTime("2024-01-15T11:30:00Z", "Europe/Moscow")).toBe("2024-01-15 14:30 Europe/Moscow");
    expect(formatZonedDateTime("2024-01-15T11:30:00Z", "UTC")).toBe("2024-01-15 11:30 UTC");
    expect(formatZonedDateTime(null, "UTC")).toBe("—");
  });

  it("reads a typed day in ISO or European order, and nothing else", () => {
    expect(parseDay("2024-01-15")).toBe("2024-01-15");
    expect(parseDay(" 2024-1-5 ")).toBe("2024-01-05");
    expect(parseDay("15.01.2024")).toBe("2024-01-15");
    expect(parseDay("5/1/2024")).toBe("2024-01-05");
    expect(parseDay("2024-02-29")).toBe("2024-02-29");
    expect(parseDay("2023-02-29")).toBeNull();
    expect(parseDay("31.04.2024")).toBeNull();
    expect(parseDay("2024-13-01")).toBeNull();
    expect(parseDay("January 5, 2024")).toBeNull();
    expect(parseDay("1969-12-31")).toBeNull();
    expect(parseDay("")).toBeNull();
  });
});
