// Who is speaking: the attributes every span, metric and log of this process carries. The SDK's
// detectors add host and process facts, and OTEL_RESOURCE_ATTRIBUTES can add or override more.
import { resourceFromAttributes } from "@opentelemetry/resources";
import type { TelemetryEnv } from "./env.ts";

export const SERVICE_NAMESPACE = "shop";

export function shopResource(serviceName: string, env: TelemetryEnv) {
  return resourceFromAttributes({
    "service.name": serviceName,
    "service.namespace": SERVICE_NAMESPACE,
    "service.version": env.SERVICE_VERSION,
    "deployment.environment.name": env.DEPLOYMENT_ENVIRONMENT,
    // Coralogix's application and subsystem when exporting straight to its OTLP ingress.
    "cx.application.name": SERVICE_NAMESPACE,
    "cx.subsystem.name": serviceName,
    ...(env.K8S_POD_NAME ? { "k8s.pod.name": env.K8S_POD_NAME } : {}),
    ...(env.K8S_NODE_NAME ? { "k8s.node.name": env.K8S_NODE_NAME } : {}),
    ...(env.K8S_NAMESPACE_NAME ? { "k8s.namespace.name": env.K8S_NAMESPACE_NAME } : {}),
  });
}
