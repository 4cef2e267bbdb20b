// The workloads hold to what the apps really are: the images k8s/images/images.json builds, the
// ports they listen on, the health paths they serve, and the hardening every pod gets.
import { existsSync } from "node:fs";
import path from "node:path";
import type { IContainer } from "kubernetes-models/v1/Container";
import type { IProbe } from "kubernetes-models/v1/Probe";
import { describe, expect, it } from "vitest";
import {
  COLLECTOR,
  IMAGES,
  OVERLAYS,
  REPO_ROOT,
  allContainers,
  appContainers,
  named,
  ofKind,
  render,
  shopImage,
  workload,
  workloads,
} from "./manifests-render.ts";
import type { K8sObject, Workload } from "./manifests-render.ts";

const SERVICES = [
  "catalog",
  "inventory",
  "cart",
  "orders",
  "payment",
  "shipping",
  "checkout",
  "recommendations",
];
/** Health paths each app serves (service-kit's server, the storefront's API routes, the fleet). */
const HEALTH: Record<string, { liveness: string; readiness: string }> = {
  ...Object.fromEntries(SERVICES.map((name) => [name, { liveness: "/healthz", readiness: "/readyz" }])),
  storefront: { liveness: "/api/healthz", readiness: "/api/readyz" },
  bots: { liveness: "/healthz", readiness: "/healthz" },
};
const APPS = [...SERVICES, "storefront", "bots"];
/** Third-party images the manifests may use: official, pinned to a version. */
const THIRD_PARTY = [
  /^postgres:\d+\.\d+(-[a-z0-9.]+)?$/,
  /^redis:\d+\.\d+\.\d+(-[a-z0-9.]+)?$/,
  /^busybox:\d+\.\d+\.\d+(-[a-z0-9.]+)?$/,
  /^ghcr\.io\/open-telemetry\/opentelemetry-collector-releases\/opentelemetry-collector-contrib:\d+\.\d+\.\d+$/,
];
const ALL = [...OVERLAYS, COLLECTOR] as const;

function effective<K extends "runAsNonRoot" | "runAsUser" | "seccompProfile">(
  pod: Workload["pod"],
  container: IContainer,
  field: K,
) {
  return container.securityContext?.[field] ?? pod.securityContext?.[field];
}

function portNumber(container: IContainer, probe: IProbe | undefined): number | undefined {
  const port = probe?.httpGet?.port;
  if (typeof port === "number") return port;
  return container.ports?.find((candidate) => candidate.name === port)?.containerPort;
}

describe.each(ALL)("%s: every pod is hardened and sized", (dir) => {
  const objects = render(dir);

  it("every container: requests and limits for cpu and memory", () => {
    for (const { object, pod } of workloads(objects)) {
      for (const container of allContainers(pod)) {
        const where = `${object.metadata.name}/${container.name}`;
        for (const kind of ["requests", "limits"] as const) {
          expect(Object.keys(container.resources?.[kind] ?? {}).sort(), `${where} ${kind}`).toEqual([
            "cpu",
            "memory",
          ]);
        }
      }
    }
  });

  it("every container: non-root, no privilege escalation, read-only root, no capabilities, RuntimeDefault seccomp", () => {
    for (const { object, pod } of workloads(objects)) {
      for (const container of allContainers(pod)) {
        const where = `${object.metadata.name}/${container.name}`;
        expect(effective(pod, container, "runAsNonRoot"), where).toBe(true);
        expect(effective(pod, container, "runAsUser"), where).toBeGreaterThan(0);
        expect(effective(pod, container, "seccompProfile")?.type, where).toBe("RuntimeDefault");
        expect(container.securityContext?.allowPrivilegeEscalation, where).toBe(false);
        expect(container.securityContext?.readOnlyRootFilesystem, where).toBe(true);
        expect(container.securityContext?.capabilities?.drop, where).toEqual(["ALL"]);
        expect(container.securityContext?.privileged ?? false, where).toBe(false);
      }
    }
  });

  it("every long-running container has liveness and readiness probes (Job steps and init containers excepted)", () => {
    for (const { object, pod } of workloads(objects).filter((candidate) => candidate.object.kind !== "Job")) {
      for (const container of pod.containers) {
        const where = `${object.metadata.name}/${container.name}`;
        expect(container.livenessProbe, `${where} liveness`).toBeDefined();
        expect(container.readinessProbe, `${where} readiness`).toBeDefined();
      }
    }
  });

  it("every image is built here (images.json, its Dockerfile exists) or an allowed third-party image pinned to a version", () => {
    for (const { object, pod } of workloads(objects)) {
      for (const container of allContainers(pod)) {
        const image = container.image ?? "";
        const where = `${object.metadata.name}/${container.name}: ${image}`;
        expect(image, where).not.toMatch(/:latest$|^[^:]+$/);
        const ours = shopImage(image);
        if (ours) {
          const entry = IMAGES.images[ours.name];
          expect(entry, `${where} is not in k8s/images/images.json`).toBeDefined();
          expect(ours.tag, where).toMatch(/^\d+\.\d+\.\d+/);
          const dockerfile = path.join(REPO_ROOT, entry?.dockerfile ?? "missing");
          expect(existsSync(dockerfile), `${where}: ${dockerfile} does not exist`).toBe(true);
        } else {
          expect(
            THIRD_PARTY.some((allowed) => allowed.test(image)),
            `${where} is not an allowed image`,
          ).toBe(true);
        }
      }
    }
  });
});

describe.each(OVERLAYS)("%s: the apps as they really are", (dir) => {
  const objects = render(dir);
  const shopConfig = named(objects, "ConfigMap", "shop-config").data as Record<string, string>;

  it("runs every app of images.json that serves a port, and the migrate job", () => {
    const deployed = new Set(appContainers(objects).map(({ image }) => image));
    const serving = Object.entries(IMAGES.images).filter(([, entry]) => entry.port !== null);
    expect([...deployed].sort()).toEqual(serving.map(([name]) => name).sort());
    expect(workload(objects, "db-migrate").object.kind).toBe("Job");
    expect(
      allContainers(workload(objects, "db-migrate").pod).some(
        (container) => shopImage(container.image ?? "")?.name === "db-migrate",
      ),
    ).toBe(true);
  });

  it("every image built here carries the release's tag, SERVICE_VERSION", () => {
    for (const { pod } of workloads(objects)) {
      for (const container of allContainers(pod)) {
        const ours = shopImage(container.image ?? "");
        if (ours) expect(ours.tag, container.image).toBe(shopConfig.SERVICE_VERSION);
      }
    }
  });

  it.each(APPS)("%s: container port, Service and probes match what the app listens on and serves", (app) => {
    const found = appContainers(objects).find(({ image }) => image === app);
    expect(found, `no ${app} container`).toBeDefined();
    if (!found) return;
    const { container, port, workload: owner } = found;
    expect(owner.object.metadata.name).toBe(app);
    expect(container.ports?.map((candidate) => candidate.containerPort)).toEqual([port]);
    const health = HEALTH[app];
    expect(container.livenessProbe?.httpGet?.path).toBe(health?.liveness);
    expect(container.readinessProbe?.httpGet?.path).toBe(health?.readiness);
    expect(portNumber(container, container.livenessProbe)).toBe(port);
    expect(portNumber(container, container.readinessProbe)).toBe(port);
    if (container.startupProbe) {
      expect(container.startupProbe.httpGet?.path).toBe(health?.liveness);
      expect(portNumber(container, container.startupProbe)).toBe(port);
    }
    const service = named(objects, "Service", app).spec as {
      selector: Record<string, string>;
      ports: { port: number; targetPort: string | number }[];
    };
    expect(Object.entries(service.selector).every(([key, value]) => owner.podLabels[key] === value)).toBe(
      true,
    );
    expect(service.ports).toEqual([{ name: "http", port, targetPort: "http" }]);
  });

  it("every app has the OpenTelemetry settings: its service name and the node-local agent from the downward API", () => {
    for (const { container, workload: owner } of appContainers(objects)) {
      const env = new Map((container.env ?? []).map((variable) => [variable.name, variable]));
      const where = owner.object.metadata.name;
      expect(env.get("OTEL_SERVICE_NAME")?.value, where).toBe(where);
      expect(env.get("OTEL_EXPORTER_OTLP_ENDPOINT")?.value, where).toBe("http://$(NODE_IP):4318");
      expect(env.get("NODE_IP")?.valueFrom?.fieldRef?.fieldPath, where).toBe("status.hostIP");
      expect(env.get("K8S_POD_NAME")?.valueFrom?.fieldRef?.fieldPath, where).toBe("metadata.name");
      expect(env.get("K8S_NODE_NAME")?.valueFrom?.fieldRef?.fieldPath, where).toBe("spec.nodeName");
      expect(env.get("K8S_NAMESPACE_NAME")?.valueFrom?.fieldRef?.fieldPath, where).toBe("metadata.namespace");
      expect(env.get("OTEL_RESOURCE_ATTRIBUTES")?.value, where).toContain(`k8s.deployment.name=${where}`);
      for (const name of ["SERVICE_VERSION", "DEPLOYMENT_ENVIRONMENT"]) {
        expect(env.get(name)?.valueFrom?.configMapKeyRef?.name, `${where} ${name}`).toBe("shop-config");
      }
      // $(VAR) only expands variables defined earlier in the list.
      const names = (container.env ?? []).map((variable) => variable.name);
      expect(names.indexOf("NODE_IP"), where).toBeLessThan(names.indexOf("OTEL_EXPORTER_OTLP_ENDPOINT"));
    }
  });

  it("every app has a writable /tmp; the storefront a Next cache volume; the bots a memory-backed /dev/shm", () => {
    const mountsOf = (candidate: Workload, container: IContainer) =>
      new Map(
        (container.volumeMounts ?? []).map((mount) => [
          mount.mountPath,
          candidate.pod.volumes?.find((volume) => volume.name === mount.name),
        ]),
      );
    for (const { container, workload: owner } of appContainers(objects)) {
      expect(mountsOf(owner, container).get("/tmp")?.emptyDir, owner.object.metadata.name).toBeDefined();
    }
    const mountsOfApp = (app: string) => {
      const found = appContainers(objects).find(({ image }) => image === app);
      if (!found) throw new Error(`no ${app} container`);
      return mountsOf(found.workload, found.container);
    };
    expect(mountsOfApp("storefront").get("/app/apps/web/.next/cache")?.emptyDir).toBeDefined();
    expect(mountsOfApp("bots").get("/dev/shm")?.emptyDir?.medium).toBe("Memory");
  });

  it("every service that uses the database waits for job/db-migrate; the bots wait for the storefront", () => {
    for (const { container, workload: owner } of appContainers(objects)) {
      const usesDatabase = (container.env ?? []).some((variable) => variable.name === "DATABASE_URL");
      const waits = (owner.pod.initContainers ?? []).map((init) => init.name);
      expect(waits.includes("wait-for-database"), owner.object.metadata.name).toBe(usesDatabase);
    }
    expect(workload(objects, "bots").pod.initContainers?.map((init) => init.name)).toEqual([
      "wait-for-storefront",
    ]);
    const job = workload(objects, "db-migrate").pod;
    expect(job.initContainers?.map((init) => init.name)).toEqual(["wait-for-postgres", "migrate", "seed"]);
    expect(job.restartPolicy).toBe("Never");
  });

  it("autoscalers for the storefront, catalog and checkout, which leave their replica count to them", () => {
    const autoscalers = ofKind(objects, "HorizontalPodAutoscaler");
    expect(autoscalers.map((object) => object.metadata.name).sort()).toEqual([
      "catalog",
      "checkout",
      "storefront",
    ]);
    for (const autoscaler of autoscalers) {
      const spec = autoscaler.spec as {
        scaleTargetRef: { kind: string; name: string };
        minReplicas: number;
        maxReplicas: number;
      };
      expect(autoscaler.apiVersion).toBe("autoscaling/v2");
      expect(spec.scaleTargetRef.kind).toBe("Deployment");
      const target = named(objects, "Deployment", spec.scaleTargetRef.name);
      expect((target.spec as { replicas?: number }).replicas).toBeUndefined();
      expect(spec.minReplicas).toBeLessThanOrEqual(spec.maxReplicas);
      // CPU utilisation needs a CPU request to be measured against.
      expect(
        workload(objects, target.metadata.name).pod.containers[0]?.resources?.requests?.cpu,
      ).toBeDefined();
    }
  });

  it("a PodDisruptionBudget for every app that never blocks a drain on its own", () => {
    for (const app of APPS) {
      const budget = named(objects, "PodDisruptionBudget", app).spec as {
        maxUnavailable: number;
        selector: { matchLabels: Record<string, string> };
      };
      expect(budget.maxUnavailable).toBe(1);
      const pods = workload(objects, app).podLabels;
      expect(Object.entries(budget.selector.matchLabels).every(([key, value]) => pods[key] === value)).toBe(
        true,
      );
    }
  });

  it("every Service selects pods that exist; the Ingress sends everything to the storefront", () => {
    const pods = workloads(objects).map((candidate) => candidate.podLabels);
    for (const service of ofKind(objects, "Service")) {
      const selector = (service.spec as { selector: Record<string, string> }).selector;
      expect(
        pods.some((labels) => Object.entries(selector).every(([key, value]) => labels[key] === value)),
        service.metadata.name,
      ).toBe(true);
    }
    const ingress = named(objects, "Ingress", "storefront").spec as {
      ingressClassName?: string;
      rules: {
        http: { paths: { path: string; backend: { service: { name: string; port: { name: string } } } }[] };
      }[];
    };
    expect(ingress.ingressClassName).toBe("traefik");
    expect(ingress.rules.flatMap((rule) => rule.http.paths)).toEqual([
      { path: "/", pathType: "Prefix", backend: { service: { name: "storefront", port: { name: "http" } } } },
    ]);
  });

  it("PostgreSQL keeps its data on a local-path volume; Redis runs without persistence, as documented", () => {
    const postgres = named(objects, "StatefulSet", "postgres").spec as {
      volumeClaimTemplates: { spec: { storageClassName?: string } }[];
    };
    expect(postgres.volumeClaimTemplates.map((claim) => claim.spec.storageClassName)).toEqual(["local-path"]);
    const redis = workload(objects, "redis").pod.containers[0];
    expect(redis?.args?.join(" ")).toContain("--save  --appendonly no");
  });
});

describe("one release", () => {
  it.each(OVERLAYS)("%s: shop images and SERVICE_VERSION agree", (dir) => {
    const objects: K8sObject[] = render(dir);
    const version = (named(objects, "ConfigMap", "shop-config").data as Record<string, string>)
      .SERVICE_VERSION;
    const tags = new Set(
      workloads(objects)
        .flatMap(({ pod }) => allContainers(pod))
        .flatMap((container) => shopImage(container.image ?? "")?.tag ?? []),
    );
    expect([...tags]).toEqual([version]);
  });
});
