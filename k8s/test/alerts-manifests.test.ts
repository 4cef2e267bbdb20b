// The alerts as code (k8s/alerts): each renders with kustomize, is a valid coralogix-operator Alert
// (the vendored CRD's schema, plus the CEL rules it touches), says exactly what thresholds.ts
// says, queries only metrics and labels the shop really emits, and the flow alert chains the
// error-rate alert then the latency alert within 10 minutes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { selectorsOf } from "../alerts/prometheus-names.ts";
import { FLOW_ALERT, METRIC_ALERTS } from "../alerts/thresholds.ts";
import type { MetricAlertRule } from "../alerts/thresholds.ts";
import { promqlCatalog } from "./alerts-metric-catalog.ts";
import { loadCrd, schemaOf, validateAgainst } from "./crd-schema.ts";
import { ALERTS as ALERTS_DIR, K8S_DIR, OVERLAYS, REPO_ROOT, render } from "./manifests-render.ts";
import type { K8sObject } from "./manifests-render.ts";

const ALERT_CRD = path.join(K8S_DIR, "test/crds/coralogix.com_alerts.yaml");

interface Condition {
  conditionType: string;
  threshold: string | number;
  forOverPct: number;
  ofTheLast: { specificValue?: string; dynamicDuration?: string };
}
interface AlertRef {
  alertRef: { resourceRef?: { name: string }; backendRef?: { id?: string; name?: string } };
  not: boolean;
}
interface FlowStage {
  timeframeMs: number;
  timeframeType: string;
  flowStagesType: { groups: { alertDefs: AlertRef[]; alertsOp: string; nextOp: string }[] };
}
interface AlertSpec {
  name: string;
  priority: string;
  phantomMode?: boolean;
  notificationGroup?: object;
  alertType: {
    metricThreshold?: { metricFilter: { promql: string }; rules: { condition: Condition }[] };
    flow?: { stages: FlowStage[] };
    [type: string]: unknown;
  };
}

const alerts = render(ALERTS_DIR);
const specOf = (object: K8sObject) => object.spec as AlertSpec;
const byName = new Map(alerts.map((object) => [object.metadata.name, object]));
const metricRules: MetricAlertRule[] = Object.values(METRIC_ALERTS);

function alert(name: string): AlertSpec {
  const found = byName.get(name);
  if (!found) throw new Error(`no Alert ${name} in k8s/alerts`);
  return specOf(found);
}

describe("k8s/alerts: coralogix-operator Alert resources", () => {
  it("one file per alert: the five metric alerts and the flow alert of thresholds.ts, all in namespace shop", () => {
    const files = readdirSync(path.join(K8S_DIR, ALERTS_DIR)).filter(
      (file) => file.endsWith(".yaml") && file !== "kustomization.yaml",
    );
    const expected = [...metricRules.map((rule) => rule.resource), FLOW_ALERT.resource].sort();
    expect(files.map((file) => file.replace(/\.yaml$/, "")).sort()).toEqual(expected);
    expect([...byName.keys()].sort()).toEqual(expected);
    for (const object of alerts) {
      expect(object.apiVersion, object.metadata.name).toBe("coralogix.com/v1beta1");
      expect(object.kind, object.metadata.name).toBe("Alert");
      expect(object.metadata.namespace, object.metadata.name).toBe("shop");
      expect(object.metadata.labels?.["app.kubernetes.io/part-of"]).toBe("observable-shop");
    }
  });

  it("every Alert's spec is valid for the operator's CRD (v1beta1 schema)", () => {
    const crd = loadCrd(ALERT_CRD);
    expect(crd.spec.group).toBe("coralogix.com");
    expect(crd.spec.names.kind).toBe("Alert");
    const spec = schemaOf(crd, "v1beta1").properties?.spec;
    if (!spec) throw new Error("the CRD has no spec schema");
    for (const object of alerts) expect(validateAgainst(spec, object.spec), object.metadata.name).toEqual([]);
  });

  it("the schema check does catch a wrong enum, a missing field and a misspelt one", () => {
    const spec = schemaOf(loadCrd(ALERT_CRD), "v1beta1").properties?.spec;
    if (!spec) throw new Error("the CRD has no spec schema");
    const broken = structuredClone(alert(METRIC_ALERTS.checkoutErrorRate.resource)) as unknown as Record<
      string,
      unknown
    >;
    broken.priority = "critical";
    delete broken.name;
    broken.severity = "p1";
    expect(validateAgainst(spec, broken)).toEqual([
      "name: required",
      'priority: "critical" is not one of ["p1","p2","p3","p4","p5"]',
      "severity: not a field of this schema",
    ]);
  });

  it("the CEL rules the CRD enforces on these fields hold (the schema check does not run CEL)", () => {
    for (const [name, object] of byName) {
      const spec = specOf(object);
      expect(Object.keys(spec.alertType), `${name}: exactly one alert type`).toHaveLength(1);
      expect(spec.phantomMode && spec.notificationGroup, `${name}: phantom alerts notify no one`).toBeFalsy();
      for (const { condition } of spec.alertType.metricThreshold?.rules ?? []) {
        const { specificValue, dynamicDuration } = condition.ofTheLast;
        expect((specificValue === undefined) !== (dynamicDuration === undefined), name).toBe(true);
      }
      for (const stage of spec.alertType.flow?.stages ?? []) {
        for (const { alertRef } of stage.flowStagesType.groups.flatMap((group) => group.alertDefs)) {
          expect((alertRef.resourceRef === undefined) !== (alertRef.backendRef === undefined), name).toBe(
            true,
          );
        }
      }
    }
  });

  it.each(metricRules)("$resource: its condition is thresholds.ts's rule", (rule) => {
    const spec = alert(rule.resource);
    expect(spec.priority).toBe(rule.priority);
    const rules = spec.alertType.metricThreshold?.rules ?? [];
    expect(rules).toHaveLength(1);
    const condition = rules[0]?.condition;
    expect(condition?.conditionType).toBe(rule.conditionType);
    expect(Number(condition?.threshold)).toBe(rule.threshold);
    expect(condition?.forOverPct).toBe(rule.forOverPct);
    expect(condition?.ofTheLast).toEqual({ dynamicDuration: `${String(rule.windowMinutes)}m` });
  });

  it.each(metricRules)("$resource: its PromQL selects only metrics and labels the shop emits", (rule) => {
    const promql = alert(rule.resource).alertType.metricThreshold?.metricFilter.promql ?? "";
    const selectors = selectorsOf(promql);
    expect(selectors.length, promql).toBeGreaterThan(0);
    const catalog = promqlCatalog();
    for (const { metric, labels } of selectors) {
      const known = catalog.get(metric);
      expect(known, `${rule.resource}: ${metric} is not a metric the shop emits`).toBeDefined();
      for (const label of labels) expect(known?.labels.has(label), `${metric}{${label}}`).toBe(true);
    }
  });

  it("the metric catalog's HTTP duration is the one @shop/telemetry records (name and unit)", () => {
    const source = readFileSync(path.join(REPO_ROOT, "packages/telemetry/src/http-server.ts"), "utf8");
    expect(source).toMatch(/createHistogram\("http\.server\.request\.duration", \{\s*unit: "s"/);
    expect(promqlCatalog().has("http_server_request_duration_seconds_bucket")).toBe(true);
  });

  it("the flow alert: checkout-error-rate, then checkout-latency-p95 within 10 minutes", () => {
    const stages = alert(FLOW_ALERT.resource).alertType.flow?.stages ?? [];
    const referenced = stages.map((stage) =>
      stage.flowStagesType.groups.flatMap((group) =>
        group.alertDefs.map((definition) => ({
          name: definition.alertRef.resourceRef?.name,
          not: definition.not,
        })),
      ),
    );
    expect(referenced).toEqual([
      [{ name: "checkout-error-rate", not: false }],
      [{ name: "checkout-latency-p95", not: false }],
    ]);
    expect(FLOW_ALERT.stages.map((key) => METRIC_ALERTS[key].resource)).toEqual([
      "checkout-error-rate",
      "checkout-latency-p95",
    ]);
    expect(stages[1]?.timeframeMs).toBe(FLOW_ALERT.withinMinutes * 60_000);
    expect(stages[1]?.timeframeMs).toBe(600_000);
    expect(stages[1]?.timeframeType).toBe("upTo");
    expect(alert(FLOW_ALERT.resource).priority).toBe(FLOW_ALERT.priority);
  });

  it("no overlay carries the alerts: without the operator's CRD `kubectl apply -k` of an overlay must not fail", () => {
    for (const overlay of OVERLAYS) {
      expect(render(overlay).filter((object) => object.apiVersion.startsWith("coralogix.com/"))).toEqual([]);
    }
  });

  it("k8s/alerts/README.md documents every metric the alerts query", () => {
    const readme = readFileSync(path.join(K8S_DIR, ALERTS_DIR, "README.md"), "utf8");
    const metrics = new Set(
      metricRules.flatMap((rule) =>
        selectorsOf(alert(rule.resource).alertType.metricThreshold?.metricFilter.promql ?? "").map(
          (selector) => selector.metric,
        ),
      ),
    );
    for (const metric of metrics) expect(readme, metric).toContain(`\`${metric}\``);
  });
});
