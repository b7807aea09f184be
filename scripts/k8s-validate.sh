#!/usr/bin/env bash
# Validates the Kubernetes manifests (the k8s step of ./platform test; docs/decisions/0007):
#   1. tools: kubectl (its kustomize renders offline) and k8s/validate (npm ci), installed if missing;
#   2. no drift: k8s/base/services/*.yml are exactly what the last build generated into
#      <module>/target/kubernetes/kubernetes.yml, and the realm import matches infra/keycloak/bpo-realm.json;
#   3. every overlay renders (kubectl kustomize) and every object is valid against its published schema
#      (kubernetes-models; CloudNativePG and Prometheus Operator models); the prod overlay holds no Secret;
#   4. one source of truth, tested: a copy of the gateway whose application.properties differs by one
#      quarkus.kubernetes.* value is built, its manifest goes through scripts/k8s-base.sh, and the rendered prod
#      overlay must differ from the committed one by exactly that value.
# Needs the modules packaged (./mvnw package, or verify); writes the renderings to .run/k8s/<overlay>.yaml.
#
#   scripts/k8s-validate.sh [--skip-build-test]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/k8s-tools.sh
. "$ROOT/scripts/k8s-tools.sh"

OVERLAYS=(dev prod)
OUT_DIR="$ROOT/.run/k8s"
BUILD_TEST=true
for arg in "$@"; do
  case $arg in
    --skip-build-test) BUILD_TEST=false ;;
    *) echo "unknown option: $arg (known: --skip-build-test)" >&2; exit 2 ;;
  esac
done

say() { printf '[k8s] %s\n' "$*"; }
start=$SECONDS

k8s_ensure_tools
say "tools: kubectl $(kubectl version --client 2>/dev/null | sed -n 's/^Client Version: *//p'), kustomize v$(k8s_kustomize_version), node $(node --version)"

"$ROOT/scripts/k8s-base.sh" --check

mkdir -p "$OUT_DIR"
for overlay in "${OVERLAYS[@]}"; do
  kubectl kustomize "$ROOT/k8s/overlays/$overlay" >"$OUT_DIR/$overlay.yaml" \
    || k8s_tools_fail "kubectl kustomize k8s/overlays/$overlay failed"
  flags=()
  [ "$overlay" = prod ] && flags+=(--no-secrets)
  node "$K8S_VALIDATE_DIR/validate.mjs" "${flags[@]}" "$overlay" "$OUT_DIR/$overlay.yaml" \
    || k8s_tools_fail "k8s/overlays/$overlay: invalid manifests (rendering: ${OUT_DIR#"$ROOT"/}/$overlay.yaml)"
done

# ---------------------------------------------------------------- 4. one source of truth
# A copy of the gateway and of the parent pom builds alone once the modules of the reactor it depends on,
# platform-core and token-cache, are in the local Maven repository (installed here from this tree: `verify` installs nothing, and a
# fresh machine has no earlier copy); its compiled classes are copied with their timestamps, so Maven only re-runs
# resources and the Quarkus build.
source_of_truth_test() {
  local key=quarkus.kubernetes.startup-probe.failure-threshold tmp props old new m
  tmp=$(mktemp -d)
  # shellcheck disable=SC2064 # expand now
  trap "rm -rf '$tmp'" RETURN
  mkdir -p "$tmp/tree/gateway" "$tmp/from"
  cp "$ROOT/pom.xml" "$tmp/tree/"
  cp -r "$ROOT/gateway/pom.xml" "$ROOT/gateway/src" "$tmp/tree/gateway/"
  if [ -d "$ROOT/gateway/target/classes" ]; then
    mkdir -p "$tmp/tree/gateway/target" && cp -a "$ROOT/gateway/target/classes" "$tmp/tree/gateway/target/"
  fi
  props="$tmp/tree/gateway/src/main/resources/application.properties"
  old=$(sed -n "s/^$key=//p" "$props")
  [[ "$old" =~ ^[0-9]+$ ]] || k8s_tools_fail "source-of-truth test: $key not found in gateway's application.properties"
  new=$((old + 1))
  sed -i "s/^$key=.*/$key=$new/" "$props"
  say "source of truth: installing platform-core and token-cache (the gateway's reactor dependencies) into the local Maven repository"
  if ! "$ROOT/mvnw" -B -q -o -f "$ROOT/pom.xml" -pl platform-core,token-cache -am install -DskipTests >"$tmp/install.log" 2>&1 \
     && ! "$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" -pl platform-core,token-cache -am install -DskipTests >"$tmp/install.log" 2>&1; then
    tail -n 40 "$tmp/install.log" >&2
    k8s_tools_fail "source-of-truth test: platform-core and token-cache could not be installed"
  fi
  say "source of truth: building a copy of the gateway with $key=$new (was $old)"
  if ! "$ROOT/mvnw" -B -q -o -f "$tmp/tree/gateway/pom.xml" package -DskipTests >"$tmp/build.log" 2>&1 \
     && ! "$ROOT/mvnw" -B -q -f "$tmp/tree/gateway/pom.xml" package -DskipTests >"$tmp/build.log" 2>&1; then
    tail -n 40 "$tmp/build.log" >&2
    k8s_tools_fail "source-of-truth test: the gateway copy did not build"
  fi
  for m in contracts-service knowledge-service reporting-service notifications-service people-service portal; do ln -s "$ROOT/$m" "$tmp/from/$m"; done
  ln -s "$tmp/tree/gateway" "$tmp/from/gateway"
  mkdir -p "$tmp/k8s"
  (cd "$ROOT/k8s" && tar --exclude=./validate -cf - .) | tar -xf - -C "$tmp/k8s"
  "$ROOT/scripts/k8s-base.sh" --from "$tmp/from" --out "$tmp/k8s" >/dev/null
  kubectl kustomize "$tmp/k8s/overlays/prod" >"$tmp/prod.yaml"
  diff "$OUT_DIR/prod.yaml" "$tmp/prod.yaml" | grep '^[<>]' >"$tmp/diff" || true
  if [ "$(wc -l <"$tmp/diff")" -ne 2 ] \
     || ! grep -qx "< *failureThreshold: $old" "$tmp/diff" || ! grep -qx "> *failureThreshold: $new" "$tmp/diff"; then
    printf 'expected exactly: failureThreshold %s -> %s; the rendered prod overlay changed by:\n' "$old" "$new" >&2
    head -n 20 "$tmp/diff" >&2
    k8s_tools_fail "source-of-truth test: a config key change did not show up as exactly that change"
  fi
  say "source of truth: changing $key in application.properties changed exactly the rendered gateway Deployment's failureThreshold ($old -> $new)"
}

if $BUILD_TEST; then source_of_truth_test; else say "source-of-truth build test: skipped (--skip-build-test)"; fi

say "all overlays valid ($((SECONDS - start)) s)"
