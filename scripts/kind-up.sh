#!/usr/bin/env bash
# kind-up.sh: Meshgate on a local kind cluster, synced by Argo CD from your fork.
#
# NOT EXERCISED ON A CLUSTER. The build machine has no Docker daemon, no cluster and no
# registry: the build runs this script with --dry-run (manifest-checks, KindUpDryRunTests),
# which covers every step before the first one that needs Docker, and nothing after it.
# The rest is written from the manifests in this repository and the upstream documentation
# of kind, Argo CD and Jib. Expect to fix a detail on its first real run, and please report
# it (docs/deploy.md).
#
# What it does, each step safe to repeat (an existing cluster, image, Secret or
# secrets.env is kept):
#   1. creates a kind cluster: one node for the small profile, one control-plane and two
#      workers for full;
#   2. starts cloud-provider-kind, so the ingress gateway's LoadBalancer Service gets an
#      address (without one Argo CD never reports istio-gateway Healthy, and the sync
#      waves after it never start);
#   3. installs Argo CD from its pinned install manifest, with the Application health
#      check the sync waves need (docs/deploy.md, "Before you start");
#   4. builds every service image with the Maven build's Jib configuration (root pom.xml,
#      profile images) into a tar file per module and loads it into the nodes;
#   5. creates the dev Secrets from every dev-secrets folder in git (secrets.env is
#      generated with random values when it does not exist yet, and never overwritten);
#   6. applies the bootstrap of the chosen profile (argocd/bootstrap/overlays/kind-small
#      or .../dev) with every repoURL pointing at your fork;
#   7. waits until every Argo CD Application is Synced and Healthy.
#
# --dry-run stops before step 1: it checks the arguments and tools, lists the images it
# would build, renders the bootstrap with your URL and every dev-secrets folder (with
# generated values, in a temporary folder), and prints what it would apply.
#
# Needs: docker (running), kind, kubectl, git, openssl, a JDK for ./mvnw, and network
# access to GitHub, Docker Hub and the Helm chart repositories. --dry-run needs neither
# docker nor kind.
set -euo pipefail

readonly PLACEHOLDER_URL="https://github.com/meshgate/meshgate.git"
readonly ARGOCD_VERSION="v3.3.14"
readonly CLOUD_PROVIDER_KIND_IMAGE="registry.k8s.io/cloud-provider-kind/cloud-controller-manager:v0.6.0"
# The Maven property a module sets to ship as an image (root pom.xml, docs/deploy.md).
readonly IMAGE_MODULE_MARKER="<meshgate.image.skip>false</meshgate.image.skip>"

cluster="meshgate"
repo_url=""
node_image=""
timeout_seconds=1800
skip_build=false
profile="small"
bootstrap=""
dry_run=false

usage() {
	cat <<EOF
Usage: scripts/kind-up.sh --repo-url <git URL of your fork> [options]

Brings up Meshgate (dev overlays) on a local kind cluster, synced by Argo CD from the
main branch of your fork. NOT exercised on the build machine: see the top of this file.

Options:
  --repo-url URL      git URL Argo CD syncs from (required). Your fork must already use
                      this URL in argocd/ (docs/deploy.md, "Repository URL"), committed
                      and pushed to main.
  --cluster NAME      kind cluster name (default: ${cluster})
  --node-image IMAGE  kind node image, e.g. kindest/node:v1.34.0 (default: kind's own;
                      Kubernetes 1.34 or later, docs/deploy.md)
  --timeout SECONDS   how long to wait for Argo CD to sync everything (default: ${timeout_seconds})
  --profile NAME      small (default): fits a laptop with 4 CPUs and 8 GiB for Docker;
                      no Elasticsearch, Kibana or log shipping, spans kept in memory.
                      full: the dev overlay as it is (docs/deploy.md, "Local cluster
                      with kind", says what each needs)
  --skip-build        do not build and load the service images again
  --dry-run           do everything that needs no Docker (checks, listing the images,
                      rendering the bootstrap and the dev Secrets into a temporary
                      folder), apply nothing
  -h, --help          show this help

Run it from anywhere inside the repository; it is safe to run again.
EOF
}

log() {
	printf '\n==> %s\n' "$*"
}

die() {
	printf 'kind-up: %s\n' "$*" >&2
	exit 1
}

parse_args() {
	while [[ $# -gt 0 ]]; do
		case "$1" in
			--repo-url) repo_url="${2:?--repo-url needs a value}"; shift 2 ;;
			--cluster) cluster="${2:?--cluster needs a value}"; shift 2 ;;
			--node-image) node_image="${2:?--node-image needs a value}"; shift 2 ;;
			--timeout) timeout_seconds="${2:?--timeout needs a value}"; shift 2 ;;
			--profile) profile="${2:?--profile needs a value}"; shift 2 ;;
			--skip-build) skip_build=true; shift ;;
			--dry-run) dry_run=true; shift ;;
			-h | --help) usage; exit 0 ;;
			*) usage >&2; die "unknown argument: $1" ;;
		esac
	done
	[[ -n "${repo_url}" ]] || { usage >&2; die "--repo-url is required"; }
	[[ "${timeout_seconds}" =~ ^[0-9]+$ ]] || die "--timeout takes a number of seconds"
	case "${profile}" in
		small) bootstrap="argocd/bootstrap/overlays/kind-small" ;;
		full) bootstrap="argocd/bootstrap/overlays/dev" ;;
		*) die "--profile is small or full, not ${profile}" ;;
	esac
}

preflight() {
	local tool tools=(kubectl git openssl)
	if [[ "${dry_run}" == false ]]; then
		tools+=(docker kind)
	fi
	for tool in "${tools[@]}"; do
		command -v "${tool}" >/dev/null || die "${tool} is needed and was not found on the PATH"
	done
	# Argo CD reads git, not this checkout: the fork must carry its own URL, or the root
	# Application would sync the placeholder back over what this script applies.
	if [[ "${repo_url}" != "${PLACEHOLDER_URL}" ]] && grep -rqF "${PLACEHOLDER_URL}" argocd; then
		die "argocd/ still names ${PLACEHOLDER_URL}. Replace it with ${repo_url} (docs/deploy.md,
  \"Repository URL\"), commit, push to main, and run this again."
	fi
	if [[ "${dry_run}" == true ]]; then
		return
	fi
	docker info >/dev/null 2>&1 || die "the Docker daemon is not reachable (is Docker running?)"
	git ls-remote --exit-code "${repo_url}" refs/heads/main >/dev/null \
		|| die "cannot read branch main of ${repo_url} (a private fork needs an Argo CD repository Secret too)"
}

create_cluster() {
	local nodes="  - role: control-plane"
	# The small profile runs on one node (scripts/kind-profiles.yaml); full has two workers.
	if [[ "${profile}" == full ]]; then
		nodes+=$'\n  - role: worker\n  - role: worker'
	fi
	if kind get clusters 2>/dev/null | grep -qx "${cluster}"; then
		log "kind cluster ${cluster} exists, keeping it"
	else
		log "creating kind cluster ${cluster} (profile ${profile})"
		local args=(create cluster --name "${cluster}" --wait 120s --config -)
		if [[ -n "${node_image}" ]]; then
			args+=(--image "${node_image}")
		fi
		kind "${args[@]}" <<EOF
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
${nodes}
EOF
	fi
	kubectl config use-context "kind-${cluster}" >/dev/null
}

start_load_balancer() {
	local name="cloud-provider-kind-${cluster}"
	if [[ -n "$(docker ps --quiet --filter "name=^${name}$")" ]]; then
		log "cloud-provider-kind is running"
		return
	fi
	log "starting cloud-provider-kind (LoadBalancer addresses for the ingress gateway)"
	docker rm --force "${name}" >/dev/null 2>&1 || true
	docker run --detach --name "${name}" --network kind \
		--volume /var/run/docker.sock:/var/run/docker.sock \
		"${CLOUD_PROVIDER_KIND_IMAGE}" >/dev/null
}

install_argocd() {
	log "installing Argo CD ${ARGOCD_VERSION}"
	kubectl create namespace argocd --dry-run=client --output yaml | kubectl apply --filename - >/dev/null
	kubectl apply --namespace argocd --server-side --force-conflicts \
		--filename "https://raw.githubusercontent.com/argoproj/argo-cd/${ARGOCD_VERSION}/manifests/install.yaml" >/dev/null
	# Sync waves between Applications only wait when Argo CD assesses their health.
	kubectl --namespace argocd patch configmap argocd-cm --type merge --patch-file /dev/stdin <<'EOF'
data:
  resource.customizations.health.argoproj.io_Application: |
    hs = {}
    hs.status = "Progressing"
    hs.message = ""
    if obj.status ~= nil and obj.status.health ~= nil then
      hs.status = obj.status.health.status
      if obj.status.health.message ~= nil then hs.message = obj.status.health.message end
    end
    return hs
EOF
	kubectl --namespace argocd rollout status statefulset/argocd-application-controller --timeout 300s
	kubectl --namespace argocd wait deployment --all --for condition=Available --timeout 300s
}

# Every module whose pom ships it as an image, as a path from the repository root.
image_modules() {
	git ls-files -- pom.xml '*/pom.xml' | xargs grep -lF "${IMAGE_MODULE_MARKER}" | xargs -n 1 dirname | sort
}

list_images() {
	local module
	log "would build with Jib (./mvnw -Pimages package jib:buildTar) and load into kind:"
	for module in $(image_modules); do
		printf '  meshgate/%s\n' "${module##*/}"
	done
}

# One Maven run builds every image: the images profile stages the OpenTelemetry agent,
# jib:buildTar writes <module>/target/jib-image.tar as docker.io/meshgate/<module>:<project
# version>, the image the manifests' meshgate/<module> names.
build_and_load_images() {
	local architecture module modules
	modules="$(image_modules)"
	# Jib builds for one platform; the kind nodes run on the host's architecture.
	case "$(uname -m)" in
		arm64 | aarch64) architecture="arm64" ;;
		*) architecture="amd64" ;;
	esac
	log "building the images with Jib (linux/${architecture})"
	# --also-make builds the in-repository libraries the services need in the same
	# reactor; Jib skips every module that does not ship an image.
	./mvnw --batch-mode --quiet -Pimages -DskipTests package jib:buildTar \
		--projects "$(paste -sd , - <<<"${modules}")" --also-make \
		-Dmeshgate.image.architecture="${architecture}"
	for module in ${modules}; do
		log "loading meshgate/${module##*/} into kind"
		kind load image-archive "${module}/target/jib-image.tar" --name "${cluster}"
	done
}

# Every dev-secrets folder in git (a kustomization with a secretGenerator and a committed
# secrets.env.example), whichever namespace it writes to.
dev_secrets_dirs() {
	git ls-files -- '*dev-secrets/kustomization.yaml' | xargs -n 1 dirname
}

# secrets.env from the example: a value written in the example is kept (e.g. Grafana's
# user name), an empty one gets a random value. Hex only: Redis reads its password from a
# configuration line (docs/deploy.md).
generate_secrets_env() {
	local example="$1" env="$2" key value
	(
		umask 077
		while IFS='=' read -r key value; do
			if [[ -n "${key}" && "${key}" != \#* ]]; then
				printf '%s=%s\n' "${key}" "${value:-$(openssl rand -hex 32)}"
			fi
		done <"${example}" >"${env}"
	)
}

# Every key of the example has a value in secrets.env.
check_secrets_env() {
	local example="$1" env="$2" key
	while IFS='=' read -r key _; do
		if [[ -n "${key}" && "${key}" != \#* ]] && ! grep -qE "^${key}=.+" "${env}"; then
			die "${env} has no value for ${key} (see ${example})"
		fi
	done <"${example}"
}

# Kind, namespace, name and data keys of each rendered object, one line each.
describe_secrets() {
	awk '
		function flush() { if (kind != "") printf "  %s %s/%s keys:%s\n", kind, namespace, name, keys }
		/^---/ { flush(); kind = ""; keys = ""; section = "" }
		/^kind:/ { kind = $2 }
		/^[a-z]/ { section = $1 }
		section == "data:" && /^  [^ ]/ { sub(":.*", "", $1); keys = keys " " $1 }
		section == "metadata:" && /^  name:/ { name = $2 }
		section == "metadata:" && /^  namespace:/ { namespace = $2 }
		END { flush() }'
}

create_dev_secrets() {
	local dir example env namespace scratch
	scratch="$(mktemp -d)"
	for dir in $(dev_secrets_dirs); do
		example="${dir}/secrets.env.example"
		env="${dir}/secrets.env"
		[[ -f "${example}" ]] || die "${dir} has no secrets.env.example"
		if [[ "${dry_run}" == true ]]; then
			# The same steps on a copy: the checkout's secrets.env stays as it is.
			mkdir -p "${scratch}/${dir}"
			cp "${dir}"/kustomization.yaml "${scratch}/${dir}/"
			env="${scratch}/${env}"
			generate_secrets_env "${example}" "${env}"
		elif [[ ! -f "${env}" ]]; then
			log "generating ${env} (random values; git-ignored, keep it: auth-service's signing keys need the same password again)"
			generate_secrets_env "${example}" "${env}"
		fi
		check_secrets_env "${example}" "${env}"
		namespace="$(awk '/^namespace:/ { print $2 }' "${dir}/kustomization.yaml")"
		[[ -n "${namespace}" ]] || die "${dir}/kustomization.yaml sets no namespace"
		if [[ "${dry_run}" == true ]]; then
			log "would apply ${dir}"
			kubectl kustomize "$(dirname "${env}")" | describe_secrets
		else
			log "applying ${dir}"
			kubectl create namespace "${namespace}" --dry-run=client --output yaml | kubectl apply --filename - >/dev/null
			kubectl apply --kustomize "${dir}"
		fi
	done
	rm -rf "${scratch}"
}

# "  <kind> <name>" for each object of a rendered YAML stream.
list_objects() {
	awk '/^kind:/ { kind = $2 } /^  name:/ && kind != "" { printf "  %s %s\n", kind, $2; kind = "" }'
}

render_bootstrap() {
	kubectl kustomize "${bootstrap}" | sed "s#${PLACEHOLDER_URL}#${repo_url}#g"
}

bootstrap_argocd() {
	local rendered children
	if [[ "${dry_run}" == true ]]; then
		rendered="$(render_bootstrap)"
		log "would apply ${bootstrap} for ${repo_url} (profile ${profile}):"
		list_objects <<<"${rendered}"
		# The root Application's source path: what Argo CD then creates, wave by wave.
		children="$(awk '/^    path:/ { print $2; exit }' <<<"${rendered}")"
		log "the root Application would then sync ${children}:"
		kubectl kustomize "${children}" | list_objects
		return
	fi
	log "applying ${bootstrap} for ${repo_url} (profile ${profile})"
	render_bootstrap | kubectl apply --server-side --force-conflicts --filename -
}

wait_for_sync() {
	local deadline=$((SECONDS + timeout_seconds)) status pending
	log "waiting up to ${timeout_seconds}s for every Application to be Synced and Healthy"
	while true; do
		status="$(kubectl --namespace argocd get applications.argoproj.io --output \
			jsonpath='{range .items[*]}{.metadata.name} {.status.sync.status} {.status.health.status}{"\n"}{end}')"
		pending="$(awk 'NF && !($2 == "Synced" && $3 == "Healthy")' <<<"${status}")"
		# The services ApplicationSet (wave 6) creates the service Applications last.
		if [[ -z "${pending}" ]] && grep -q '^api-gateway ' <<<"${status}"; then
			printf '%s\n' "${status}"
			return
		fi
		if ((SECONDS >= deadline)); then
			printf '%s\n' "${status}" >&2
			die "not everything synced in time; see: kubectl -n argocd get applications"
		fi
		sleep 15
	done
}

print_next_steps() {
	cat <<EOF

Meshgate is up on kind-${cluster} (profile ${profile}). Reach the ingress gateway through a
port-forward (cloud-provider-kind's addresses are not reachable from macOS or Windows hosts):
  kubectl -n istio-ingress port-forward svc/istio-ingressgateway 8443:443
  curl -k --resolve meshgate.dev.example:8443:127.0.0.1 \\
    https://meshgate.dev.example:8443/.well-known/openid-configuration
Argo CD: kubectl -n argocd port-forward svc/argocd-server 8080:443, user admin, password:
  kubectl -n argocd get secret argocd-initial-admin-secret -o jsonpath='{.data.password}' | base64 -d
Remove everything: kind delete cluster --name ${cluster} && docker rm -f cloud-provider-kind-${cluster}
EOF
}

main() {
	parse_args "$@"
	cd "$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)"
	preflight
	if [[ "${dry_run}" == true ]]; then
		if [[ "${skip_build}" == false ]]; then
			list_images
		fi
		create_dev_secrets
		bootstrap_argocd
		log "dry run complete: nothing was applied"
		return
	fi
	create_cluster
	start_load_balancer
	install_argocd
	if [[ "${skip_build}" == false ]]; then
		build_and_load_images
	fi
	create_dev_secrets
	bootstrap_argocd
	wait_for_sync
	print_next_steps
}

main "$@"
