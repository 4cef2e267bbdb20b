// Every app gets every setting it requires: each container's environment, built from the rendered
// manifests like the kubelet builds it, goes through the app's own env parser (the same code that
// stops the process at start-up on a bad setting). Nothing may fall back to a loopback default.
import { describe, expect, it } from "vitest";
import { cartEnv } from "../../apps/services/cart/src/env.ts";
import { catalogEnv } from "../../apps/services/catalog/src/env.ts";
import { checkoutEnv } from "../../apps/services/checkout/src/env.ts";
import { inventoryEnv } from "../../apps/services/inventory/src/env.ts";
import { ordersEnv } from "../../apps/services/orders/src/env.ts";
import { paymentEnv } from "../../apps/services/payment/src/env.ts";
import { recommendationsEnv } from "../../apps/services/recommendations/src/env.ts";
import { shippingEnv } from "../../apps/services/shipping/src/env.ts";
import { webEnv } from "../../apps/web/src/env.ts";
import { fleetConfig } from "../../e2e/bots/fleet-config.ts";
import { connectionEnv } from "../../packages/db/src/env.ts";
import { telemetryEnv } from "../../packages/telemetry/src/env.ts";
import { STAND_IN, containerEnv, expand, sourcesFrom } from "./manifests-env.ts";
import {
  OVERLAYS,
  SECRET_TEMPLATES,
  allContainers,
  appContainers,
  named,
  render,
  workload,
} from "./manifests-render.ts";
import type { K8sObject } from "./manifests-render.ts";

type Source = Record<string, string | undefined>;

/** Each app's own configuration parser, as its process calls it at start-up. */
const PARSERS: Record<string, (source: Source) => object> = {
  catalog: catalogEnv,
  inventory: inventoryEnv,
  cart: cartEnv,
  orders: ordersEnv,
  payment: paymentEnv,
  shipping: shippingEnv,
  checkout: checkoutEnv,
  recommendations: recommendationsEnv,
  storefront: webEnv,
};

function withTemplates(dir: string): K8sObject[] {
  return [...render(dir), ...SECRET_TEMPLATES.flatMap((template) => render(template))];
}

function envOf(objects: K8sObject[], name: string, container?: string): Record<string, string> {
  const owner = workload(objects, name);
  const found = allContainers(owner.pod).find((candidate) => candidate.name === (container ?? name));
  if (!found) throw new Error(`no container ${container ?? name} in ${name}`);
  return containerEnv(owner, found, sourcesFrom(objects));
}

function stringValues(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(stringValues);
  return [];
}

describe("$(VAR) expansion follows Kubernetes", () => {
  it("expands variables defined before, leaves unknown ones, and unescapes $$", () => {
    expect(expand("http://$(NODE_IP):4318", { NODE_IP: "10.0.0.1" })).toBe("http://10.0.0.1:4318");
    expect(expand("$(MISSING)/x", {})).toBe("$(MISSING)/x");
    expect(expand("$$(NODE_IP)", { NODE_IP: "10.0.0.1" })).toBe("$(NODE_IP)");
  });
});

describe.each(OVERLAYS)("%s: every app's configuration parses", (dir) => {
  const objects = withTemplates(dir);
  const services = new Map(
    objects
      .filter((object) => object.kind === "Service")
      .map((service) => [
        service.metadata.name,
        ((service.spec as { ports: { port: number }[] }).ports[0]?.port ?? 0).toString(),
      ]),
  );

  it.each(Object.keys(PARSERS))(
    "%s: its env parser accepts the manifests' environment, with no loopback default",
    (app) => {
      const env = envOf(objects, app);
      const parse = PARSERS[app];
      if (!parse) throw new Error(`no parser for ${app}`);
      const parsed = parse(env);
      // A setting left to its default would point at 127.0.0.1 (the laptop demo's addresses).
      expect(stringValues(parsed).filter((value) => /127\.0\.0\.1|localhost/.test(value))).toEqual([]);
      if ("HOST" in parsed) expect(parsed.HOST).toBe("0.0.0.0");
      if ("PORT" in parsed) {
        const port = appContainers(objects).find(({ image }) => image === app)?.port;
        expect(parsed.PORT).toBe(port);
      }
      // Every URL names a Service of the shop on its port.
      for (const url of stringValues(parsed).filter((value) =>
        /^(https?|redis|postgres(ql)?):\/\//.test(value),
      )) {
        const { hostname, port } = new URL(url);
        expect(services.get(hostname), `${app}: ${url}`).toBe(port);
      }
    },
  );

  it("every app container's telemetry settings parse, with the downward-API values in place", () => {
    for (const { workload: owner, container } of appContainers(objects)) {
      const env = containerEnv(owner, container, sourcesFrom(objects));
      const parsed = telemetryEnv(env);
      expect(parsed.OTEL_SERVICE_NAME).toBe(owner.object.metadata.name);
      expect(parsed.K8S_NAMESPACE_NAME).toBe("shop");
      expect(parsed.K8S_NODE_NAME).toBe(STAND_IN.nodeName);
      expect(parsed.K8S_POD_NAME).toMatch(new RegExp(`^${owner.object.metadata.name}-`));
      expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe(`http://${STAND_IN.hostIP}:4318`);
      expect(env.OTEL_RESOURCE_ATTRIBUTES).toBe(
        `k8s.deployment.name=${owner.object.metadata.name},k8s.pod.ip=${STAND_IN.podIP},k8s.pod.uid=${STAND_IN.uid}`,
      );
      expect(parsed.SERVICE_VERSION).toBe(
        (named(objects, "ConfigMap", "shop-config").data as Source).SERVICE_VERSION,
      );
    }
  });

  it("bots: the fleet's configuration shops in the storefront's Service and serves its control port to the kubelet", () => {
    const config = fleetConfig([], envOf(objects, "bots"));
    if (config === "help") throw new Error("unexpected --help");
    expect(config.url).toBe("http://storefront:3000");
    expect(config.host).toBe("0.0.0.0");
    expect(config.port).toBe(appContainers(objects).find(({ image }) => image === "bots")?.port);
    expect(config.shape).toEqual({ kind: "steady", perMinute: 30 });
  });

  it("db-migrate: every step that talks to PostgreSQL gets a valid DATABASE_URL", () => {
    const job = workload(objects, "db-migrate");
    for (const container of allContainers(job.pod).filter(
      (candidate) => candidate.name !== "wait-for-postgres",
    )) {
      const env = containerEnv(job, container, sourcesFrom(objects));
      expect(() => connectionEnv(env), container.name).not.toThrow();
      expect(env.DATABASE_URL).toBe("postgresql://shop:REPLACE_ME@postgres:5432/shop");
    }
  });

  it("PostgreSQL's password and the apps' DATABASE_URL come from the same Secret key", () => {
    const postgres = envOf(objects, "postgres");
    for (const app of ["catalog", "inventory", "orders", "payment", "recommendations"]) {
      const url = new URL(envOf(objects, app).DATABASE_URL ?? "");
      expect(url.password, app).toBe(postgres.POSTGRES_PASSWORD);
      expect(url.username, app).toBe(postgres.POSTGRES_USER);
      expect(url.pathname, app).toBe(`/${postgres.POSTGRES_DB ?? ""}`);
      const wait = envOf(objects, app, "wait-for-database");
      expect(wait.DATABASE_URL, `${app} wait-for-database`).toBe(url.href);
    }
  });
});

describe.each(OVERLAYS)("%s: scenarios (flags, live stats, the console)", (dir) => {
  const objects = withTemplates(dir);

  it("every app and the bot fleet reach Redis for the failure-mode flags and live stats", () => {
    for (const app of [...Object.keys(PARSERS), "bots"])
      expect(envOf(objects, app).REDIS_URL, app).toBe("redis://redis:6379");
    expect(webEnv(envOf(objects, "storefront")).REDIS_URL).toBe("redis://redis:6379");
  });

  it("the storefront's console token comes from Secret shop-console, optional, never inline", () => {
    const storefront = workload(objects, "storefront");
    const variable = allContainers(storefront.pod)
      .find((container) => container.name === "storefront")
      ?.env?.find((candidate) => candidate.name === "CONSOLE_TOKEN");
    expect(variable?.value).toBeUndefined();
    expect(variable?.valueFrom?.secretKeyRef).toEqual({ name: "shop-console", key: "token", optional: true });
    // With the template applied (a lab), the storefront's parser accepts it.
    expect(webEnv(envOf(objects, "storefront")).CONSOLE_TOKEN).toMatch(/^REPLACE_ME\b/);
  });
});

describe("RUM", () => {
  it("overlays/k3s: the storefront runs without Coralogix (its RUM proxy drops the events)", () => {
    const parsed = webEnv(envOf(withTemplates("overlays/k3s"), "storefront"));
    expect(parsed.CORALOGIX_DOMAIN).toBeUndefined();
    expect(parsed.CORALOGIX_RUM_PUBLIC_KEY).toBeUndefined();
  });

  it("overlays/coralogix: the storefront's RUM goes to a Coralogix region with the key from the Secret", () => {
    const parsed = webEnv(envOf(withTemplates("overlays/coralogix"), "storefront"));
    expect(parsed.CORALOGIX_DOMAIN).toBe("EU2");
    expect(parsed.CORALOGIX_RUM_PUBLIC_KEY).toBe("REPLACE_ME");
    expect(parsed.RUM_APPLICATION).toBe("observable-shop");
  });
});
