// The kubernetes-models class for each apiVersion/kind the manifests may contain. A kind missing
// here fails the tests: a new kind (or a CRD) is added on purpose, not by accident.
import path from "node:path";
import { Deployment, DaemonSet, StatefulSet } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Job } from "kubernetes-models/batch/v1";
import { Ingress, NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ClusterRole, ClusterRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1";
import { ConfigMap, Namespace, Secret, Service, ServiceAccount } from "kubernetes-models/v1";
import { loadCrd, schemaOf, validateAgainst } from "./crd-schema.ts";
import type { SchemaNode } from "./crd-schema.ts";
import { K8S_DIR } from "./manifests-render.ts";
import type { K8sObject } from "./manifests-render.ts";

interface Validatable {
  validate(): void;
}

let alertSpecSchema: SchemaNode | undefined;

/** coralogix-operator's Alert (k8s/alerts): its spec against the vendored CRD's schema. */
function coralogixAlert(object: K8sObject): Validatable {
  return {
    validate() {
      alertSpecSchema ??= schemaOf(
        loadCrd(path.join(K8S_DIR, "test/crds/coralogix.com_alerts.yaml")),
        "v1beta1",
      ).properties?.spec;
      if (!alertSpecSchema) throw new Error("the Alert CRD has no spec schema");
      const problems = validateAgainst(alertSpecSchema, object.spec);
      if (problems.length > 0) throw new Error(problems.join("\n"));
    },
  };
}

const MODELS: Record<string, (object: K8sObject) => Validatable> = {
  "v1/Namespace": (object) => new Namespace(object),
  "v1/ConfigMap": (object) => new ConfigMap(object),
  "v1/Secret": (object) => new Secret(object),
  "v1/Service": (object) => new Service(object),
  "v1/ServiceAccount": (object) => new ServiceAccount(object),
  "apps/v1/Deployment": (object) => new Deployment(object),
  "apps/v1/StatefulSet": (object) => new StatefulSet(object),
  "apps/v1/DaemonSet": (object) => new DaemonSet(object),
  "batch/v1/Job": (object) => new Job(object),
  "autoscaling/v2/HorizontalPodAutoscaler": (object) => new HorizontalPodAutoscaler(object as never),
  "policy/v1/PodDisruptionBudget": (object) => new PodDisruptionBudget(object),
  "networking.k8s.io/v1/NetworkPolicy": (object) => new NetworkPolicy(object),
  "networking.k8s.io/v1/Ingress": (object) => new Ingress(object),
  "rbac.authorization.k8s.io/v1/ClusterRole": (object) => new ClusterRole(object),
  "rbac.authorization.k8s.io/v1/ClusterRoleBinding": (object) => new ClusterRoleBinding(object as never),
  "coralogix.com/v1beta1/Alert": coralogixAlert,
};

/** Throws when the object's kind is unknown here or the object breaks its Kubernetes schema. */
export function validateObject(object: K8sObject): void {
  const model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!model) {
    throw new Error(
      `${object.apiVersion} ${object.kind} ${object.metadata.name}: not a kind the manifests are expected to ` +
        "contain (add its kubernetes-models class to test/manifests-models.ts if it is meant to be there)",
    );
  }
  model(object).validate();
}
