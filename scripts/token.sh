#!/usr/bin/env bash
# Prints an access token of the local Keycloak (realm bpo), or its decoded claims.
#
#   scripts/token.sh alice              access token of a demo user (password grant, client bpo-portal)
#   scripts/token.sh ingest-acme        access token of the machine client (client credentials)
#   scripts/token.sh alice --claims     the token's payload, decoded (JSON)
#
#   TOKEN=$(scripts/token.sh alice); curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/v1/clients
#
# Demo passwords equal user names and ingest-acme's secret is ingest-acme-secret: development only.
set -euo pipefail

KEYCLOAK_URL=${KEYCLOAK_URL:-http://localhost:8180}
TOKEN_URL="$KEYCLOAK_URL/realms/bpo/protocol/openid-connect/token"

[ $# -ge 1 ] || { sed -n '2,10s/^# \{0,1\}//p' "$0"; exit 1; }
who=$1
claims=false
[ "${2:-}" = --claims ] && claims=true

case $who in
  ingest-acme)
    response=$(curl -sS -d grant_type=client_credentials -d client_id=ingest-acme \
      -d client_secret="${INGEST_ACME_SECRET:-ingest-acme-secret}" "$TOKEN_URL") ;;
  *)
    response=$(curl -sS -d grant_type=password -d client_id=bpo-portal \
      -d username="$who" -d password="${PASSWORD:-$who}" -d scope=openid "$TOKEN_URL") ;;
esac

token=$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' <<<"$response")
[ -n "$token" ] || { echo "no token for $who from $TOKEN_URL: $response" >&2; exit 1; }

if $claims; then
  payload=$(cut -d. -f2 <<<"$token" | tr '_-' '/+')
  case $(( ${#payload} % 4 )) in 2) payload+="==" ;; 3) payload+="=" ;; esac
  if command -v jq >/dev/null 2>&1; then base64 -d <<<"$payload" | jq .; else base64 -d <<<"$payload"; echo; fi
else
  echo "$token"
fi
