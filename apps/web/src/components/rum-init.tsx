"use client";
// Starts Coralogix RUM once per page load, after hydration (the SDK is loaded as its own chunk so
// it never delays the first paint). Every storefront API call then carries `traceparent`, so the
// server's spans join the browser's trace; session replay records with inputs masked and the card
// fields blocked outright.
import { useEffect } from "react";
import type { PublicRumConfig } from "../lib/rum-config.ts";
import { attachRum } from "../lib/rum.ts";

declare global {
  interface Window {
    /** Labels a bot (or a demo script) sets before the page loads: synthetic, persona, journey. */
    __SHOP_RUM_LABELS__?: Record<string, string>;
  }
}

const UTM_PARAMS = ["utm_source", "utm_medium", "utm_campaign"];

function pageLabels(): Record<string, string> {
  const labels: Record<string, string> = {};
  const params = new URLSearchParams(window.location.search);
  for (const key of UTM_PARAMS) {
    const value = params.get(key);
    if (value) labels[key.replace("utm_", "campaign_")] = value.slice(0, 60);
  }
  return { synthetic: "false", ...labels, ...window.__SHOP_RUM_LABELS__ };
}

export function RumInit({ config }: { config: PublicRumConfig }) {
  useEffect(() => {
    let cancelled = false;
    void import("@coralogix/browser").then(({ CoralogixRum }) => {
      if (cancelled || CoralogixRum.isInited) return;
      CoralogixRum.init({
        application: config.application,
        version: config.version,
        environment: config.environment,
        coralogixDomain: config.coralogixDomain as "EU1",
        proxyUrl: new URL(config.proxyUrl, window.location.origin).toString(),
        labels: pageLabels(),
        // One session across full page loads (a confirmation page is a full load), not one per page.
        sessionConfig: { sessionSampleRate: 100, keepSessionAfterReload: true },
        // Same-origin requests only (the SDK's default): API calls and page navigations alike.
        traceParentInHeader: { enabled: true },
        sessionRecordingConfig: {
          enable: true,
          autoStartSessionRecording: true,
          recordConsoleEvents: true,
          sessionRecordingSampleRate: 100,
          maskAllInputs: true,
          blockClass: "rr-block",
          ...(config.workerUrl ? { workerUrl: config.workerUrl } : {}),
        },
      });
      attachRum(CoralogixRum);
      // Lets the browser tests and the bots wait until API calls carry `traceparent`.
      document.documentElement.dataset.rum = "ready";
      document.documentElement.dataset.rumSession = CoralogixRum.getSessionId() ?? "";
    });
    return () => {
      cancelled = true;
    };
  }, [config]);
  return null;
}
