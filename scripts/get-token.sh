#!/usr/bin/env bash
# Gets an access token for a person, the way a command-line client should: authorization
# code + PKCE (S256) with the loopback redirect that the `meshgate-cli` client is
# registered for (RFC 8252). Needs curl and openssl.
#
#   scripts/get-token.sh url           prints the URL to open in a browser
#   scripts/get-token.sh exchange URL  exchanges the URL the browser ended on for tokens
#
# The browser ends on http://127.0.0.1:53682/callback?code=... where nothing listens:
# copy that URL from the address bar. The PKCE verifier waits in between in a file only
# you can read. MESHGATE_ISSUER selects the server (default: the local platform's gateway,
# https://localhost:8443); the local platform's self-signed certificate is trusted for an
# issuer on localhost. MESHGATE_CACERT names a CA file to trust instead (dev's self-signed
# certificate on a cluster, say).
set -euo pipefail

issuer="${MESHGATE_ISSUER:-https://localhost:8443}"
issuer="${issuer%/}"
# The certificate in .local/tls is the local platform's, which serves localhost only:
# handing it to curl for another issuer would make curl distrust that issuer's own.
curl_tls=()
if [ -n "${MESHGATE_CACERT:-}" ]; then
  [ -r "$MESHGATE_CACERT" ] || { echo "MESHGATE_CACERT: cannot read $MESHGATE_CACERT" >&2; exit 1; }
  curl_tls=(--cacert "$MESHGATE_CACERT")
else
  case "$issuer" in
    https://localhost | https://localhost:*)
      local_ca="$(cd "$(dirname "$0")/.." && pwd)/.local/tls/gateway.pem"
      if [ -r "$local_ca" ]; then curl_tls=(--cacert "$local_ca"); fi
      ;;
  esac
fi
redirect_uri="http://127.0.0.1:53682/callback"
state_dir="${XDG_RUNTIME_DIR:-${TMPDIR:-/tmp}}/meshgate-get-token-$(id -u)"

base64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

case "${1:-}" in
  url)
    umask 077
    mkdir -p "$state_dir"
    verifier=$(openssl rand 48 | base64url)
    state=$(openssl rand 16 | base64url)
    challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64url)
    printf '%s\n' "$verifier" >"$state_dir/verifier"
    printf '%s\n' "$state" >"$state_dir/state"
    printf '%s/oauth2/authorize?response_type=code&client_id=meshgate-cli&redirect_uri=%s&scope=%s&state=%s&code_challenge=%s&code_challenge_method=S256\n' \
      "$issuer" "$redirect_uri" "openid%20profile%20email%20products.write%20reviews.write" "$state" "$challenge"
    ;;
  exchange)
    url="${2:?usage: $0 exchange URL-the-browser-ended-on}"
    [ -r "$state_dir/verifier" ] || { echo "run '$0 url' first" >&2; exit 1; }
    query="${url#*\?}"
    param() { printf '%s' "$query" | tr '&' '\n' | sed -n "s/^$1=//p" | head -n 1; }
    if [ -n "$(param error)" ]; then
      echo "authorization failed: $(param error)" >&2
      exit 1
    fi
    [ "$(param state)" = "$(cat "$state_dir/state")" ] || { echo "state mismatch: not the request this script started" >&2; exit 1; }
    # The status on a line of its own after the body, instead of --fail-with-body (curl
    # 7.76 or later); "${a[@]+...}" because bash 3.2 (macOS) calls an empty array unset.
    response=$(curl --silent --show-error --write-out '\n%{http_code}' ${curl_tls[@]+"${curl_tls[@]}"} \
      "$issuer/oauth2/token" \
      --data-urlencode grant_type=authorization_code \
      --data-urlencode client_id=meshgate-cli \
      --data-urlencode "redirect_uri=$redirect_uri" \
      --data-urlencode "code=$(param code)" \
      --data-urlencode "code_verifier=$(cat "$state_dir/verifier")")
    status="${response##*$'\n'}"
    body="${response%$'\n'*}"
    if [ "$status" != 200 ]; then
      printf 'token request failed with HTTP %s: %s\n' "$status" "$body" >&2
      exit 1
    fi
    printf '%s\n' "$body"
    rm -f "$state_dir/verifier" "$state_dir/state"
    ;;
  *)
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
