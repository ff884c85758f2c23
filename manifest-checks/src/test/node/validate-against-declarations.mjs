// Validates Kubernetes objects against TypeScript declarations used as a schema.
// stdin: [{"id": "...", "key": "<apiVersion>/<kind>", "object": {...}}]
// stdout: [{"id": "...", "errors": [{"path": "spec.x", "message": "..."}]}]
// Strict: unknown fields, wrong JSON types, values outside an enum or literal union and
// missing required fields are errors. apiVersion, kind and metadata are checked elsewhere.
import ts from "typescript";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("./kinds.ts", import.meta.url));
const program = ts.createProgram([entry], {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();
const kinds = kindsInterface();
const handledAtRoot = new Set(["apiVersion", "kind", "metadata", "status", "operation"]);

const requests = JSON.parse(readFileSync(0, "utf8"));
const results = requests.map(({ id, key, object }) => {
  const errors = [];
  const kind = kinds.getProperty(key);
  if (kind === undefined) {
    errors.push({ path: "", message: `no declaration for ${key}` });
  } else {
    checkObject(object, typeOf(kind), "", errors, handledAtRoot);
  }
  return { id, errors };
});
process.stdout.write(JSON.stringify(results));

function kindsInterface() {
  const file = program.getSourceFile(entry);
  const diagnostics = ts.getPreEmitDiagnostics(program, file);
  if (diagnostics.length > 0) {
    const text = ts.formatDiagnostics(diagnostics, ts.createCompilerHost({}));
    throw new Error(`kinds.ts does not compile:\n${text}`);
  }
  const symbol = checker.getSymbolAtLocation(file).exports.get("Kinds");
  return checker.getDeclaredTypeOfSymbol(symbol);
}

function typeOf(symbol) {
  return checker.getNonNullableType(checker.getTypeOfSymbol(symbol));
}

function check(value, type, path, errors) {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
  if (value === null) {
    errors.push({ path, message: "null is not allowed here" });
    return;
  }
  if (type.isUnion()) return checkUnion(value, type, path, errors);
  if (type.isLiteral() || type.flags & ts.TypeFlags.BooleanLiteral) {
    return checkLiteral(value, [type], path, errors);
  }
  if (type.flags & ts.TypeFlags.StringLike) return checkPrimitive(value, "string", path, errors);
  if (type.flags & ts.TypeFlags.NumberLike) return checkPrimitive(value, "number", path, errors);
  if (type.flags & ts.TypeFlags.BooleanLike) return checkPrimitive(value, "boolean", path, errors);
  if (checker.isArrayType(type)) return checkArray(value, type, path, errors);
  if (type.flags & ts.TypeFlags.NonPrimitive) return checkPrimitive(value, "object", path, errors);
  const wrapped = wrappedPrimitives(type);
  if (wrapped.length > 0) {
    if (!wrapped.includes(typeof value)) {
      errors.push({ path, message: `expected ${wrapped.join(" or ")}, got ${describe(value)}` });
    }
    return;
  }
  checkObject(value, type, path, errors, new Set());
}

// A union of literals is an enum: name the allowed values. Otherwise the value must satisfy
// one member; report the member it came closest to.
function checkUnion(value, type, path, errors) {
  const members = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
  const literals = members.filter((t) => t.isLiteral() || t.flags & ts.TypeFlags.BooleanLiteral);
  if (literals.length === members.length) return checkLiteral(value, literals, path, errors);
  let best;
  for (const member of members) {
    const attempt = [];
    check(value, member, path, attempt);
    if (attempt.length === 0) return;
    if (best === undefined || attempt.length < best.length) best = attempt;
  }
  errors.push(...best);
}

function checkLiteral(value, literals, path, errors) {
  const allowed = literals.map(literalValue);
  if (!allowed.includes(value)) {
    errors.push({ path, message: `${JSON.stringify(value)} is not one of ${JSON.stringify(allowed)}` });
  }
}

function literalValue(type) {
  if (type.flags & ts.TypeFlags.BooleanLiteral) return checker.typeToString(type) === "true";
  return type.value;
}

function checkPrimitive(value, expected, path, errors) {
  const actual = Array.isArray(value) ? "array" : typeof value;
  if (actual !== expected) errors.push({ path, message: `expected ${expected}, got ${describe(value)}` });
}

function checkArray(value, type, path, errors) {
  if (!Array.isArray(value)) {
    errors.push({ path, message: `expected array, got ${describe(value)}` });
    return;
  }
  const element = checker.getTypeArguments(type)[0];
  value.forEach((item, index) => check(item, element, `${path}[${index}]`, errors));
}

function checkObject(value, type, path, errors, skipped) {
  if (typeof value !== "object" || Array.isArray(value)) {
    errors.push({ path, message: `expected object, got ${describe(value)}` });
    return;
  }
  const properties = new Map();
  for (const property of checker.getPropertiesOfType(type)) {
    if (checker.getTypeOfSymbol(property).getCallSignatures().length > 0) continue;
    properties.set(jsonName(property), property);
  }
  const index = checker.getIndexInfosOfType(type).find((info) => info.keyType.flags & ts.TypeFlags.String);
  if (properties.size === 0 && index === undefined) return; // {} stands for free-form content
  for (const [key, child] of Object.entries(value)) {
    if (skipped.has(key)) continue;
    const childPath = path === "" ? key : `${path}.${key}`;
    const property = properties.get(key);
    if (property !== undefined) check(child, typeOf(property), childPath, errors);
    else if (index !== undefined) check(child, index.type, childPath, errors);
    else errors.push({ path: childPath, message: "unknown field" });
  }
  for (const [key, property] of properties) {
    const optional = property.flags & ts.SymbolFlags.Optional;
    if (!optional && !skipped.has(key) && !(key in value)) {
      errors.push({ path: path === "" ? key : `${path}.${key}`, message: "required field is missing" });
    }
  }
}

// cdk8s renames JSON fields to camelCase (enablePDB becomes enablePdb) and records the
// original name in a "@schema Type#jsonName" tag.
function jsonName(property) {
  const tag = property.getJsDocTags().find((t) => t.name === "schema");
  const text = tag?.text?.map((part) => part.text).join("") ?? "";
  const hash = text.indexOf("#");
  return hash >= 0 ? text.slice(hash + 1).trim() : property.getName();
}

// cdk8s models IntOrString and Quantity as classes built by static fromString/fromNumber.
function wrappedPrimitives(type) {
  const symbol = type.getSymbol();
  const isClass = symbol?.declarations?.some(ts.isClassDeclaration);
  if (!isClass) return [];
  const statics = checker.getPropertiesOfType(checker.getTypeOfSymbol(symbol)).map((s) => s.getName());
  return [
    ...(statics.includes("fromString") ? ["string"] : []),
    ...(statics.includes("fromNumber") ? ["number"] : []),
  ];
}

function describe(value) {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 80);
}
