// The NetworkPolicy matrix (k8s/README.md), checked by evaluating the rendered policies for every
// pair of the shop's pods: the database and Redis reach only their clients (every app is a Redis
// client: flags and live stats), the bots only the storefront and Redis, the storefront only the
// ingress controller and the bots; every call an app's URLs say it makes gets through; DNS and the
// node-local OTLP agent are open to everyone.
import { describe, expect, it } from "vitest";
import { containerEnv, sourcesFrom, STAND_IN } from "./manifests-env.ts";
import { allowed, networkPolicies } from "./manifests-network.ts";
import type { Endpoint } from "./manifests-network.ts";
import { OVERLAYS, SECRET_TEMPLATES, named, render, workloads } from "./manifests-render.ts";

const DATABASE_CLIENTS = ["catalog", "inventory", "orders", "payment", "recommendations", "db-migrate"];
// Flags and live stats: every app reads Redis (the catalog also caches there, the cart keeps carts).
const REDIS_CLIENTS = [
  "catalog",
  "inventory",
  "cart",
  "orders",
  "payment",
  "shipping",
  "checkout",
  "recommendations",
  "storefront",
  "bots",
];

function namespace(name: string) {
  return { namespace: name, namespaceLabels: { "kubernetes.io/metadata.name": name } };
}

const TRAEFIK: Endpoint = {
  pod: { ...namespace("kube-system"), labels: { "app.kubernetes.io/name": "traefik" } },
  ip: "10.42.0.2",
};
const COREDNS: Endpoint = {
  pod: { ...namespace("kube-system"), labels: { "k8s-app": "kube-dns" } },
  ip: "10.42.0.3",
};
/** The otel-integration chart's agent runs on the host network: the app connects to its node. */
const NODE: Endpoint = { ip: STAND_IN.hostIP };
/** k8s/collector's agent behind a hostPort: after DNAT the destination is its pod. */
const COLLECTOR_POD: Endpoint = {
  pod: { ...namespace("coralogix"), labels: { "app.kubernetes.io/name": "otel-collector" } },
  ip: "10.42.0.4",
};
const CORALOGIX_RUM_INGRESS: Endpoint = { ip: "34.120.10.20" };

describe.each(OVERLAYS)("%s: network policies", (dir) => {
  const objects = render(dir);
  const policies = networkPolicies(objects);
  const pods = new Map<string, Endpoint>(
    workloads(objects).map((candidate, index) => [
      candidate.object.metadata.name,
      {
        pod: { ...namespace(candidate.namespace), labels: candidate.podLabels },
        ip: `10.42.1.${String(index + 10)}`,
      },
    ]),
  );
  const pod = (name: string): Endpoint => {
    const found = pods.get(name);
    if (!found) throw new Error(`no pod ${name}`);
    return found;
  };
  const names = [...pods.keys()];
  const reaches = (from: string, to: Endpoint, port: number, protocol: "TCP" | "UDP" = "TCP") =>
    allowed(policies, { from: pod(from), to, port, protocol });
  const whoReaches = (to: string, port: number) =>
    names.filter((from) => from !== to && reaches(from, pod(to), port));

  it("has a default deny and policies of their own for PostgreSQL and Redis", () => {
    const spec = named(objects, "NetworkPolicy", "default-deny").spec as {
      podSelector: object;
      policyTypes: string[];
    };
    expect(spec).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    named(objects, "NetworkPolicy", "postgres");
    named(objects, "NetworkPolicy", "redis");
  });

  it("only the database's clients (and the migrate job) reach PostgreSQL", () => {
    expect(whoReaches("postgres", 5432).sort()).toEqual([...DATABASE_CLIENTS].sort());
  });

  it("only the catalog and the cart reach Redis", () => {
    expect(whoReaches("redis", 6379).sort()).toEqual([...REDIS_CLIENTS].sort());
  });

  it("from outside the namespace, only the ingress controller reaches a shop pod: the storefront", () => {
    for (const name of names) {
      const port = name === "storefront" ? 3000 : 4101;
      expect(allowed(policies, { from: TRAEFIK, to: pod(name), port }), name).toBe(name === "storefront");
    }
    expect(whoReaches("storefront", 3000)).toEqual(["bots"]);
  });

  it("the bots reach the storefront, and Redis for the bots.traffic flag, nothing else of the shop", () => {
    const reachable = names.filter((to) =>
      [3000, 4101, 4102, 4103, 4104, 4105, 4106, 4107, 4108, 5432, 6379].some((port) =>
        reaches("bots", pod(to), port),
      ),
    );
    expect(reachable.sort()).toEqual(["redis", "storefront"]);
    expect(reaches("bots", CORALOGIX_RUM_INGRESS, 443)).toBe(false);
  });

  it("every call an app's configuration names is allowed, and nothing else inside the shop", () => {
    const sources = sourcesFrom([...objects, ...SECRET_TEMPLATES.flatMap((template) => render(template))]);
    const services = new Map(
      objects
        .filter((object) => object.kind === "Service")
        .map((service) => [
          service.metadata.name,
          (service.spec as { selector: Record<string, string> }).selector,
        ]),
    );
    const expected = new Set<string>();
    for (const candidate of workloads(objects)) {
      for (const container of [...(candidate.pod.initContainers ?? []), ...candidate.pod.containers]) {
        const env = containerEnv(candidate, container, sources);
        for (const value of Object.values(env)) {
          if (!/^(https?|redis|postgres(ql)?):\/\//.test(value)) continue;
          const url = new URL(value);
          const target = services.get(url.hostname);
          if (!target) continue;
          const owner = workloads(objects).find((other) =>
            Object.entries(target).every(([key, label]) => other.podLabels[key] === label),
          );
          if (owner)
            expected.add(`${candidate.object.metadata.name} -> ${owner.object.metadata.name}:${url.port}`);
        }
      }
      // The init containers' wait loops (psql, wget) use the same addresses as the app itself.
    }
    const ports = [3000, 4101, 4102, 4103, 4104, 4105, 4106, 4107, 4108, 4200, 5432, 6379];
    const actual = new Set<string>();
    for (const from of names) {
      for (const to of names) {
        if (from === to) continue;
        for (const port of ports)
          if (reaches(from, pod(to), port)) actual.add(`${from} -> ${to}:${String(port)}`);
      }
    }
    expect([...actual].sort()).toEqual([...expected].sort());
  });

  it("every pod may resolve names and reach the node-local OTLP agent (either kind)", () => {
    for (const name of names) {
      expect(reaches(name, COREDNS, 53, "UDP"), `${name} DNS`).toBe(true);
      expect(reaches(name, COREDNS, 53, "TCP"), `${name} DNS over TCP`).toBe(true);
      for (const agent of [NODE, COLLECTOR_POD]) {
        expect(reaches(name, agent, 4318), `${name} OTLP/HTTP`).toBe(true);
        expect(reaches(name, agent, 4317), `${name} OTLP/gRPC`).toBe(true);
      }
    }
  });

  it("only the storefront may leave the cluster, on 443, and only in overlays/coralogix (its RUM proxy)", () => {
    for (const name of names) {
      expect(reaches(name, CORALOGIX_RUM_INGRESS, 443), name).toBe(
        name === "storefront" && dir === "overlays/coralogix",
      );
    }
    // Not into the cluster's private ranges, even on 443.
    expect(reaches("storefront", { ip: "10.42.0.99" }, 443)).toBe(false);
  });
});
