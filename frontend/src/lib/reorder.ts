export interface Orderable {
  id: number;
  sort_order: number;
}

/** Move the item at `from` to `to` (same as dnd-kit's arrayMove, kept here so it is tested). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const result = items.slice();
  const [moved] = result.splice(from, 1);
  if (moved === undefined) return result;
  result.splice(to, 0, moved);
  return result;
}

/**
 * After a drag within one page: the rows keep the page's own sort_order "slots" (so rows on
 * other pages keep their places) and get them in their new visual order. Slots that collide
 * (e.g. every channel still at 0 after the first sync) are spread to strictly increasing values.
 * Returns the full page's new order, as POST /channels/reorder and /groups/reorder take it.
 */
export function reorderPage<T extends Orderable>(
  rows: readonly T[],
  activeId: number,
  overId: number,
): { rows: T[]; order: { id: number; sort_order: number }[] } | null {
  const from = rows.findIndex((r) => r.id === activeId);
  const to = rows.findIndex((r) => r.id === overId);
  if (from < 0 || to < 0 || from === to) return null;
  const slots = rows.map((r) => r.sort_order).sort((a, b) => a - b);
  for (let i = 1; i < slots.length; i++) {
    const previous = slots[i - 1] ?? 0;
    if ((slots[i] ?? 0) <= previous) slots[i] = previous + 1;
  }
  const moved = moveItem(rows, from, to);
  const next = moved.map((row, i) => ({ ...row, sort_order: slots[i] ?? i }));
  return { rows: next, order: next.map((r) => ({ id: r.id, sort_order: r.sort_order })) };
}
