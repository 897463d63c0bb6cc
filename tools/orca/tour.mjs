// A short tour of the real app by keys while Orca listens: the Meetings list, a change of screen,
// a meeting's agenda and tabs. Not a test and not in the Makefile: run.sh starts Orca, and its
// debug log holds what it said ("SPEECH OUTPUT" lines). See docs/orca.md.
import { setTimeout as sleep } from "node:timers/promises";
import { Keys, Session, freshDataHome, startDriver } from "../../tests/e2e/webdriver.mjs";

const mark = (s) => console.log(`@@ ${new Date().toISOString()} ${s}`);
const driver = await startDriver({ XDG_DATA_HOME: freshDataHome() });
const app = await Session.start(driver.base);
try {
  await sleep(4000);
  mark("Alt+1: Meetings");
  await app.press([Keys.ALT, "1"]);
  await sleep(3000);
  mark("Tab down the Meetings screen");
  for (let i = 0; i < 6; i++) {
    await app.press(Keys.TAB);
    await sleep(1200);
  }
  mark("Alt+2: Register");
  await app.press([Keys.ALT, "2"]);
  await sleep(3000);
  mark("Alt+1, Tab to the meeting of 5 January 2015, Enter");
  await app.press([Keys.ALT, "1"]);
  await sleep(2000);
  await app.tabTo("el.dataset.testid === 'open-meeting' && el.textContent.includes('5 January 2015')");
  await sleep(1500);
  await app.press(Keys.ENTER);
  await sleep(4000);
  mark("Tab through the tabs and the agenda");
  for (let i = 0; i < 16; i++) {
    await app.press(Keys.TAB);
    await sleep(1200);
  }
  mark("Alt+M: the Minutes tab");
  await app.press([Keys.ALT, "m"]);
  await sleep(3000);
  mark("end");
} finally {
  await app.quit();
  driver.stop();
}
