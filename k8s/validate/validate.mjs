// Validates rendered manifests (the output of `kubectl kustomize k8s/overlays/<name>`) against published schemas:
//   - Kubernetes built-in kinds: kubernetes-models (generated from the Kubernetes OpenAPI document);
//   - CloudNativePG (postgresql.cnpg.io): @kubernetes-models/cloudnative-pg (generated from CloudNativePG's API types);
//   - Prometheus Operator (monitoring.coreos.com): @kubernetes-models/prometheus-operator.
// A kind that no installed package describes fails the run, except the Keycloak operator's kinds, for which no
// registry reachable here publishes a schema (see docs/decisions/0007): those get their metadata checked and are
// listed as such. The validators check types, required fields, enums and formats; like the API server's
// non-strict mode, they do not reject unknown fields.
//
//   node validate.mjs [--no-secrets] <overlay-name> <rendered.yaml>
//   --no-secrets   fail if the rendering contains a Secret (the prod overlay must carry no secret value)
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { ObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";

const args = process.argv.slice(2);
const noSecrets = args.includes("--no-secrets");
const [overlay, file] = args.filter((a) => !a.startsWith("--"));
if (!overlay || !file) {
  console.error("usage: node validate.mjs [--no-secrets] <overlay-name> <rendered.yaml>");
  process.exit(2);
}

// apiVersion group -> the package whose models describe it
const THIRD_PARTY = {
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};
// Published nowhere we can install from (the Keycloak operator ships its CRDs only with its GitHub releases).
const NO_PUBLISHED_SCHEMA = new Set(["k8s.keycloak.org"]);

function modulePath(apiVersion, kind) {
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  if (group === "") return `kubernetes-models/${apiVersion}/${kind}`; // core group: "v1"
  if (THIRD_PARTY[group]) return `${THIRD_PARTY[group]}/${apiVersion}/${kind}`;
  if (!group.includes(".") || group.endsWith(".k8s.io")) return `kubernetes-models/${apiVersion}/${kind}`;
  return null;
}

// kustomize's secretGenerator wraps base64 values longer than 70 characters over several lines (a YAML block
// scalar); the API server decodes them with Go's encoding/base64, which ignores \r and \n. The schema's "byte"
// format does not, so line breaks are removed before validation, and only they: anything else stays invalid.
function apiServerView(obj) {
  const data = obj.apiVersion === "v1" && obj.kind === "Secret" ? obj.data : null;
  if (data == null || typeof data !== "object") return obj;
  const unwrapped = Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, typeof v === "string" ? v.replace(/[\r\n]/g, "") : v]));
  return { ...obj, data: unwrapped };
}

const docs = parseAllDocuments(readFileSync(file, "utf8"));
const failures = [];
const counts = new Map();
const unvalidated = [];

for (const doc of docs) {
  if (doc.errors.length > 0) {
    failures.push(`YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
    continue;
  }
  const obj = doc.toJS();
  if (obj == null) continue;
  const id = `${obj.kind ?? "?"} ${obj.metadata?.name ?? "?"}`;
  if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
    failures.push(`${id}: apiVersion and kind are required`);
    continue;
  }
  if (noSecrets && obj.apiVersion === "v1" && obj.kind === "Secret") {
    failures.push(`${id}: the ${overlay} overlay must not contain a Secret (secret values are never committed)`);
  }
  const group = obj.apiVersion.includes("/") ? obj.apiVersion.split("/")[0] : "";
  if (NO_PUBLISHED_SCHEMA.has(group)) {
    try {
      if (!obj.metadata?.name) throw new Error("metadata.name is required");
      new ObjectMeta(obj.metadata).validate();
      if (typeof obj.spec !== "object" || obj.spec === null) throw new Error("spec must be an object");
      unvalidated.push(`${obj.apiVersion} ${id}`);
    } catch (e) {
      failures.push(`${obj.apiVersion} ${id}: ${e.message}`);
    }
    continue;
  }
  const path = modulePath(obj.apiVersion, obj.kind);
  let Model;
  try {
    if (!path) throw new Error("no package");
    Model = (await import(path))[obj.kind];
    if (typeof Model !== "function") throw new Error("no model");
  } catch {
    failures.push(`${obj.apiVersion} ${id}: no published schema installed for this kind (add its models to k8s/validate/package.json)`);
    continue;
  }
  try {
    new Model(apiServerView(obj)).validate();
    counts.set(`${obj.apiVersion} ${obj.kind}`, (counts.get(`${obj.apiVersion} ${obj.kind}`) ?? 0) + 1);
  } catch (e) {
    failures.push(`${obj.apiVersion} ${id}: ${e.message}`);
  }
}

const validated = [...counts.values()].reduce((a, b) => a + b, 0);
console.log(`overlay ${overlay}: ${validated} objects valid against their schema`);
for (const [k, n] of [...counts.entries()].sort()) console.log(`  ${String(n).padStart(3)}  ${k}`);
if (unvalidated.length > 0) {
  console.log(`  metadata only (no published schema): ${unvalidated.join(", ")}`);
}
if (failures.length > 0) {
  console.error(`overlay ${overlay}: ${failures.length} invalid:`);
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
