// Validates an object against a CustomResourceDefinition's structural schema (openAPIV3Schema) the
// way the API server's schema check would: types, required fields, enums, patterns, bounds, and
// unknown fields (which the API server would silently prune: here they fail, since a misspelt
// field of an alert would otherwise just vanish). CEL rules (x-kubernetes-validations) are not
// evaluated: the tests check the few that the shop's resources touch by hand.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

export interface SchemaNode {
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean";
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  required?: string[];
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: SchemaNode[];
  "x-kubernetes-int-or-string"?: boolean;
  "x-kubernetes-preserve-unknown-fields"?: boolean;
}

interface CrdVersion {
  name: string;
  served: boolean;
  schema: { openAPIV3Schema: SchemaNode };
}

export interface Crd {
  spec: { group: string; names: { kind: string }; scope: string; versions: CrdVersion[] };
}

/** The CustomResourceDefinition in `file` (comments and empty documents skipped). */
export function loadCrd(file: string): Crd {
  const crd = parseAllDocuments(readFileSync(file, "utf8"))
    .map((document) => document.toJS() as unknown)
    .find(
      (value): value is Crd =>
        typeof value === "object" &&
        value !== null &&
        (value as { kind?: unknown }).kind === "CustomResourceDefinition",
    );
  if (!crd) throw new Error(`no CustomResourceDefinition in ${file}`);
  return crd;
}

/** The schema of `version`, which must be served. */
export function schemaOf(crd: Crd, version: string): SchemaNode {
  const found = crd.spec.versions.find((candidate) => candidate.name === version && candidate.served);
  if (!found) throw new Error(`${crd.spec.names.kind}: version ${version} is not served`);
  return found.schema.openAPIV3Schema;
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function typeMatches(expected: SchemaNode["type"], value: unknown): boolean {
  const actual = typeOf(value);
  if (expected === "number") return actual === "number" || actual === "integer";
  return actual === expected;
}

/** Every problem of `value` against `schema`, each as "<path>: <what is wrong>"; empty when valid. */
export function validateAgainst(schema: SchemaNode, value: unknown, path = ""): string[] {
  const at = path || "<root>";
  if (schema["x-kubernetes-int-or-string"]) {
    if (typeof value === "number" && Number.isInteger(value)) return [];
    if (typeof value !== "string") return [`${at}: must be an integer or a string`];
    return schema.pattern && !new RegExp(schema.pattern).test(value)
      ? [`${at}: "${value}" does not match ${schema.pattern}`]
      : [];
  }
  if (schema.anyOf && !schema.anyOf.some((option) => validateAgainst(option, value, path).length === 0))
    return [`${at}: matches none of its alternatives`];
  if (schema.type && !typeMatches(schema.type, value))
    return [`${at}: must be ${schema.type}, is ${typeOf(value)}`];
  const problems: string[] = [];
  if (schema.enum && !schema.enum.includes(value))
    problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === "string") {
    if (schema.pattern && !new RegExp(schema.pattern).test(value))
      problems.push(`${at}: "${value}" does not match ${schema.pattern}`);
    if (schema.minLength !== undefined && value.length < schema.minLength)
      problems.push(`${at}: shorter than ${String(schema.minLength)}`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      problems.push(`${at}: longer than ${String(schema.maxLength)}`);
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum)
      problems.push(`${at}: below the minimum ${String(schema.minimum)}`);
    if (schema.maximum !== undefined && value > schema.maximum)
      problems.push(`${at}: above the maximum ${String(schema.maximum)}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      problems.push(`${at}: fewer than ${String(schema.minItems)} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      problems.push(`${at}: more than ${String(schema.maxItems)} items`);
    const items = schema.items;
    if (items)
      value.forEach((item, index) =>
        problems.push(...validateAgainst(items, item, `${path}[${String(index)}]`)),
      );
  }
  if (typeOf(value) === "object")
    problems.push(...objectProblems(schema, value as Record<string, unknown>, path));
  return problems;
}

function objectProblems(schema: SchemaNode, value: Record<string, unknown>, path: string): string[] {
  const problems: string[] = [];
  for (const field of schema.required ?? [])
    if (!(field in value)) problems.push(`${path ? `${path}.` : ""}${field}: required`);
  for (const [field, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${field}` : field;
    const known = schema.properties?.[field];
    if (known) {
      problems.push(...validateAgainst(known, child, childPath));
    } else if (typeof schema.additionalProperties === "object") {
      problems.push(...validateAgainst(schema.additionalProperties, child, childPath));
    } else if (!schema["x-kubernetes-preserve-unknown-fields"] && schema.additionalProperties !== true) {
      problems.push(`${childPath}: not a field of this schema`);
    }
  }
  return problems;
}
