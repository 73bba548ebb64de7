import { moveItem, reorderPage } from "./reorder";

const page = [
  { id: 11, sort_order: 40, name: "a" },
  { id: 12, sort_order: 41, name: "b" },
  { id: 13, sort_order: 45, name: "c" },
  { id: 14, sort_order: 50, name: "d" },
];

describe("reorderPage", () => {
  it("moves a row down and gives every row of the page its new slot", () => {
    const result = reorderPage(page, 11, 13);
    expect(result?.rows.map((r) => r.name)).toEqual(["b", "c", "a", "d"]);
    expect(result?.order).toEqual([
      { id: 12, sort_order: 40 },
      { id: 13, sort_order: 41 },
      { id: 11, sort_order: 45 },
      { id: 14, sort_order: 50 },
    ]);
  });

  it("moves a row up", () => {
    expect(reorderPage(page, 14, 11)?.order.map((o) => o.id)).toEqual([14, 11, 12, 13]);
  });

  it("spreads colliding slots so the order actually changes", () => {
    const fresh = [
      { id: 1, sort_order: 0 },
      { id: 2, sort_order: 0 },
      { id: 3, sort_order: 0 },
    ];
    expect(reorderPage(fresh, 3, 1)?.order).toEqual([
      { id: 3, sort_order: 0 },
      { id: 1, sort_order: 1 },
      { id: 2, sort_order: 2 },
    ]);
  });

  it("does nothing for a drop in place or unknown ids", () => {
    expect(reorderPage(page, 12, 12)).toBeNull();
    expect(reorderPage(page, 99, 12)).toBeNull();
  });

  it("moveItem keeps the other items' order", () => {
    expect(moveItem(["a", "b", "c", "d"], 0, 2)).toEqual(["b", "c", "a", "d"]);
  });
});
