// Nothing hides the focused control (WCAG 2.4.11): for a bar that sticks to the top of the
// window while the page scrolls under it. A control that takes the focus under the bar (by Tab,
// by a shortcut, or moved by script) is scrolled clear of it. On a short window the bar does
// not stick at all (see its CSS).
//
// Not `scroll-padding-top` on the page, which would do the same in Chromium: WebKitGTK's
// automation then scrolls a control it is asked to click to the top of the page instead of
// into view, and the real-window tests (tests/e2e) could no longer click below the fold.
export function unobscured(bar: HTMLElement) {
  const GAP = 8;
  const sticking = () => getComputedStyle(bar).position === "sticky";

  const focused = (e: FocusEvent) => {
    const el = e.target as HTMLElement | null;
    if (!el || bar.contains(el) || !sticking()) return;
    // Only what scrolls under the bar: what follows it in its own container. The tabs and
    // headings above it are never under it, and moving the page as one of them takes the
    // focus (a mouse button pressed on a tab) would pull the tab away from the pointer.
    const scope = bar.parentElement;
    if (!scope?.contains(el) || !(bar.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) return;
    const under = bar.getBoundingClientRect().bottom;
    const r = el.getBoundingClientRect();
    if (r.top < under && r.bottom > 0) window.scrollBy({ top: r.top - under - GAP });
  };
  document.addEventListener("focusin", focused);

  return {
    destroy() {
      document.removeEventListener("focusin", focused);
    },
  };
}
