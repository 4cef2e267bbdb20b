// The backend services of the demo in start order (a service starts after those it calls), each on
// DEMO_SERVICES_PORT plus its offset, and the *_URL variables by which every process finds them
// (the same variables the Kubernetes manifests set).
export const DEMO_SERVICES = [
  ["catalog", 0],
  ["inventory", 1],
  ["cart", 2],
  ["orders", 3],
  ["payment", 4],
  ["shipping", 5],
  ["checkout", 6],
  ["recommendations", 7],
] as const;

export function demoServiceUrls(firstPort: number): Record<string, string> {
  return Object.fromEntries(
    DEMO_SERVICES.map(([name, offset]) => [
      `${name.toUpperCase()}_URL`,
      `http://127.0.0.1:${String(firstPort + offset)}`,
    ]),
  );
}
