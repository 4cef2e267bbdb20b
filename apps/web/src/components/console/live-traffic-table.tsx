// The live numbers: per service (and the storefront) requests a minute, error rate and p95 over
// the last minute; orders and revenue a minute; the bots' target against what they achieve.
import type { LiveTraffic } from "../../server/console/live-traffic.ts";

function money(minor: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

export function LiveTrafficTable({ traffic }: { traffic: LiveTraffic }) {
  const revenue = Object.entries(traffic.orders?.revenueMinorPerMinute ?? {});
  return (
    <section aria-labelledby="live-heading" className="console-panel">
      <h2 id="live-heading">Live traffic</h2>
      <dl className="console-figures" data-testid="live-figures">
        <div>
          <dt>Bots: target / achieved</dt>
          <dd>
            {traffic.bots
              ? `${traffic.bots.targetPerMinute.toFixed(0)} / ${traffic.bots.achievedPerMinute.toFixed(0)} actions/min`
              : "no fleet reporting"}
          </dd>
        </div>
        <div>
          <dt>Orders</dt>
          <dd data-testid="orders-per-minute">
            {traffic.orders ? `${traffic.orders.perMinute.toFixed(1)} /min` : "unavailable"}
          </dd>
        </div>
        <div>
          <dt>Revenue</dt>
          <dd>
            {revenue.length === 0
              ? "none"
              : revenue.map(([currency, minor]) => `${money(minor, currency)} /min`).join(", ")}
          </dd>
        </div>
      </dl>
      <table className="console-table" data-testid="live-traffic">
        <caption>Requests over the last {traffic.windowSeconds} s</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Requests/min</th>
            <th scope="col">Error rate</th>
            <th scope="col">p95</th>
          </tr>
        </thead>
        <tbody>
          {traffic.services.map((row) => (
            <tr key={row.subject} data-testid={`live-${row.subject}`}>
              <th scope="row">{row.subject}</th>
              <td>{row.perMinute.toFixed(0)}</td>
              <td className={row.errorRate >= 0.05 ? "console-bad" : undefined}>
                {(row.errorRate * 100).toFixed(1)}%
              </td>
              <td>{row.p95Ms === undefined ? "–" : `≤ ${String(row.p95Ms)} ms`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {traffic.unavailable.length > 0 && (
        <p className="hint">Not available just now: {traffic.unavailable.join(", ")}.</p>
      )}
    </section>
  );
}
