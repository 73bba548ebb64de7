/**
 * Toasts sit top-right (spec §8.10), where pages keep their main buttons (Sync, Add, Download
 * Playlist), which an admin often clicks again right after the toast of the last click. Elements
 * given `ref={keepClearOfToasts}` push the toasts' top edge below themselves: the lowest bottom edge
 * among them (in page coordinates, so scrolling does not move it) becomes `--toasts-top`, which
 * app/provider.module.css reads. With none on the page the stylesheet's default applies.
 */
const TOP_VAR = "--toasts-top";
const GAP_PX = 8;

const kept = new Set<HTMLElement>();
let observer: ResizeObserver | null = null;

function place(): void {
  let bottom = 0;
  for (const element of kept) bottom = Math.max(bottom, element.getBoundingClientRect().bottom + window.scrollY);
  const style = document.documentElement.style;
  if (bottom > 0) style.setProperty(TOP_VAR, `${Math.ceil(bottom + GAP_PX)}px`);
  else style.removeProperty(TOP_VAR);
}

/** A ref callback (React 19 runs the returned clean-up when the element goes). */
export function keepClearOfToasts(element: HTMLElement | null): (() => void) | undefined {
  if (element === null) return undefined;
  if (kept.size === 0) window.addEventListener("resize", place);
  kept.add(element);
  // A title that wraps onto two lines, or a sidebar that folds, moves the buttons.
  observer ??= new ResizeObserver(place);
  observer.observe(element);
  place();
  return () => {
    kept.delete(element);
    observer?.unobserve(element);
    if (kept.size === 0) window.removeEventListener("resize", place);
    place();
  };
}
