// Every kustomization renders, every object it renders is valid against the Kubernetes schemas,
// and every kustomization.yaml stays within what kustomize v2.0.3 understands (the kustomize that
// kubectl 1.14-1.20 embed, e.g. Debian's kubernetes-client on the CI machines).
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { validateObject } from "./manifests-models.ts";
import {
  COLLECTOR,
  K8S_DIR,
  KUSTOMIZATIONS,
  OVERLAYS,
  SECRET_TEMPLATES,
  ofKind,
  render,
} from "./manifests-render.ts";

/** The Kustomization fields of kustomize v2.0.3 (pkg/types/kustomization.go at that tag). */
const KUSTOMIZE_V2_FIELDS = new Set([
  "apiVersion",
  "kind",
  "namePrefix",
  "nameSuffix",
  "namespace",
  "commonLabels",
  "commonAnnotations",
  "patchesStrategicMerge",
  "patchesJson6902",
  "images",
  "vars",
  "resources",
  "crds",
  "bases",
  "configMapGenerator",
  "secretGenerator",
  "generatorOptions",
  "configurations",
]);
const GENERATOR_V2_FIELDS = new Set(["name", "namespace", "behavior", "literals", "files", "env", "type"]);

function countByKind(dir: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const object of render(dir)) counts[object.kind] = (counts[object.kind] ?? 0) + 1;
  return counts;
}

describe.each(KUSTOMIZATIONS)("kustomization %s", (dir) => {
  it("renders with kubectl kustomize, every object valid for its Kubernetes schema", () => {
    const objects = render(dir);
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) {
      expect(() => {
        validateObject(object);
      }, `${object.kind} ${object.metadata.name}`).not.toThrow();
    }
  });

  it("uses only kustomize v2.0.3 fields; `resources` lists files, directories go in `bases`", () => {
    const file = path.join(K8S_DIR, dir, "kustomization.yaml");
    const kustomization = parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    expect(Object.keys(kustomization).filter((field) => !KUSTOMIZE_V2_FIELDS.has(field))).toEqual([]);
    for (const resource of (kustomization.resources ?? []) as string[]) {
      expect(statSync(path.join(K8S_DIR, dir, resource)).isFile(), `${dir}: resources: ${resource}`).toBe(
        true,
      );
    }
    for (const base of (kustomization.bases ?? []) as string[]) {
      expect(statSync(path.join(K8S_DIR, dir, base)).isDirectory(), `${dir}: bases: ${base}`).toBe(true);
    }
    for (const patch of (kustomization.patchesStrategicMerge ?? []) as unknown[]) {
      expect(
        typeof patch === "string" && statSync(path.join(K8S_DIR, dir, patch)).isFile(),
        `${dir}: patch`,
      ).toBe(true);
    }
    const generators = [
      ...((kustomization.configMapGenerator ?? []) as object[]),
      ...((kustomization.secretGenerator ?? []) as object[]),
    ];
    for (const generator of generators) {
      expect(Object.keys(generator).filter((field) => !GENERATOR_V2_FIELDS.has(field))).toEqual([]);
    }
  });
});

describe("what the overlays render", () => {
  it.each(OVERLAYS)(
    "%s: the whole shop in namespace shop, and no Secret (those are created apart)",
    (dir) => {
      const objects = render(dir);
      expect(ofKind(objects, "Secret")).toEqual([]);
      for (const object of objects.filter((candidate) => candidate.kind !== "Namespace")) {
        expect(object.metadata.namespace, `${object.kind} ${object.metadata.name}`).toBe("shop");
      }
      expect(countByKind(dir)).toMatchObject({
        Namespace: 1,
        Deployment: 11,
        StatefulSet: 1,
        Job: 1,
        Service: 12,
        PodDisruptionBudget: 10,
        HorizontalPodAutoscaler: 3,
        Ingress: 1,
      });
    },
  );

  it("overlays/coralogix adds the RUM settings and the storefront's way out to Coralogix", () => {
    const k3s = countByKind("overlays/k3s");
    const coralogix = countByKind("overlays/coralogix");
    expect(coralogix.ConfigMap).toBe((k3s.ConfigMap ?? 0) + 1);
    expect(coralogix.NetworkPolicy).toBe((k3s.NetworkPolicy ?? 0) + 1);
  });

  it("collector: a DaemonSet with its configuration and read-only RBAC, in namespace coralogix", () => {
    expect(countByKind(COLLECTOR)).toEqual({
      Namespace: 1,
      ServiceAccount: 1,
      ClusterRole: 1,
      ClusterRoleBinding: 1,
      ConfigMap: 2,
      DaemonSet: 1,
    });
    const rules = (render(COLLECTOR).find((object) => object.kind === "ClusterRole")?.rules ?? []) as {
      verbs: string[];
    }[];
    expect(rules.flatMap((rule) => rule.verbs).every((verb) => ["get", "list", "watch"].includes(verb))).toBe(
      true,
    );
  });

  it.each(SECRET_TEMPLATES)("%s renders Secrets only", (dir) => {
    expect(render(dir).every((object) => object.kind === "Secret")).toBe(true);
  });
});
