// Reads Kubernetes YAML (one or more documents) on stdin and writes it with every mapping's keys sorted.
// quarkus-kubernetes does not emit labels in a stable order from one build to the next; the committed base and the
// drift check both go through this, so only a real change of content shows as drift.
import { parseAllDocuments, stringify } from 'yaml';

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;

const documents = parseAllDocuments(input)
  .map((doc) => {
    if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('; '));
    return doc.toJS();
  })
  .filter((value) => value !== null && value !== undefined);
process.stdout.write(documents.map((value) => stringify(value, { sortMapEntries: true })).join('---\n'));
