// A container's environment as the kubelet would build it: envFrom first, then env in order,
// ConfigMap and Secret references resolved from the rendered objects (Secrets from their
// templates), downward-API fields replaced by plausible stand-ins, and $(VAR) expanded from the
// variables defined before it, exactly like Kubernetes does.
import type { IContainer } from "kubernetes-models/v1/Container";
import type { K8sObject, Workload } from "./manifests-render.ts";

export const STAND_IN = {
  hostIP: "192.168.1.10",
  podIP: "10.42.0.23",
  nodeName: "k3s-node-1",
  uid: "3f1c2b7e-8d4a-4e2b-9c6f-1a2b3c4d5e6f",
};

export interface EnvSources {
  configMaps: K8sObject[];
  secrets: K8sObject[];
}

export function sourcesFrom(objects: K8sObject[]): EnvSources {
  return {
    configMaps: objects.filter((object) => object.kind === "ConfigMap"),
    secrets: objects.filter((object) => object.kind === "Secret"),
  };
}

function dataOf(object: K8sObject): Record<string, string> {
  const data = (object.data ?? {}) as Record<string, string>;
  if (object.kind !== "Secret") return data;
  const decoded = Object.fromEntries(
    Object.entries(data).map(([key, value]) => [key, Buffer.from(value, "base64").toString("utf8")]),
  );
  return { ...decoded, ...((object.stringData ?? {}) as Record<string, string>) };
}

function find(list: K8sObject[], namespace: string, name: string): Record<string, string> | undefined {
  const found = list.find(
    (object) => object.metadata.name === name && object.metadata.namespace === namespace,
  );
  return found ? dataOf(found) : undefined;
}

/** Kubernetes' $(VAR) expansion: defined variables only, `$$` escapes, anything else stays. */
export function expand(value: string, defined: Record<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (match, name: string | undefined) => {
    if (match === "$$") return "$";
    return name !== undefined && name in defined ? (defined[name] ?? match) : match;
  });
}

function fieldStandIn(fieldPath: string, workload: Workload): string {
  switch (fieldPath) {
    case "metadata.name":
      return `${workload.object.metadata.name}-5d8f7c9b6d-x7k2p`;
    case "metadata.namespace":
      return workload.namespace;
    case "metadata.uid":
      return STAND_IN.uid;
    case "spec.nodeName":
      return STAND_IN.nodeName;
    case "status.hostIP":
      return STAND_IN.hostIP;
    case "status.podIP":
      return STAND_IN.podIP;
    default:
      throw new Error(`no stand-in for the downward-API field ${fieldPath}`);
  }
}

/** The environment `container` of `workload` starts with; throws on a reference to nothing. */
export function containerEnv(
  workload: Workload,
  container: IContainer,
  sources: EnvSources,
): Record<string, string> {
  const env: Record<string, string> = {};
  const where = `${workload.object.kind} ${workload.object.metadata.name}, container ${container.name}`;
  const lookup = (
    kind: "ConfigMap" | "Secret",
    reference: { name?: string; key?: string; optional?: boolean },
  ): Record<string, string> | undefined => {
    const data = find(
      kind === "ConfigMap" ? sources.configMaps : sources.secrets,
      workload.namespace,
      reference.name ?? "",
    );
    if (!data && !reference.optional)
      throw new Error(`${where}: ${kind} ${reference.name ?? "?"} does not exist`);
    return data;
  };
  for (const from of container.envFrom ?? []) {
    const data = from.configMapRef
      ? lookup("ConfigMap", from.configMapRef)
      : from.secretRef
        ? lookup("Secret", from.secretRef)
        : undefined;
    for (const [key, value] of Object.entries(data ?? {})) env[`${from.prefix ?? ""}${key}`] = value;
  }
  for (const variable of container.env ?? []) {
    const source = variable.valueFrom;
    let value: string | undefined;
    if (!source) value = expand(variable.value ?? "", env);
    else if (source.fieldRef) value = fieldStandIn(source.fieldRef.fieldPath, workload);
    else if (source.configMapKeyRef) value = keyOf("ConfigMap", source.configMapKeyRef);
    else if (source.secretKeyRef) value = keyOf("Secret", source.secretKeyRef);
    else throw new Error(`${where}: ${variable.name} has a valueFrom these tests do not resolve`);
    if (value !== undefined) env[variable.name] = value;
  }
  return env;

  function keyOf(
    kind: "ConfigMap" | "Secret",
    reference: { name?: string; key: string; optional?: boolean },
  ) {
    const data = lookup(kind, reference);
    const value = data?.[reference.key];
    if (value === undefined && !reference.optional) {
      throw new Error(`${where}: ${kind} ${reference.name ?? "?"} has no key ${reference.key}`);
    }
    return value;
  }
}
