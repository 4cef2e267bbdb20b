// Labels on every RUM event of a browser context (the storefront's RUM init reads them before the
// SDK starts): synthetic traffic, persona, journey. Marks bots' sessions so they can be filtered.
import type { BrowserContext } from "playwright-core";

export async function labelRumSessions(context: BrowserContext, labels: Record<string, string>) {
  await context.addInitScript((values: Record<string, string>) => {
    (window as { __SHOP_RUM_LABELS__?: Record<string, string> }).__SHOP_RUM_LABELS__ = values;
  }, labels);
}
