// A small W3C WebDriver client for the real app: tauri-driver starts Cofnod and hands the
// session to WebKitWebDriver. Only what the end-to-end tests need, on Node's own fetch.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const APP = process.env.COFNOD_APP ?? join(process.cwd(), "target/debug/cofnod-app");
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
export const Keys = {
  ALT: "\uE00A", CONTROL: "\uE009", SHIFT: "\uE008", NULL: "\uE000", ENTER: "\uE007", ESCAPE: "\uE00C", SPACE: "\uE00D",
  UP: "\uE013", DOWN: "\uE015", LEFT: "\uE012", RIGHT: "\uE014", HOME: "\uE011", END: "\uE010",
  TAB: "\uE004", DELETE: "\uE017", BACKSPACE: "\uE003",
};

/** A fresh data directory: the app puts its database under it (XDG_DATA_HOME). */
export function freshDataHome() {
  return mkdtempSync(join(tmpdir(), "cofnod-e2e-"));
}

/**
 * Starts tauri-driver on a free port with the environment the app should see. With no
 * database the app would open on the first start's choice; the tests get the demo council
 * as before (COFNOD_DEMO=1) unless they pass COFNOD_DEMO themselves ("" to see the choice).
 */
export async function startDriver(env = {}) {
  env = { COFNOD_DEMO: "1", ...env };
  const port = 4444 + Math.floor(Math.random() * 1000);
  const nativePort = port + 1000;
  const child = spawn("tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
    env: { ...process.env, WEBKIT_DISABLE_COMPOSITING_MODE: "1", ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${base}/status`);
      if (r.ok) return { base, stop: () => child.kill("SIGTERM") };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill("SIGKILL");
  throw new Error("tauri-driver did not start");
}

async function wd(base, method, path, body) {
  if (process.env.COFNOD_E2E_TRACE) console.error(method, path, JSON.stringify(body ?? "").slice(0, 120));
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(`WebDriver ${method} ${path}: ${r.status} ${JSON.stringify(json.value ?? json)}`);
  return json.value;
}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  /** Launches the app (no browserName: tauri-driver picks WebKitWebDriver) and waits for
   *  `ready` to show; the benchmark launches other binaries the same way. */
  static async start(base, { application = APP, ready = "[data-testid='nav-meetings']", timeout = 15000 } = {}) {
    const value = await wd(base, "POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": { application } } },
    });
    const s = new Session(base, value.sessionId);
    await s.waitFor(ready, { timeout });
    return s;
  }

  cmd(method, path, body) {
    return wd(this.base, method, `/session/${this.id}${path}`, body);
  }

  async quit() {
    await this.cmd("DELETE", "").catch(() => undefined);
  }

  async find(css) {
    const v = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return v[ELEMENT];
  }

  /** The first element matching `css` inside element `el`. */
  async findIn(el, css) {
    const v = await this.cmd("POST", `/element/${el}/element`, { using: "css selector", value: css });
    return v[ELEMENT];
  }

  async findAll(css) {
    const v = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return v.map((e) => e[ELEMENT]);
  }

  /** Waits until `css` matches (and, if given, `pred(element)` holds). */
  async waitFor(css, { timeout = 15000, text } = {}) {
    const until = Date.now() + timeout;
    let last = "";
    while (Date.now() < until) {
      try {
        const els = await this.findAll(css);
        for (const el of els) {
          if (text === undefined) return el;
          last = await this.text(el);
          if (last.includes(text)) return el;
        }
      } catch {
        // the page is still loading
      }
      await sleep(150);
    }
    throw new Error(`timed out waiting for ${css}${text ? ` with text "${text}" (last: "${last}")` : ""}`);
  }

  /** Waits until no element `css` matches contains `text`. */
  async waitGone(css, { timeout = 15000, text } = {}) {
    const until = Date.now() + timeout;
    while (Date.now() < until) {
      try {
        const texts = await Promise.all((await this.findAll(css)).map((el) => this.text(el)));
        if (!texts.some((t) => t.includes(text))) return;
      } catch {
        // the page is re-rendering
      }
      await sleep(150);
    }
    throw new Error(`timed out waiting for "${text}" to leave ${css}`);
  }

  /** Clicks the first element `css` matches, once it is there. */
  async click(css, opts) {
    // The page may re-render between finding and clicking: find it again and retry.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.clickEl(await this.waitFor(css, opts));
      } catch (e) {
        if (attempt >= 5 || !String(e).includes("stale element")) throw e;
        await sleep(200);
      }
    }
  }

  async clickEl(el) {
    await this.cmd("POST", `/element/${el}/click`, {});
  }

  /** Clicks the field `css` and types into it, replacing what was there. */
  async fill(css, text) {
    const el = await this.waitFor(css);
    await this.clear(el);
    // WebDriver's clear fires no input event; tell the page the field is now empty.
    await this.exec("arguments[0].dispatchEvent(new Event('input', { bubbles: true }))", [this.el(el)]);
    if (text) await this.type(el, text);
    return el;
  }

  /** Sets a field the way a picker would (date and time inputs), firing the input event. */
  async setValue(css, value) {
    const el = await this.waitFor(css);
    await this.exec(
      `const e = arguments[0]; e.value = arguments[1];
       e.dispatchEvent(new Event("input", { bubbles: true }));
       e.dispatchEvent(new Event("change", { bubbles: true }));`,
      [this.el(el), value],
    );
  }

  async type(el, text) {
    await this.cmd("POST", `/element/${el}/value`, { text });
  }

  async clear(el) {
    await this.cmd("POST", `/element/${el}/clear`, {});
  }

  async text(el) {
    return this.cmd("GET", `/element/${el}/text`);
  }

  async value(el) {
    return this.exec("return arguments[0].value", [{ [ELEMENT]: el }]);
  }

  /** Runs script in the page; elements passed as arguments with `el(id)`. */
  async exec(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  el(id) {
    return { [ELEMENT]: id };
  }

  /** Chooses an option of a <select> by the start of its visible text, as a clerk would. */
  /** Chooses the option of select `css` whose text starts with `label`, once it is there. */
  async select(css, label, { timeout = 10000 } = {}) {
    const until = Date.now() + timeout;
    for (;;) {
      try {
        return await this.selectEl(await this.waitFor(css), label);
      } catch (e) {
        // The options may still be loading, or the select re-rendering.
        if (Date.now() > until) throw e;
        await sleep(200);
      }
    }
  }

  async selectEl(el, label) {
    const ok = await this.exec(
      `const s = arguments[0];
       const o = [...s.options].find((o) => o.textContent.trim().startsWith(arguments[1]));
       if (!o) return false;
       s.value = o.value;
       s.dispatchEvent(new Event("change", { bubbles: true }));
       return true;`,
      [this.el(el), label],
    );
    if (!ok) throw new Error(`no option starting "${label}"`);
  }

  /** Presses keys on the focused element (modifiers stay down until NULL). */
  async keys(text) {
    const active = await this.cmd("GET", "/element/active");
    await this.type(active[ELEMENT], text);
  }

  /**
   * Presses keys as the keyboard does, with WebDriver's key actions only (no element is clicked
   * or focused by script; the keys go wherever the focus is): each argument is one key
   * (`Keys.TAB`, "p") or a chord held together ([Keys.ALT, "m"], [Keys.SHIFT, Keys.TAB]).
   */
  async press(...keys) {
    const actions = [];
    for (const k of keys) {
      const chord = Array.isArray(k) ? k : [k];
      for (const c of chord) actions.push({ type: "keyDown", value: c });
      for (const c of [...chord].reverse()) actions.push({ type: "keyUp", value: c });
    }
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
  }

  /** Types `text` key by key with key actions, into whatever has the focus. */
  async typeKeys(text) {
    await this.press(...[...text]);
  }

  /**
   * Presses Tab (Shift+Tab when `back`) until the focused element satisfies `test`, a script
   * expression on `el` (the focused element), as a keyboard user tabs to a control; fails
   * after `max` presses naming where the focus went.
   */
  async tabTo(test, { back = false, max = 80 } = {}) {
    const check = `const el = document.activeElement; return !!(el && (${test}));`;
    const seen = [];
    for (let i = 0; i <= max; i++) {
      if (await this.exec(check)) return;
      await this.press(back ? [Keys.SHIFT, Keys.TAB] : Keys.TAB);
      if (seen.length < 200) seen.push(await this.exec("const e = document.activeElement; return e ? (e.dataset?.testid || e.tagName) : ''"));
    }
    throw new Error(`Tab never reached ${test}; focus went: ${seen.join(" › ")}`);
  }

  /** The window's title as WebDriver reads it. */
  async title() {
    return this.cmd("GET", "/title");
  }

  async pageText() {
    return this.exec("return document.body.innerText");
  }

  /** A picture of the screen (the Xvfb display) as the clerk sees it. WebKitWebDriver's own
   *  screenshot command can stall on long pages, so the display is captured instead. */
  /** A picture of the screen: of the page's top unless `top` is false (the page as scrolled). */
  async screenshot(file, { top = true } = {}) {
    mkdirSync(join(file, ".."), { recursive: true });
    if (top) await this.exec("window.scrollTo(0, 0)");
    await sleep(300);
    execFileSync("import", ["-window", "root", file]);
  }
}

/** The process id of the running app, for the crash test. */
export function appPids() {
  try {
    return execFileSync("pgrep", ["-f", APP]).toString().trim().split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
