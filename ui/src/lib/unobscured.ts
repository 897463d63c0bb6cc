// Nothing hides the focused control (WCAG 2.4.11): for a bar that sticks to the top of the
// window while the page scrolls under it. The page keeps a scroll padding the bar's height,
// so the browser scrolls a focused control into view below the bar, and a control that still
// ends up under it (focus moved by script, a browser that ignores scroll padding) is scrolled
// clear. On a short window the bar does not stick at all (see its CSS).
export function unobscured(bar: HTMLElement) {
  const root = document.documentElement;
  const GAP = 8;
  const sticking = () => getComputedStyle(bar).position === "sticky";
  const pad = () => {
    root.style.scrollPaddingTop = sticking() ? `${bar.offsetHeight + GAP}px` : "";
  };
  const resized = new ResizeObserver(pad);
  resized.observe(bar);
  window.addEventListener("resize", pad);
  pad();

  const focused = (e: FocusEvent) => {
    const el = e.target as HTMLElement | null;
    if (!el || bar.contains(el) || !sticking()) return;
    const under = bar.getBoundingClientRect().bottom;
    const r = el.getBoundingClientRect();
    if (r.top < under && r.bottom > 0) window.scrollBy({ top: r.top - under - GAP });
  };
  document.addEventListener("focusin", focused);

  return {
    destroy() {
      resized.disconnect();
      window.removeEventListener("resize", pad);
      document.removeEventListener("focusin", focused);
      root.style.scrollPaddingTop = "";
    },
  };
}
