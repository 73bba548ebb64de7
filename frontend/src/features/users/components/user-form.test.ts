import { onlyFound, toFormValues, toRequestBody } from "./user-form";
import type { User } from "../api/users";

const user: User = {
  id: 7,
  first_name: "Иван",
  last_name: "Иванов",
  agreement_number: "AG-001",
  status: "enabled",
  max_sessions: 2,
  token: "tok",
  valid_from: "2024-01-14T21:00:00Z",
  valid_until: "2024-12-31T20:59:59Z",
  tariffs: [{ id: 1, name: "Стандарт" }],
  packages: [],
  channels: [{ id: 5, name: "כאן 11" }],
  auth_sync: { status: "synced", auth_token_id: 1, error: null, error_at: null, attempts: 0, next_attempt_at: null, synced_at: null },
  created_at: "2024-01-01T00:00:00Z",
  updated_at: "2024-01-01T00:00:00Z",
};

describe("user form ↔ API", () => {
  it("shows stored bounds as operator-time-zone days", () => {
    const values = toFormValues(user, "Europe/Moscow");
    expect(values.valid_from).toBe("2024-01-15");
    expect(values.valid_until).toBe("2024-12-31");
    expect(values.tariff_ids).toEqual(["1"]);
  });

  it("sends only what changed, with whole-day bounds", () => {
    const initial = toFormValues(user, "Europe/Moscow");
    const edited = { ...initial, valid_until: "2025-06-30", package_ids: ["3"], tariff_ids: ["1"] };
    expect(toRequestBody(edited, initial, "Europe/Moscow")).toEqual({
      valid_until: "2025-06-30T23:59:59+03:00",
      package_ids: [3],
    });
  });

  it("clears a bound with null and sends everything for a new user", () => {
    const initial = toFormValues(user, "UTC");
    expect(toRequestBody({ ...initial, valid_from: null }, initial, "UTC")).toEqual({ valid_from: null });
    const fresh = { ...toFormValues(null, "UTC"), first_name: " Анна ", last_name: "Коэн", agreement_number: "AG-2", valid_from: "2025-01-01" };
    expect(toRequestBody(fresh, null, "UTC")).toMatchObject({
      first_name: "Анна",
      max_sessions: 1,
      status: "enabled",
      valid_from: "2025-01-01T00:00:00Z",
      valid_until: null,
      tariff_ids: [],
    });
  });
});

describe("channel search", () => {
  it("lists only the server's matches, not the channels already picked", () => {
    const options = [
      { value: "5", label: "כאן 11" }, // picked earlier, not a match for "BBC"
      { value: "9", label: "BBC One" },
      { value: "10", label: "BBC World" },
    ];
    const filter = onlyFound([{ id: 9 }, { id: 10 }]);
    expect(filter({ options, search: "BBC", limit: 50 })).toEqual([options[1], options[2]]);
    expect(onlyFound([])({ options, search: "zzz", limit: 50 })).toEqual([]);
  });
});
