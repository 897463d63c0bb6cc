// The window's text size in the real app: Ctrl+= makes everything larger (the page reflows to
// the narrower CSS width, as a browser's zoom does), once per press, and the size chosen is
// there again after a restart; Ctrl+0 brings back the normal size.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Keys, Session, freshDataHome, startDriver } from "./webdriver.mjs";

const shots = join(process.cwd(), "docs/screenshots");
const running = [];
const home = freshDataHome();
after(async () => {
  for (const { app, driver } of running) {
    await app?.quit();
    driver?.stop();
  }
  rmSync(home, { recursive: true, force: true });
});

// The database and the preferences both under the test's own directory, never the user's.
const env = { XDG_DATA_HOME: home, XDG_CONFIG_HOME: join(home, "config") };
const preferences = join(home, "config", "cymru.cofnod", "preferences.json");

async function launch() {
  const driver = await startDriver(env);
  const run = { driver, app: await Session.start(driver.base) };
  running.push(run);
  return run;
}

async function stop(run) {
  await run.app.quit();
  run.driver.stop();
  running.splice(running.indexOf(run), 1);
  await sleep(500);
}

/** The page's CSS width: the window's width divided by the zoom. */
const cssWidth = (app) => app.exec("return window.innerWidth");

/** Presses Ctrl with `key` on whatever has the focus. */
const ctrl = (app, key) => app.keys(Keys.CONTROL + key + Keys.NULL);

/** Waits until the CSS width is about `expected` (within 2 px). */
async function widthBecomes(app, expected) {
  const until = Date.now() + 5000;
  let now = 0;
  while (Date.now() < until) {
    now = await cssWidth(app);
    if (Math.abs(now - expected) <= 2) return now;
    await sleep(100);
  }
  assert.fail(`the page is ${now} CSS px wide, not about ${expected}`);
}

test("Ctrl+= enlarges the text one step a press, and the size is kept after a restart", async () => {
  const first = await launch();
  const normal = await cssWidth(first.app);
  assert.ok(normal >= 1000, `a normal-size window is wide: ${normal}`);
  await ctrl(first.app, "=");
  await widthBecomes(first.app, normal / 1.1);
  await ctrl(first.app, "=");
  // 125%: two steps, not four (the keys act once, not once by Cofnod and again by the webview).
  await widthBecomes(first.app, normal / 1.25);
  await first.app.waitFor("[data-testid='text-size-status']", { text: "125%" }).catch(() => undefined);
  assert.ok(existsSync(preferences), "the size is written to the preferences file");
  assert.equal(JSON.parse(readFileSync(preferences, "utf8")).text_size, 125);
  await stop(first);

  const second = await launch();
  await widthBecomes(second.app, normal / 1.25);
  // On to 200%, the size WCAG asks text to reach: a picture of it for the README.
  for (let i = 0; i < 3; i++) await ctrl(second.app, "=");
  await widthBecomes(second.app, normal / 2);
  await second.app.screenshot(join(shots, "text-size-200.png"));
  // The agenda and the minutes of 5 January 2015 at 200%: they reflow into the narrower page
  // (nothing to scroll sideways) and stay usable; pictures for the README's accessibility section.
  const sideways = () =>
    second.app.exec("const e = document.scrollingElement; return e.scrollWidth - e.clientWidth");
  // Opened by Enter on the meeting, as from the keyboard (at 200% the list is long).
  const meeting = await second.app.waitFor("[data-testid='open-meeting']", { text: "5 January 2015" });
  await second.app.exec("arguments[0].focus()", [second.app.el(meeting)]);
  await second.app.press(Keys.ENTER);
  await second.app.waitFor("[data-testid='meeting-title']");
  await second.app.waitFor("[data-testid='agenda-item-title']");
  assert.equal(await sideways(), 0, "the agenda at 200% does not scroll sideways");
  // The picture shows the agenda itself: the page scrolled down to the tabs (the sidebar, a bar
  // across the top at this size, scrolls away with the page).
  const scrollTo = (css) => second.app.exec("document.querySelector(arguments[0]).scrollIntoView()", [css]);
  await scrollTo("[role='tablist']");
  await second.app.screenshot(join(shots, "agenda-200.png"), { top: false });
  await second.app.press([Keys.ALT, "m"]);
  await second.app.waitFor("[data-testid='limb-text']");
  assert.equal(await sideways(), 0, "the minutes at 200% do not scroll sideways");
  await scrollTo("[data-testid='minutes-toolbar']");
  await second.app.screenshot(join(shots, "minutes-200.png"), { top: false });
  // Ctrl+0: the normal size, remembered too.
  await ctrl(second.app, "0");
  await widthBecomes(second.app, normal);
  assert.equal(JSON.parse(readFileSync(preferences, "utf8")).text_size, 100);
  await stop(second);
});
