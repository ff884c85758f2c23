#!/bin/sh
# Installs Meshgate's log retention, mapping, Kibana objects and the read-only role
# meshgate-logs-reader for developers (job-logging-setup.yaml, docs/security.md).
# curl retries while Elasticsearch or Kibana is still starting.
set -eu

call() {
  ca="$1"
  shift
  curl --fail-with-body --silent --show-error --retry 60 --retry-delay 10 --retry-all-errors \
    --cacert "$ca" --user "elastic:${ELASTIC_PASSWORD}" "$@"
  echo
}

call /certs/es/ca.crt -X PUT "${ES_URL}/_ilm/policy/meshgate-logs" \
  -H 'Content-Type: application/json' --data-binary @/setup/ilm-policy.json
call /certs/es/ca.crt -X PUT "${ES_URL}/_index_template/meshgate-logs" \
  -H 'Content-Type: application/json' --data-binary @/setup/index-template.json
call /certs/kibana/ca.crt -X POST "${KIBANA_URL}/api/saved_objects/_import?overwrite=true" \
  -H 'kbn-xsrf: true' --form file=@/setup/kibana-saved-objects.ndjson
# Kibana's role API (PUT creates or replaces) rather than Elasticsearch's: only Kibana knows
# how its base privilege "read" maps to application privileges.
call /certs/kibana/ca.crt -X PUT "${KIBANA_URL}/api/security/role/meshgate-logs-reader" \
  -H 'kbn-xsrf: true' -H 'Content-Type: application/json' \
  --data-binary @/setup/kibana-role-meshgate-logs-reader.json
