// The kinds that fabric8 has no model for, mapped to the TypeScript declarations that npm
// packages generate from the upstream types (docs/adr/0002-manifest-validation.md).
// Key: "<apiVersion>/<kind>". The walker in validate-against-declarations.mjs reads this.
import type { IApplication } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application";
import type { IApplicationSet } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet";
import type { IAppProject } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject";
import type { ClusterSpec, ScheduledBackupSpec } from "@cdk8s-kit/crds/pg";
import type { IElasticsearch } from "@kubernetes-models/elastic-cloud/elasticsearch.k8s.elastic.co/v1/Elasticsearch";
import type { IKibana } from "@kubernetes-models/elastic-cloud/kibana.k8s.elastic.co/v1/Kibana";
import type { IKnativeEventing } from "@kubernetes-models/knative/operator.knative.dev/v1beta1/KnativeEventing";
import type { IKnativeServing } from "@kubernetes-models/knative/operator.knative.dev/v1beta1/KnativeServing";

export interface Kinds {
  "argoproj.io/v1alpha1/Application": IApplication;
  "argoproj.io/v1alpha1/ApplicationSet": IApplicationSet;
  "argoproj.io/v1alpha1/AppProject": IAppProject;
  "postgresql.cnpg.io/v1/Cluster": { spec: ClusterSpec };
  "postgresql.cnpg.io/v1/ScheduledBackup": { spec: ScheduledBackupSpec };
  "elasticsearch.k8s.elastic.co/v1/Elasticsearch": IElasticsearch;
  "kibana.k8s.elastic.co/v1/Kibana": IKibana;
  // spec.config is declared as ConfigMap name -> key -> string: any ConfigMap and key of
  // the Knative release is accepted, a value that is not a string is not.
  "operator.knative.dev/v1beta1/KnativeServing": IKnativeServing;
  "operator.knative.dev/v1beta1/KnativeEventing": IKnativeEventing;
}
