// Validates Kubernetes objects offline against the API schema that kubernetes-models ships (and the Prometheus
// Operator's CRDs). Input: YAML documents on stdin (the output of `kubectl kustomize`) or in the files named.
// Output: one JSON line per object, {apiVersion, kind, name, ok, error?}; exit code 1 when any object fails or has a
// kind no model knows, so an unknown kind can never pass unchecked.
//
// The schemas' validators check types, formats and required fields, but let unknown fields through (the API server
// refuses them with strict field validation, and a misspelt field such as `readinesProbe` would otherwise pass
// silently). So the validator reads a tracking copy of the object: every field of an object whose other fields the
// schema names must have been looked at by it. Maps (labels, ConfigMap data) are enumerated by the validator, and
// free-form objects are not looked into at all; neither is checked for unknown fields.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

// Where each API group's models live; the core group ("v1") has no group name.
const packages = [
  { group: "monitoring.coreos.com", module: "@kubernetes-models/prometheus-operator" },
  { group: "", module: "kubernetes-models" },
];

async function modelFor(apiVersion, kind) {
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  const pkg = packages.find((p) => p.group === group) ?? packages.at(-1);
  try {
    const module = await import(`${pkg.module}/${apiVersion}/${kind}`);
    return module[kind];
  } catch {
    return undefined;
  }
}

/** A copy of `value` whose objects record which fields are read and whether they are enumerated. */
function tracked(value, path, objects) {
  if (Array.isArray(value)) return value.map((item, i) => tracked(item, `${path}/${i}`, objects));
  if (value === null || typeof value !== "object") return value;
  const target = {};
  for (const [key, item] of Object.entries(value)) target[key] = tracked(item, `${path}/${key}`, objects);
  const info = { path, keys: Object.keys(target), read: new Set(), enumerated: false };
  objects.push(info);
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === "string") info.read.add(key);
      return Reflect.get(t, key, receiver);
    },
    has(t, key) {
      if (typeof key === "string") info.read.add(key);
      return Reflect.has(t, key);
    },
    ownKeys(t) {
      info.enumerated = true;
      return Reflect.ownKeys(t);
    },
  });
}

/** Validates against the model's schema; throws on a schema error or an unknown field. */
function validateStrictly(Model, object) {
  const objects = [];
  const copy = tracked(object, "", objects);
  // The model's validate() runs the schema's validator on `this`: here, the tracking copy.
  Model.prototype.validate.call(copy);
  const unknown = objects
    .filter((o) => !o.enumerated && o.read.size > 0)
    .flatMap((o) => o.keys.filter((k) => !o.read.has(k)).map((k) => `${o.path}/${k}`));
  if (unknown.length > 0) throw new Error(`unknown field ${unknown.join(", ")}`);
}

async function main() {
  const files = process.argv.slice(2);
  const texts = files.length > 0 ? files.map((f) => readFileSync(f, "utf8")) : [readFileSync(0, "utf8")];
  let failed = 0;
  let count = 0;
  for (const text of texts) {
    for (const document of parseAllDocuments(text)) {
      if (document.errors.length > 0) {
        failed++;
        console.log(JSON.stringify({ ok: false, error: `YAML: ${document.errors[0].message}` }));
        continue;
      }
      const object = document.toJS();
      if (object === null || object === undefined) continue;
      count++;
      const { apiVersion, kind } = object;
      const result = { apiVersion, kind, name: object.metadata?.name, ok: true };
      const Model = typeof apiVersion === "string" && typeof kind === "string" ? await modelFor(apiVersion, kind) : undefined;
      if (!Model) {
        result.ok = false;
        result.error = `no schema for ${apiVersion}/${kind}`;
      } else {
        try {
          validateStrictly(Model, object);
        } catch (e) {
          result.ok = false;
          result.error = String(e?.message ?? e);
        }
      }
      if (!result.ok) failed++;
      console.log(JSON.stringify(result));
    }
  }
  if (count === 0) {
    console.log(JSON.stringify({ ok: false, error: "no objects in the input" }));
    failed++;
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
