// Which Chromium drives the bot fleet and the browser tests. Debian builds two programs from the
// same Chromium: `chromium`, the full browser, and `chromium-headless-shell`, the same engine
// without the browser's own interface (what Playwright itself runs for headless pages). The full
// browser, even headless, opens a window for every browser context and renders that window's
// omnibox popup (chrome://omnibox-popup.top-chrome) in a renderer process of its own: about 55 MB
// per shopper session spent on an interface no one sees. The shell runs one renderer per context.
// Measured with 5 bot sessions shopping flat out: 97-112 MB per session with `chromium`, 66-71 MB
// with the shell (idle browser 245 MB and 141 MB). A visible window needs the full browser.
import { existsSync } from "node:fs";

// The program itself: /usr/bin/chromium-headless-shell is a shell script that runs it as a child
// without exec, so Playwright would hold the script's pid, and a killed script (the bots' crash
// test, an OOM kill) would leave the browser running with nobody noticing.
export const HEADLESS_SHELL_PATH = "/usr/lib/chromium/chromium-headless-shell";
export const FULL_CHROMIUM_PATH = "/usr/bin/chromium";

/** The headless shell when it is installed and the browser runs headless, else Debian's chromium. */
export function defaultChromiumPath(
  options: { headless?: boolean; exists?: (path: string) => boolean } = {},
): string {
  const { headless = true, exists = existsSync } = options;
  return headless && exists(HEADLESS_SHELL_PATH) ? HEADLESS_SHELL_PATH : FULL_CHROMIUM_PATH;
}
