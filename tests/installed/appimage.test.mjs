// The AppImage `make package` made (COFNOD_APPIMAGE, set by `make package-test`), started as a
// user starts it: its runtime mounts or unpacks the image and runs the app inside it, which
// opens on the demo council (an empty data folder; COFNOD_DEMO=1 as in journey.test.mjs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { Session, freshDataHome, startDriver } from "../e2e/webdriver.mjs";

const IMAGE = process.env.COFNOD_APPIMAGE;
const home = freshDataHome();
// Where the runtime mounts or unpacks the image, as it chooses.
const runtimeDir = process.env.XDG_RUNTIME_DIR || tmpdir();
const leftovers = () => readdirSync(runtimeDir).filter((f) => f.startsWith(".mount_Cofnod-"));
const before_ = leftovers();
let driver;
let app;

before(async () => {
  assert.ok(IMAGE?.endsWith(".AppImage"), "COFNOD_APPIMAGE names the AppImage to start");
  driver = await startDriver({ XDG_DATA_HOME: home, COFNOD_DEMO: "1" });
});
after(async () => {
  driver?.stop();
  rmSync(home, { recursive: true, force: true });
});

test("the AppImage starts the app, which opens on the demo council's meetings", async () => {
  app = await Session.start(driver.base, { application: IMAGE, timeout: 60000 });
  await app.waitFor("[data-testid='open-meeting']", { text: "5 January 2015" });
  const page = await app.pageText();
  assert.match(page, /Glantawe County Borough Council/);
  await app.quit();
  // The runtime unmounts or removes what it unpacked once the app has ended; WebKit's helper
  // processes can hold the mount for a while after the app itself, and the runtime waits for them
  // (up to 15 s, then detaches it lazily).
  const until = Date.now() + 30000;
  while (Date.now() < until && leftovers().length > before_.length) await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(leftovers().filter((f) => !before_.includes(f)), [], "nothing of the image is left in the temporary folder");
});
