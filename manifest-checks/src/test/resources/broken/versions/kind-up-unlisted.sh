#!/usr/bin/env bash
# Broken sample: Argo CD pinned at a release docs/versions.md does not list.
set -euo pipefail
readonly ARGOCD_VERSION="v3.2.0"
readonly JIB_FROM_IMAGE="eclipse-temurin:25-jre"
readonly IMAGE_VERSION="0.1.0"
echo "https://raw.githubusercontent.com/argoproj/argo-cd/${ARGOCD_VERSION}/manifests/install.yaml"
echo "meshgate/api-gateway:${IMAGE_VERSION}"
