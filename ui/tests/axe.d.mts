import type { Page } from "playwright-core";
export const AXE_PATH: string;
export const WCAG_AA: string[];
export function axeRun(page: Page): Promise<{ violations: string[]; passes: number }>;
