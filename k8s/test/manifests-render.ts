// Renders the kustomizations the way `kubectl apply -k` would and hands the tests plain objects.
// kubectl is the one tool needed: its kustomize works offline (no cluster, no API server).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { IContainer } from "kubernetes-models/v1/Container";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import { parseAllDocuments } from "yaml";

export const K8S_DIR = fileURLToPath(new URL("..", import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** What `kubectl apply -k` is run on (docs/deploy-k3s.md), relative to k8s/. */
export const OVERLAYS = ["overlays/k3s", "overlays/coralogix"] as const;
export const COLLECTOR = "collector";
/** Secret templates: kustomizations of their own, never part of an overlay. */
export const SECRET_TEMPLATES = ["base/secrets", "overlays/coralogix/secrets", "collector/secrets"] as const;
/** coralogix-operator Alert resources, applied on their own once the operator is installed. */
export const ALERTS = "alerts";
/** Every kustomization in the repository, each rendered by the tests. */
export const KUSTOMIZATIONS = ["base", ...OVERLAYS, COLLECTOR, ...SECRET_TEMPLATES, ALERTS] as const;

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

export interface Workload {
  object: K8sObject;
  namespace: string;
  pod: IPodSpec;
  podLabels: Record<string, string>;
}

export interface ImagesContract {
  registry: string;
  images: Record<string, { dockerfile: string; workspace: string; port: number | null }>;
}

export const IMAGES = JSON.parse(
  readFileSync(new URL("../images/images.json", import.meta.url), "utf8"),
) as ImagesContract;

const rendered = new Map<string, K8sObject[]>();

/** `kubectl kustomize <k8s/dir>`, parsed; fails with what to install when kubectl is missing. */
export function render(dir: string): K8sObject[] {
  const cached = rendered.get(dir);
  if (cached) return cached;
  const result = spawnSync("kubectl", ["kustomize", dir], { cwd: K8S_DIR, encoding: "utf8" });
  if (result.error) {
    throw new Error(
      `cannot run kubectl (${result.error.message}): these tests render the manifests with ` +
        "`kubectl kustomize`, which needs no cluster. Install kubectl (Debian: apt-get install " +
        "kubernetes-client) and put it on PATH.",
    );
  }
  if (result.status !== 0) throw new Error(`kubectl kustomize ${dir} failed:\n${result.stderr}`);
  const objects = parseAllDocuments(result.stdout)
    .map((document) => document.toJS() as unknown)
    .filter((value): value is K8sObject => isObject(value));
  rendered.set(dir, objects);
  return objects;
}

export function isObject(value: unknown): value is K8sObject {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { kind?: unknown }).kind === "string" &&
    typeof (value as { apiVersion?: unknown }).apiVersion === "string"
  );
}

export function ofKind(objects: K8sObject[], kind: string): K8sObject[] {
  return objects.filter((object) => object.kind === kind);
}

export function named(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in the rendered manifests`);
  return found;
}

const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "Job"]);

/** Deployments, StatefulSets, DaemonSets and Jobs with their pod templates. */
export function workloads(objects: K8sObject[]): Workload[] {
  return objects
    .filter((object) => WORKLOAD_KINDS.has(object.kind))
    .map((object) => {
      const template = (
        object.spec as { template: { metadata?: { labels?: Record<string, string> }; spec: IPodSpec } }
      ).template;
      return {
        object,
        namespace: object.metadata.namespace ?? "default",
        pod: template.spec,
        podLabels: template.metadata?.labels ?? {},
      };
    });
}

export function workload(objects: K8sObject[], name: string): Workload {
  const found = workloads(objects).find((candidate) => candidate.object.metadata.name === name);
  if (!found) throw new Error(`no workload ${name} in the rendered manifests`);
  return found;
}

export function allContainers(pod: IPodSpec): IContainer[] {
  return [...(pod.initContainers ?? []), ...pod.containers];
}

export interface ShopImage {
  name: string;
  tag: string;
}

/** `ghcr.io/observable-shop/catalog:0.1.0` -> { name: "catalog", tag: "0.1.0" }; else undefined. */
export function shopImage(image: string): ShopImage | undefined {
  const prefix = `${IMAGES.registry}/`;
  if (!image.startsWith(prefix)) return undefined;
  const [name = "", tag = ""] = image.slice(prefix.length).split(":");
  return { name, tag };
}

/** The app containers: images built from this repository that serve a port. */
export function appContainers(objects: K8sObject[]) {
  return workloads(objects).flatMap((candidate) =>
    candidate.pod.containers.flatMap((container) => {
      const image = shopImage(container.image ?? "");
      const entry = image ? IMAGES.images[image.name] : undefined;
      return image && entry?.port
        ? [{ workload: candidate, container, image: image.name, port: entry.port }]
        : [];
    }),
  );
}
