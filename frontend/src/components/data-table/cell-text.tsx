import { Text, type TextProps } from "@mantine/core";
import type { ComponentPropsWithoutRef } from "react";
import classes from "./cell-text.module.css";

/** Names never need more than this to be read; beyond it a column only pushes the others away. */
export const NAME_MAX_WIDTH = "32rem";

/** The same wrapping for free text outside tables (dialog messages, titles). */
export const WRAP_ANYWHERE = { overflowWrap: "anywhere" } as const;

type CellTextProps = TextProps & Omit<ComponentPropsWithoutRef<"p">, keyof TextProps | "color">;

/**
 * A name (or other free text) in a table cell. `dir="auto"` isolates right-to-left text and
 * `ta="left"` keeps it at the column's edge; it wraps anywhere and stops at NAME_MAX_WIDTH, so the
 * columns after it (status, actions) stay on screen however long the name is.
 */
export function CellText({ className, ...props }: CellTextProps) {
  const merged = className ? `${classes.text} ${className}` : classes.text;
  return <Text size="sm" dir="auto" ta="left" maw={NAME_MAX_WIDTH} className={merged} {...props} />;
}
