// Evaluates NetworkPolicies the way the Kubernetes API defines them (what a conforming network
// plugin enforces): a connection is allowed when the source may send it (no policy selects the
// source for egress, or one of the egress rules that select it matches) and the destination may
// accept it (likewise for ingress). Enough of the spec for these manifests: label selectors,
// namespace selectors, ipBlocks, numeric ports.
import type { INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import type { INetworkPolicyPeer } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer";
import type { INetworkPolicyPort } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort";
import type { K8sObject } from "./manifests-render.ts";

type LabelSelector = NonNullable<INetworkPolicyPeer["podSelector"]>;

export interface Endpoint {
  /** Pods have a namespace and labels; a node or an outside address has neither. */
  pod?: { namespace: string; namespaceLabels: Record<string, string>; labels: Record<string, string> };
  ip: string;
}

export interface Connection {
  from: Endpoint;
  to: Endpoint;
  port: number;
  protocol?: "TCP" | "UDP";
}

export function matchesSelector(selector: LabelSelector, labels: Record<string, string>): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    const value = labels[key];
    switch (operator) {
      case "In":
        return value !== undefined && values.includes(value);
      case "NotIn":
        return value === undefined || !values.includes(value);
      case "Exists":
        return value !== undefined;
      case "DoesNotExist":
        return value === undefined;
      default:
        throw new Error(`unknown selector operator ${operator}`);
    }
  });
  return byLabel && byExpression;
}

function ipToNumber(ip: string): number {
  return ip.split(".").reduce((total, part) => total * 256 + Number(part), 0);
}

function inCidr(ip: string, cidr: string): boolean {
  const [base = "", bits = "32"] = cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipToNumber(ip) / size) === Math.floor(ipToNumber(base) / size);
}

function peerMatches(peer: INetworkPolicyPeer, policyNamespace: string, endpoint: Endpoint): boolean {
  if (peer.ipBlock) {
    const { cidr, except = [] } = peer.ipBlock;
    return inCidr(endpoint.ip, cidr) && !except.some((excluded) => inCidr(endpoint.ip, excluded));
  }
  const pod = endpoint.pod;
  if (!pod) return false;
  const namespaceOk = peer.namespaceSelector
    ? matchesSelector(peer.namespaceSelector, pod.namespaceLabels)
    : pod.namespace === policyNamespace;
  const podOk = peer.podSelector ? matchesSelector(peer.podSelector, pod.labels) : true;
  return namespaceOk && podOk;
}

function portMatches(ports: INetworkPolicyPort[] | undefined, port: number, protocol: string): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some(
    (rule) => (rule.protocol ?? "TCP") === protocol && (rule.port === undefined || rule.port === port),
  );
}

function policyTypes(policy: INetworkPolicy): string[] {
  const spec = policy.spec ?? {};
  return spec.policyTypes ?? ["Ingress", ...(spec.egress ? ["Egress"] : [])];
}

function selecting(
  policies: INetworkPolicy[],
  endpoint: Endpoint,
  type: "Ingress" | "Egress",
): INetworkPolicy[] {
  const pod = endpoint.pod;
  if (!pod) return [];
  return policies.filter(
    (policy) =>
      policy.metadata?.namespace === pod.namespace &&
      policyTypes(policy).includes(type) &&
      matchesSelector(policy.spec?.podSelector ?? {}, pod.labels),
  );
}

export function networkPolicies(objects: K8sObject[]): INetworkPolicy[] {
  return objects.filter((object) => object.kind === "NetworkPolicy") as unknown as INetworkPolicy[];
}

/** Would a conforming network plugin let this connection through? */
export function allowed(
  policies: INetworkPolicy[],
  { from, to, port, protocol = "TCP" }: Connection,
): boolean {
  const egress = selecting(policies, from, "Egress");
  const egressOk =
    egress.length === 0 ||
    egress.some((policy) =>
      (policy.spec?.egress ?? []).some(
        (rule) =>
          portMatches(rule.ports, port, protocol) &&
          (!rule.to ||
            rule.to.length === 0 ||
            rule.to.some((peer) => peerMatches(peer, policy.metadata?.namespace ?? "", to))),
      ),
    );
  const ingress = selecting(policies, to, "Ingress");
  const ingressOk =
    ingress.length === 0 ||
    ingress.some((policy) =>
      (policy.spec?.ingress ?? []).some(
        (rule) =>
          portMatches(rule.ports, port, protocol) &&
          (!rule.from ||
            rule.from.length === 0 ||
            rule.from.some((peer) => peerMatches(peer, policy.metadata?.namespace ?? "", from))),
      ),
    );
  return egressOk && ingressOk;
}
