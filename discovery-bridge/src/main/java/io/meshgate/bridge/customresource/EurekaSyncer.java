package io.meshgate.bridge.customresource;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One bridge between a Eureka application and Kubernetes: either a Service's endpoints
 * registered in Eureka ({@code export}) or a Eureka application made reachable by name
 * inside the mesh ({@code import}). The CRD is generated from this class at build time.
 */
@Group(EurekaSyncer.GROUP)
@Version("v1alpha1")
@ShortNames("eurekasync")
@AdditionalPrinterColumn(name = "Direction", jsonPath = ".spec.direction", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "App", jsonPath = ".spec.appName", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Instances", jsonPath = ".status.instances",
		type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Synced", jsonPath = ".status.conditions[?(@.type==\"Synced\")].status",
		type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
		type = AdditionalPrinterColumn.Type.DATE)
public class EurekaSyncer extends CustomResource<EurekaSyncerSpec, EurekaSyncerStatus> implements Namespaced {

	public static final String GROUP = "discovery.meshgate.io";

}
