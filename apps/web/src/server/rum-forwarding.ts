// The RUM proxy's rules, pure: which forward targets are allowed (Coralogix's RUM ingress hosts
// only: the proxy must never become an open relay) and where an allowed request really goes.
export const RUM_INGRESS_HOST =
  /^ingress\.(eu1|eu2|us1|us2|us3|ap1|ap2|ap3|staging)\.rum-ingress-coralogix\.com$/;
const RUM_PATH = /^\/browser\/[a-z0-9]+\/(logs|sessionrecording)$/;

export type ForwardTarget = { ok: true; url: URL } | { ok: false; status: 400 | 403; message: string };

/** Checks the SDK's `cxforward` parameter. */
export function parseForwardTarget(cxforward: string | null): ForwardTarget {
  if (!cxforward) return { ok: false, status: 400, message: "cxforward is required" };
  let url: URL;
  try {
    url = new URL(cxforward);
  } catch {
    return { ok: false, status: 400, message: "cxforward is not a URL" };
  }
  if (url.protocol !== "https:" || url.username || url.password || url.port || url.search || url.hash) {
    return { ok: false, status: 403, message: "cxforward must be a plain https Coralogix RUM ingress URL" };
  }
  if (!RUM_INGRESS_HOST.test(url.hostname)) {
    return {
      ok: false,
      status: 403,
      message: `refusing to forward to ${url.hostname}: not a Coralogix RUM ingress`,
    };
  }
  if (!RUM_PATH.test(url.pathname)) {
    return {
      ok: false,
      status: 403,
      message: `refusing to forward to ${url.pathname}: not a RUM ingress path`,
    };
  }
  return { ok: true, url };
}

export type Destination =
  { kind: "coralogix"; url: string; publicKey: string } | { kind: "sink"; url: string } | { kind: "none" };

/**
 * With a Coralogix key, to Coralogix; without one, to the local telemetry sink (same path, so the
 * sink can tell logs from recordings); with neither, nowhere (the proxy says so).
 */
export function destinationFor(
  target: URL,
  config: { publicKey: string | undefined; sinkUrl: string | undefined },
): Destination {
  if (config.publicKey) return { kind: "coralogix", url: target.toString(), publicKey: config.publicKey };
  if (config.sinkUrl) return { kind: "sink", url: new URL(target.pathname, config.sinkUrl).toString() };
  return { kind: "none" };
}

/** The shopper's address as the first proxy in front of us saw it. */
export function clientIp(headers: Headers): string | undefined {
  const candidates = [headers.get("x-forwarded-for")?.split(",")[0], headers.get("x-real-ip")];
  return candidates.map((value) => value?.trim()).find((value) => value !== undefined && value !== "");
}
