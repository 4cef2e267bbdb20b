// Next.js traces its own requests (the storefront's incoming HTTP is not instrumented again: that
// would add a second SERVER span per request) but records no HTTP metrics. From the span Next ends
// for each routed request, this records the standard http.server.request.duration, so the
// storefront has the same request-rate, error and latency metrics as every service.
import type { Attributes } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace";
import { recordServerRequestDuration } from "./http-server.ts";

const NEXT_REQUEST_SPAN = "BaseServer.handleRequest";

/** The metric attributes of a Next.js request span, or undefined for any other span. */
export function nextRequestAttributes(span: Pick<ReadableSpan, "attributes">): Attributes | undefined {
  const attributes = span.attributes;
  // Next ends two such spans per request; only the inner one knows the route.
  if (attributes["next.span_type"] !== NEXT_REQUEST_SPAN || typeof attributes["http.route"] !== "string")
    return undefined;
  const status = attributes["http.status_code"];
  const method = attributes["http.method"];
  return {
    "http.request.method": typeof method === "string" ? method : "GET",
    "http.route": attributes["http.route"],
    ...(typeof status === "number" ? { "http.response.status_code": status } : {}),
    ...(typeof status === "number" && status >= 500 ? { "error.type": String(status) } : {}),
  };
}

export function recordNextRequest(span: ReadableSpan) {
  const attributes = nextRequestAttributes(span);
  if (!attributes) return;
  recordServerRequestDuration(span.duration[0] + span.duration[1] / 1e9, attributes);
}
