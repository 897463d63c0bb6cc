// A form that opens in place gives focus back to the control that opened it when it closes
// (Cancel, or saved), rather than leaving it on the page's body where a keyboard or screen reader
// user would have to find their place again.

/** Where to find `el` again if it is drawn afresh while the form is open: its id, or its test
 * id and which of the controls with that test id it was. */
function addressOf(el: HTMLElement): () => HTMLElement | null {
  if (el.id) {
    const id = el.id;
    return () => document.getElementById(id);
  }
  const testid = el.dataset.testid;
  if (testid) {
    const selector = `[data-testid="${CSS.escape(testid)}"]`;
    const nth = [...document.querySelectorAll(selector)].indexOf(el);
    return () => document.querySelectorAll<HTMLElement>(selector)[nth] ?? null;
  }
  return () => null;
}

/**
 * `use:returnsFocus` on a form shown in place: when it goes, focus goes back to what had it as the
 * form appeared (the button that opened it), found again if that was drawn afresh meanwhile; unless
 * focus has already moved somewhere else on purpose.
 */
export function returnsFocus(node: HTMLElement) {
  const active = document.activeElement;
  const opener = active instanceof HTMLElement && active !== document.body && !node.contains(active) ? active : null;
  const again = opener ? addressOf(opener) : () => null;
  return {
    destroy() {
      if (!opener) return;
      const was = document.activeElement;
      // Focus was elsewhere on purpose (another control the clerk chose): leave it there.
      if (was && was !== document.body && !node.contains(was) && was.isConnected) return;
      // The screen finishes drawing first (the opener may come back only once the form has gone).
      setTimeout(() => {
        const now = document.activeElement;
        if (now && now !== document.body && now.isConnected && !node.contains(now)) return;
        const back = opener.isConnected ? opener : again();
        back?.focus();
      });
    },
  };
}
