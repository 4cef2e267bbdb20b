// One round of HTTP load with autocannon: fixed connections, fixed duration, every response's
// latency kept (autocannon's own summary has no p95) so the percentiles are exact.
import autocannon from "autocannon";
import { percentiles } from "./stats.ts";
import type { Percentiles } from "./stats.ts";

export interface HttpRound {
  url: string;
  seconds: number;
  requests: number;
  perSecond: number;
  /** Responses other than 2xx, and connection errors or timeouts. */
  non2xx: number;
  errors: number;
  latencyMs: Percentiles;
  /** Every response's latency (ms), for percentiles over several rounds. */
  latencies: number[];
}

export function httpRound(options: {
  url: string;
  connections: number;
  seconds: number;
}): Promise<HttpRound> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      { url: options.url, connections: options.connections, duration: options.seconds, timeout: 30 },
      (error, result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        resolve({
          url: options.url,
          seconds: result.duration,
          requests: result.requests.total,
          perSecond: result.requests.total / result.duration,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
          latencyMs: percentiles(latencies),
          latencies,
        });
      },
    );
    instance.on("response", (_client, _statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
}
