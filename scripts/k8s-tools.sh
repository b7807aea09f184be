#!/usr/bin/env bash
# Makes sure the Kubernetes tooling the k8s scripts need is here, installing what is missing (idempotent, and
# quick when everything is installed):
#   - kubectl with its built-in kustomize v5+ (renders the overlays offline; no cluster needed);
#   - the npm project k8s/validate (kubernetes-models validators, yaml), installed with `npm ci` from its
#     package-lock.json whenever node_modules is missing or older than the lock file.
# Prints nothing but errors unless something is installed. Sourced or run: ./scripts/k8s-tools.sh
set -euo pipefail

K8S_TOOLS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
K8S_VALIDATE_DIR="$K8S_TOOLS_ROOT/k8s/validate"

k8s_tools_fail() { printf '[k8s] ERROR: %s\n' "$*" >&2; exit 1; }

# "v5.5.0" from `kubectl version --client`, empty if kubectl is missing
k8s_kustomize_version() {
  command -v kubectl >/dev/null 2>&1 || return 0
  kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: *v\{0,1\}\([0-9][0-9.]*\).*/\1/p'
}

k8s_kustomize_ok() {
  local v
  v=$(k8s_kustomize_version)
  [ -n "$v" ] && [ "${v%%.*}" -ge 5 ]
}

k8s_ensure_kubectl() {
  k8s_kustomize_ok && return 0
  [ "$(id -u)" = 0 ] || k8s_tools_fail "kubectl with kustomize v5+ is needed (apt-get install kubectl, as root)"
  printf '[k8s] installing kubectl from the system package manager\n'
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubectl >/dev/null 2>&1 \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubernetes-client >/dev/null 2>&1 || true
  k8s_kustomize_ok || k8s_tools_fail "no kubectl with kustomize v5+ after apt-get install (found: '$(k8s_kustomize_version)')"
}

k8s_ensure_npm_project() {
  command -v npm >/dev/null 2>&1 || k8s_tools_fail "Node.js and npm are needed for k8s/validate"
  local stamp="$K8S_VALIDATE_DIR/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ ! "$K8S_VALIDATE_DIR/package-lock.json" -nt "$stamp" ]; then return 0; fi
  printf '[k8s] installing k8s/validate (npm ci)\n'
  # engines say node >=22 for the kubernetes-models packages; they run on node 20 (checked), so only warn
  (cd "$K8S_VALIDATE_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
    || k8s_tools_fail "npm ci failed in k8s/validate"
}

k8s_ensure_tools() {
  k8s_ensure_kubectl
  k8s_ensure_npm_project
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  k8s_ensure_tools
  printf '[k8s] kubectl %s, kustomize v%s, k8s/validate installed\n' \
    "$(kubectl version --client 2>/dev/null | sed -n 's/^Client Version: *//p')" "$(k8s_kustomize_version)"
fi
