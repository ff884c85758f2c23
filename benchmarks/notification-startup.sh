#!/usr/bin/env bash
# notification-knative's start-up latency, which is what a Knative scale-from-zero
# delivery waits for: time from process start to the first 2xx answer to an event, for a
# plain `java -jar` and for the optimised start (JDK AOT cache from a training run,
# JEP 483/514, plus Spring AOT), both on JDK 25, in one run. Prints each start, the
# medians and the ratio optimised/plain (docs/notification.md has the last results).
#
#   benchmarks/notification-startup.sh          5 starts per variant
#   RUNS=9 benchmarks/notification-startup.sh
#
# Needs only the JDKs: PostgreSQL (embedded binaries) and an SMTP server (GreenMail) are
# started on loopback by the measuring program (StartupBenchmark, in the module's test
# classes), which stops everything it started; the whole run is bounded by a timeout.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
java25="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
runs="${RUNS:-5}"
timeout_seconds="${TIMEOUT_SECONDS:-1800}"
[ -x "$java25/bin/java" ] || { echo "no JDK 25 at $java25 (set JAVA25_HOME)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/notification-startup.XXXXXX")"
trap 'rm -rf "$work"' EXIT

cd "$root"
# Built on JDK 25 as the image runs it: Spring AOT fixes at build time what depends on the
# JVM (virtual threads) and on properties (see the aot profile in notification-knative/pom.xml).
echo "building notification-knative with -Paot on $("$java25/bin/java" -version 2>&1 | head -n 1)"
JAVA_HOME="$java25" ./mvnw -B -q -pl notification-knative -Paot -DskipTests package
JAVA_HOME="$java25" ./mvnw -B -q -pl notification-knative dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"

module="$root/notification-knative"
timeout --kill-after=30 "$timeout_seconds" "$java25/bin/java" \
  -cp "$module/target/test-classes:$(cat "$work/classpath.txt")" \
  io.meshgate.notification.benchmark.StartupBenchmark \
  "$java25/bin/java" "$module/target/notification-knative.jar" "$work/run" "$runs"
