// Debian's Chromium driven by Playwright: chromium-headless-shell when installed (a renderer
// process per browser context and nothing else; the full browser adds a window's interface to
// each context, see @shop/local-stack/chromium), else chromium. Contexts never share a renderer
// (Chromium binds a renderer process to one profile), so a shopper session costs one renderer.
// The flags keep a headless browser quiet on a closed network: without the network ones it keeps
// trying to reach Google's update and sync services.
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

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const env = e2eEnv();
  return chromium.launch({
    executablePath: env.CHROMIUM_PATH,
    headless: env.HEADLESS === "true",
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}
