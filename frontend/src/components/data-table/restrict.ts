import type { Modifier } from "@dnd-kit/core";

/** Rows only move up and down (the same as @dnd-kit/modifiers' restrictToVerticalAxis). */
export const restrictToVerticalAxis: Modifier = ({ transform }) => ({ ...transform, x: 0 });
