// The SERVER span and request-duration metric of a service's HTTP entry point, following the
// stable HTTP semantic conventions. Why not @opentelemetry/instrumentation-http's server side: it
// re-binds every method of each request's and response's EventEmitter to the context, which
// halved the throughput of a simple tRPC call here (npm run bench: 0.50 of the untraced rate).
// This wrapper extracts the W3C context, runs the listener inside the span's context, and ends
// the span when the response is done: the same span, a fraction of the cost. The query string is
// never recorded (tRPC puts its input there).
// The span carries the convention's required and conditionally required attributes (method,
// path, scheme, route, status, error.type), not the recommended ones that only repeat what the
// caller's CLIENT span, one level up in the same trace, already says about this call (server
// address and port, client address, protocol version, the caller's user agent): every attribute
// is paid for on each request (validated, scrubbed, serialised), and these five told nothing the
// trace did not already hold. The storefront's own spans (Next.js) keep theirs.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import {
  context,
  metrics,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import type { Attributes, Histogram } from "@opentelemetry/api";

/** Probes and scrapes would drown the traces that matter. */
export const QUIET_PATHS = ["/healthz", "/readyz", "/metrics"];

// Semantic-convention buckets for http.server.request.duration, in seconds.
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

const tracer = trace.getTracer("@shop/telemetry/http-server");
let duration: Histogram | undefined;

function durationHistogram(): Histogram {
  duration ??= metrics
    .getMeter("@shop/telemetry/http-server")
    .createHistogram("http.server.request.duration", {
      unit: "s",
      description: "Duration of HTTP server requests",
      advice: { explicitBucketBoundaries: DURATION_BUCKETS },
    });
  return duration;
}

/** Records one request in http.server.request.duration (also for servers traced by others: Next.js). */
export function recordServerRequestDuration(seconds: number, attributes: Attributes) {
  durationHistogram().record(seconds, attributes);
}

function pathOf(url: string | undefined): string {
  if (!url) return "/";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/**
 * Wraps a Node request listener. `route` names the low-cardinality route of a request (for tRPC,
 * the procedure path); the default is the URL path.
 */
export function tracedRequestListener(
  listener: RequestListener,
  options: { route?: (path: string) => string } = {},
): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    const path = pathOf(request.url);
    if (QUIET_PATHS.includes(path)) {
      listener(request, response);
      return;
    }
    const started = performance.now();
    const method = request.method ?? "GET";
    const route = options.route ? options.route(path) : path;
    const metricAttributes: Attributes = {
      "http.request.method": method,
      "http.route": route,
      "url.scheme": "http",
    };
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const span = tracer.startSpan(
      `${method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: { ...metricAttributes, "url.path": path },
      },
      parent,
    );

    // "close" comes after "finish" when the response completed, and alone when the client left.
    response.once("close", () => {
      const status = response.statusCode;
      metricAttributes["http.response.status_code"] = status;
      span.setAttribute("http.response.status_code", status);
      if (!response.writableFinished) {
        // The client went away before the response was complete.
        span.setAttribute("error.type", "aborted");
        metricAttributes["error.type"] = "aborted";
      } else if (status >= 500) {
        span.setAttribute("error.type", String(status));
        metricAttributes["error.type"] = String(status);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
      durationHistogram().record((performance.now() - started) / 1000, metricAttributes);
    });

    context.with(trace.setSpan(parent, span), () => {
      listener(request, response);
    });
  };
}
