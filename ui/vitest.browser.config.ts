import { defineConfig } from "vitest/config";

// The built UI in Debian's Chromium with the IPC mocked (tests/browser.test.ts).
export default defineConfig({
  test: { include: ["tests/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000, fileParallelism: false },
});
