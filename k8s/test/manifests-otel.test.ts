// The telemetry pipeline's promises, in both of its forms (the otel-integration chart's values and
// the plain collector): application = namespace, subsystem = Deployment, db.system copied from
// db.system.name before span metrics are computed, span metrics from every span (no sampling
// before them), and the agent where the apps send: $(NODE_IP):4318.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { COLLECTOR, K8S_DIR, ofKind, render, workload } from "./manifests-render.ts";

interface Pipeline {
  receivers: string[];
  processors?: string[];
  exporters: string[];
}

interface CollectorConfig {
  extensions?: Record<string, unknown>;
  receivers: Record<string, { protocols?: Record<string, { endpoint?: string }> }>;
  processors: Record<string, { trace_statements?: { context: string; statements: string[] }[] }>;
  connectors: Record<string, { namespace?: string }>;
  exporters: Record<string, Record<string, unknown>>;
  service: { extensions?: string[]; pipelines: Record<string, Pipeline> };
}

interface ChartValues {
  global: { domain: string; clusterName: string };
  "opentelemetry-agent": {
    enabled: boolean;
    mode: string;
    presets: Record<
      string,
      { enabled?: boolean; transformStatements?: string[]; dbMetrics?: { enabled: boolean } }
    >;
    extraConfig?: {
      service?: { pipelines?: Record<string, { processors?: string[] }> };
      processors?: Record<string, unknown>;
    };
  };
}

const DB_SYSTEM =
  'set(span.attributes["db.system"], span.attributes["db.system.name"]) where span.attributes["db.system"] == nil and span.attributes["db.system.name"] != nil';
const SAMPLERS = /^(probabilistic_sampler|tail_sampling|groupbytrace)/;

const objects = render(COLLECTOR);
const configMap = ofKind(objects, "ConfigMap").find((object) =>
  object.metadata.name.startsWith("otel-collector-config"),
);
const config = parse(
  (configMap?.data as Record<string, string> | undefined)?.["config.yaml"] ?? "",
) as CollectorConfig;
const values = parse(readFileSync(`${K8S_DIR}/otel-integration/values.yaml`, "utf8")) as ChartValues;

describe("k8s/collector", () => {
  it("every component a pipeline names is defined (a typo would stop the collector at start-up)", () => {
    const { pipelines } = config.service;
    for (const [name, pipeline] of Object.entries(pipelines)) {
      for (const receiver of pipeline.receivers) {
        expect(receiver in config.receivers || receiver in config.connectors, `${name}: ${receiver}`).toBe(
          true,
        );
      }
      for (const processor of pipeline.processors ?? [])
        expect(config.processors, name).toHaveProperty([processor]);
      for (const exporter of pipeline.exporters) {
        expect(exporter in config.exporters || exporter in config.connectors, `${name}: ${exporter}`).toBe(
          true,
        );
      }
    }
    for (const extension of config.service.extensions ?? [])
      expect(config.extensions).toHaveProperty([extension]);
    // A connector must be both an exporter of one pipeline and a receiver of another.
    for (const connector of Object.keys(config.connectors)) {
      const pipelinesOf = (role: "receivers" | "exporters") =>
        Object.values(pipelines).filter((pipeline) => pipeline[role].includes(connector));
      expect(pipelinesOf("exporters").length, connector).toBeGreaterThan(0);
      expect(pipelinesOf("receivers").length, connector).toBeGreaterThan(0);
    }
  });

  it("copies db.system.name to db.system in the traces pipeline, before the span metrics and the export", () => {
    const traces = config.service.pipelines.traces;
    expect(traces?.exporters).toEqual(expect.arrayContaining(["coralogix", "spanmetrics"]));
    const transform = (traces?.processors ?? []).find((processor) =>
      (config.processors[processor]?.trace_statements ?? []).some((group) =>
        group.statements.includes(DB_SYSTEM),
      ),
    );
    expect(transform).toBeDefined();
  });

  it("computes span metrics (and database span metrics) from every span: nothing samples on the way", () => {
    const all = Object.values(config.service.pipelines).flatMap((pipeline) => pipeline.processors ?? []);
    expect(all.filter((processor) => SAMPLERS.test(processor))).toEqual([]);
    expect(config.connectors.spanmetrics?.namespace).toBe("");
    expect(config.connectors["spanmetrics/db"]?.namespace).toBe("db");
    expect(config.service.pipelines.metrics?.receivers).toEqual(
      expect.arrayContaining(["otlp", "spanmetrics", "spanmetrics/db"]),
    );
  });

  it("exports to Coralogix with application = namespace and subsystem = Deployment, the key from its Secret", () => {
    const coralogix = config.exporters.coralogix as {
      application_name_attributes: string[];
      subsystem_name_attributes: string[];
      private_key: string;
      domain: string;
    };
    expect(coralogix.application_name_attributes[0]).toBe("k8s.namespace.name");
    expect(coralogix.subsystem_name_attributes[0]).toBe("k8s.deployment.name");
    expect(coralogix.private_key).toBe("${env:CORALOGIX_PRIVATE_KEY}");
    const env = workload(objects, "otel-collector").pod.containers[0]?.env ?? [];
    expect(
      env.find((variable) => variable.name === "CORALOGIX_PRIVATE_KEY")?.valueFrom?.secretKeyRef,
    ).toEqual({
      name: "coralogix-keys",
      key: "PRIVATE_KEY",
    });
  });

  it("listens for OTLP on the node's ports 4317 and 4318 (hostPort), where the apps send", () => {
    expect(config.receivers.otlp?.protocols?.http?.endpoint).toBe("${env:MY_POD_IP}:4318");
    expect(config.receivers.otlp?.protocols?.grpc?.endpoint).toBe("${env:MY_POD_IP}:4317");
    const ports = workload(objects, "otel-collector").pod.containers[0]?.ports ?? [];
    expect(ports.filter((port) => port.hostPort).map((port) => [port.containerPort, port.hostPort])).toEqual([
      [4317, 4317],
      [4318, 4318],
    ]);
  });
});

describe("k8s/otel-integration/values.yaml", () => {
  const agent = values["opentelemetry-agent"];

  it("runs the agent on every node with Kubernetes attributes (application = namespace, subsystem = Deployment)", () => {
    expect(agent.enabled).toBe(true);
    expect(agent.mode).toBe("daemonset");
    expect(agent.presets.kubernetesAttributes?.enabled).toBe(true);
    expect(values.global.domain).toMatch(/^[a-z0-9.]+\.[a-z]+$/);
  });

  it("computes span metrics on the agent, database ones too, with db.system set first, the same statement as k8s/collector", () => {
    const spanMetrics = agent.presets.spanMetrics;
    expect(spanMetrics?.enabled).toBe(true);
    expect(spanMetrics?.dbMetrics?.enabled).toBe(true);
    expect(spanMetrics?.transformStatements).toEqual([DB_SYSTEM]);
  });

  it("samples nothing on the agent", () => {
    for (const preset of ["headSampling", "tailSampling"])
      expect(agent.presets[preset]?.enabled ?? false, preset).toBe(false);
  });

  it("drops only the container-log copies of what the shop's apps already send over OTLP", () => {
    const processors = agent.extraConfig?.service?.pipelines?.logs?.processors ?? [];
    expect(processors).toEqual(["filter/shop-duplicate-container-logs"]);
    expect(agent.extraConfig?.processors).toHaveProperty(["filter/shop-duplicate-container-logs"]);
    expect(Object.keys(agent.extraConfig?.service?.pipelines ?? {})).toEqual(["logs"]);
  });
});
