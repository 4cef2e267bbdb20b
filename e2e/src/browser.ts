// Debian's Chromium driven by Playwright. The flags keep a headless browser quiet on a closed
// network: without the network ones it keeps trying to reach Google's update and sync services.
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { e2eEnv } from "./env.ts";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * For a fleet of many contexts in one browser: pages of different contexts may share a renderer
 * process (each context keeps its own cookies and storage), which is most of a session's memory.
 */
export const FLEET_ARGS = ["--renderer-process-limit=3", "--disable-site-isolation-trials"];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const env = e2eEnv();
  return chromium.launch({
    executablePath: env.CHROMIUM_PATH,
    headless: env.HEADLESS === "true",
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}
