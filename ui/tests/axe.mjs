// axe-core on a page in Chromium, shared by the app's browser tests (ui/tests) and the published
// website's tests (tests/site): the rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA, and each
// violation written so that it says what to fix: the rule, its impact, where, and why.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
/** The file of axe-core the page is given. */
export const AXE_PATH = require.resolve("axe-core/axe.min.js");
/** The rule sets run: WCAG 2.2 AA and everything under it. */
export const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Runs axe-core on the page as it stands and returns its violations, one line each:
 * "rule (impact): help — selector: what is wrong; selector: …" (every node, the first lines of
 * axe's own explanation, such as the colours and ratio of a contrast failure).
 * @param {import("playwright-core").Page} page
 * @returns {Promise<{ violations: string[]; passes: number }>}
 */
export async function axeRun(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(
    // eslint-disable-next-line no-undef
    (values) => axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"] }),
    WCAG_AA,
  );
  const violations = result.violations.map((v) => {
    const nodes = v.nodes.map((n) => {
      const why = (n.failureSummary ?? "")
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !/^Fix (any|all) of the following:$/.test(l))
        .slice(0, 2)
        .join(" ");
      return `${n.target.join(" ")}: ${why}`;
    });
    return `${v.id} (${v.impact}): ${v.help} — ${nodes.join("; ")}`;
  });
  return { violations, passes: result.passes.length };
}
