package io.meshgate.bridge.reconciler;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.fabric8.istio.api.networking.v1.ServiceEntry;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.meshgate.bridge.customresource.EurekaSyncer;
import io.meshgate.bridge.customresource.EurekaSyncerSpec;
import io.meshgate.bridge.customresource.PendingCancellation;
import io.meshgate.bridge.eureka.EurekaClient;
import io.meshgate.bridge.eureka.EurekaException;
import io.meshgate.bridge.eureka.EurekaInstance;
import io.meshgate.bridge.reconciler.Conditions.Outcome;
import io.meshgate.bridge.reconciler.ExportTargets.Targets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles {@link EurekaSyncer}s. An export pass registers the wanted instances and
 * renews their leases; the pass is rescheduled every renewal interval, and Services,
 * EndpointSlices and Pods trigger one as soon as they change. An import pass writes the
 * ServiceEntry and is rescheduled every poll interval. Failures go through
 * {@link #updateErrorStatus} and are retried with backoff, without limit: Eureka coming
 * back is enough to recover.
 */
@ControllerConfiguration(name = EurekaSyncerReconciler.NAME)
public class EurekaSyncerReconciler implements Reconciler<EurekaSyncer>, Cleaner<EurekaSyncer> {

	public static final String NAME = "eurekasyncer";

	static final String INVALID_SPEC = "InvalidSpec";

	private static final Logger log = LoggerFactory.getLogger(EurekaSyncerReconciler.class);

	private final EurekaClient eureka;

	private final EurekaExport export;

	private final TargetChanges targetChanges;

	private final Conditions conditions;

	private final SyncerEvents events;

	private final SyncerMetrics metrics;

	private final String clusterDomain;

	private ExportTargets targets;

	private MeshImport meshImport;

	public EurekaSyncerReconciler(EurekaClient eureka, SyncerEvents events, SyncerMetrics metrics,
			String clusterDomain) {
		this.eureka = eureka;
		this.export = new EurekaExport(eureka);
		this.targetChanges = new TargetChanges(this.export, events);
		this.conditions = new Conditions(events);
		this.events = events;
		this.metrics = metrics;
		this.clusterDomain = clusterDomain;
	}

	@Override
	public List<EventSource<?, EurekaSyncer>> prepareEventSources(EventSourceContext<EurekaSyncer> context) {
		InformerEventSource<Service, EurekaSyncer> services = new InformerEventSource<>(
				InformerEventSourceConfiguration.from(Service.class, EurekaSyncer.class)
					.withSecondaryToPrimaryMapper(byServiceName(context, (service) -> service.getMetadata().getName()))
					.build(),
				context);
		InformerEventSource<EndpointSlice, EurekaSyncer> slices = new InformerEventSource<>(
				InformerEventSourceConfiguration.from(EndpointSlice.class, EurekaSyncer.class)
					.withLabelSelector(ExportTargets.SERVICE_NAME_LABEL)
					.withSecondaryToPrimaryMapper(byServiceName(context,
							(slice) -> slice.getMetadata().getLabels().get(ExportTargets.SERVICE_NAME_LABEL)))
					.build(),
				context);
		InformerEventSource<Pod, EurekaSyncer> pods = new InformerEventSource<>(
				InformerEventSourceConfiguration.from(Pod.class, EurekaSyncer.class)
					.withSecondaryToPrimaryMapper(bySelector(context))
					.build(),
				context);
		// Owner references map a ServiceEntry back to its syncer: edited or deleted by
		// someone else, it is written again.
		InformerEventSource<ServiceEntry, EurekaSyncer> serviceEntries = new InformerEventSource<>(
				InformerEventSourceConfiguration.from(ServiceEntry.class, EurekaSyncer.class).build(), context);
		this.targets = new ExportTargets(services, slices, pods, this.clusterDomain);
		this.meshImport = new MeshImport(this.eureka, context.getClient(), serviceEntries);
		return List.of(services, slices, pods, serviceEntries);
	}

	@Override
	public UpdateControl<EurekaSyncer> reconcile(EurekaSyncer syncer, Context<EurekaSyncer> context) {
		Optional<String> problems = SpecValidation.problems(syncer.getSpec());
		if (problems.isPresent()) {
			Outcome invalid = Outcome.failed(INVALID_SPEC, problems.get());
			this.conditions.update(syncer, invalid, invalid, null, false);
			this.metrics.failure(INVALID_SPEC);
			// No reschedule: nothing changes until the spec does, which triggers a pass.
			return UpdateControl.patchStatus(syncer);
		}
		return syncer.getSpec().isExport() ? export(syncer) : importIntoMesh(syncer);
	}

	private UpdateControl<EurekaSyncer> export(EurekaSyncer syncer) {
		EurekaSyncerSpec spec = syncer.getSpec();
		Owner owner = Owner.of(syncer);
		List<PendingCancellation> pending = this.targetChanges.cancel(syncer,
				TargetChanges.left(syncer, Instant.now()));
		Targets wanted = this.targets.of(syncer);
		URI server = this.export.sync(servers(spec), spec.appName(), owner, wanted.instances());
		int count = wanted.instances().size();
		long up = wanted.instances().stream().filter(EurekaInstance::isUp).count();
		Outcome ready = wanted.sourceFound() ? Outcome.ok("Ready", "exports " + source(syncer))
				: Outcome.failed(wanted.missingReason(), wanted.missingMessage());
		Outcome synced = Outcome.ok("Registered", count + " instance(s) registered as "
				+ spec.appName().toUpperCase(Locale.ROOT) + " at " + server + ", " + up + " UP");
		this.conditions.update(syncer, ready, synced, count, true);
		// Recorded only once the pass has succeeded: after a failure, the next pass still
		// finds the target it must cancel at.
		syncer.setStatus(syncer.getStatus().withExport(spec.exportTarget(), pending));
		this.metrics.instances(owner, spec.direction(), count);
		return UpdateControl.patchStatus(syncer)
			.rescheduleAfter(Duration.ofSeconds(spec.effectiveLease().renewalInterval()));
	}

	private UpdateControl<EurekaSyncer> importIntoMesh(EurekaSyncer syncer) {
		EurekaSyncerSpec spec = syncer.getSpec();
		int count = this.meshImport.sync(syncer, servers(spec));
		Outcome ready = Outcome.ok("Ready",
				"imports " + spec.appName().toUpperCase(Locale.ROOT) + " as " + spec.host() + ":" + spec.importPort());
		Outcome synced = Outcome.ok("Imported", count + " UP instance(s) imported into ServiceEntry "
				+ syncer.getMetadata().getNamespace() + "/" + syncer.getMetadata().getName());
		this.conditions.update(syncer, ready, synced, count, true);
		this.metrics.instances(Owner.of(syncer), spec.direction(), count);
		return UpdateControl.patchStatus(syncer).rescheduleAfter(Duration.ofSeconds(spec.pollInterval()));
	}

	@Override
	public ErrorStatusUpdateControl<EurekaSyncer> updateErrorStatus(EurekaSyncer syncer, Context<EurekaSyncer> context,
			Exception ex) {
		String reason = reasonOf(ex);
		String message = firstLine(ex);
		log.warn("Sync of EurekaSyncer {}/{} failed ({}): {}", syncer.getMetadata().getNamespace(),
				syncer.getMetadata().getName(), reason, message);
		this.conditions.update(syncer, Conditions.previousReady(syncer), Outcome.failed(reason, message), null, false);
		this.metrics.failure(reason);
		// The status is written and the retry goes on with its backoff.
		return ErrorStatusUpdateControl.patchStatus(syncer);
	}

	@Override
	public DeleteControl cleanup(EurekaSyncer syncer, Context<EurekaSyncer> context) {
		Owner owner = Owner.of(syncer);
		this.metrics.forget(owner);
		EurekaSyncerSpec spec = syncer.getSpec();
		if (SpecValidation.problems(spec).isPresent()) {
			// Nothing is renewed under an invalid spec: what a valid one registered
			// before
			// expires in Eureka on its own.
			return DeleteControl.defaultDelete();
		}
		if (!spec.isExport()) {
			this.meshImport.delete(syncer);
			return DeleteControl.defaultDelete();
		}
		// Nobody renews the leases once deletion has begun: a lease duration later Eureka
		// has evicted the instances, wherever they are.
		Instant deletion = Instant.parse(syncer.getMetadata().getDeletionTimestamp());
		List<PendingCancellation> targets = new ArrayList<>(TargetChanges.left(syncer, deletion));
		targets.add(PendingCancellation.of(spec.exportTarget(), deletion));
		List<PendingCancellation> pending = this.targetChanges.cancel(syncer, targets);
		if (!pending.isEmpty()) {
			// The finalizer stays; JOSDK retries the cleanup with backoff.
			throw new IllegalStateException("Eureka did not cancel the instances under " + pending.stream()
				.map((left) -> left.target().appName() + " at " + left.target().eurekaUrls())
				.toList() + " yet");
		}
		return DeleteControl.defaultDelete();
	}

	private static String source(EurekaSyncer syncer) {
		EurekaSyncerSpec spec = syncer.getSpec();
		String namespace = syncer.getMetadata().getNamespace();
		return (spec.service() != null)
				? "Service " + namespace + "/" + spec.service() + " (mode " + spec.effectiveMode() + ")"
				: "pods of " + namespace + " matching " + spec.selector();
	}

	private static List<URI> servers(EurekaSyncerSpec spec) {
		return spec.eurekaUrls().stream().map(URI::create).toList();
	}

	static String reasonOf(Throwable ex) {
		Throwable cause = knownCause(ex);
		if (cause instanceof EurekaException eureka) {
			return eureka.unreachable() ? "EurekaUnreachable" : "EurekaRejected";
		}
		return (cause instanceof KubernetesClientException) ? "KubernetesApiError" : "SyncFailed";
	}

	/** JOSDK wraps what the reconciler throws; the condition names the original. */
	private static Throwable knownCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof EurekaException || cause instanceof KubernetesClientException) {
				return cause;
			}
		}
		return ex;
	}

	private static String firstLine(Throwable thrown) {
		Throwable ex = knownCause(thrown);
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		return message.lines().findFirst().orElse(message);
	}

	private static <R extends HasMetadata> SecondaryToPrimaryMapper<R> byServiceName(
			EventSourceContext<EurekaSyncer> context, Function<R, String> serviceName) {
		return (resource) -> {
			String name = serviceName.apply(resource);
			return syncers(context, resource, (syncer) -> name != null && name.equals(syncer.getSpec().service()));
		};
	}

	private static SecondaryToPrimaryMapper<Pod> bySelector(EventSourceContext<EurekaSyncer> context) {
		return (pod) -> syncers(context, pod, (syncer) -> ExportTargets.matches(syncer.getSpec().selector(), pod));
	}

	private static Set<ResourceID> syncers(EventSourceContext<EurekaSyncer> context, HasMetadata resource,
			Predicate<EurekaSyncer> wants) {
		return context.getPrimaryCache()
			.list(resource.getMetadata().getNamespace(),
					(syncer) -> syncer.getSpec() != null && EurekaSyncerSpec.EXPORT.equals(syncer.getSpec().direction())
							&& wants.test(syncer))
			.map(ResourceID::fromResource)
			.collect(Collectors.toSet());
	}

}
