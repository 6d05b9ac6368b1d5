import { getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType } from "graphql";
import { DATE_EDGES, DATES, FIRSTS, HOSTILE_IDS, HOSTILE_STRINGS, INSTANT_EDGES, INSTANTS, REAL } from "./corpus";
import type { Random } from "./random";

/** An enum value: printed bare in a document, a string in variables. */
export class EnumLiteral {
  constructor(readonly name: string) {}
}

/** Text that only exists inside a document (e.g. an Int too large for JSON to keep exact). */
export class RawLiteral {
  constructor(readonly text: string) {}
}

export type Value = null | boolean | number | string | EnumLiteral | RawLiteral | Value[] | { [key: string]: Value };

/** A value as GraphQL literal text. Strings are JSON-escaped: every JSON escape is a GraphQL escape too. */
export function printLiteral(value: Value): string {
  if (value === null) return "null";
  if (value instanceof EnumLiteral || value instanceof RawLiteral) return value instanceof EnumLiteral ? value.name : value.text;
  if (Array.isArray(value)) return `[${value.map(printLiteral).join(", ")}]`;
  if (typeof value === "object") return `{${Object.entries(value).map(([k, v]) => `${k}: ${printLiteral(v)}`).join(", ")}}`;
  if (typeof value === "string") return JSON.stringify(value);
  return Number.isFinite(value) ? String(value) : "0";
}

/** The same value as a variable (JSON). */
export function toJson(value: Value): unknown {
  if (value instanceof EnumLiteral) return value.name;
  if (value instanceof RawLiteral) return value.text;
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value;
}

/** How careless a generated value is. Each is a probability. */
export interface ValueKnobs {
  /** A scalar comes from the hostile corpus instead of being plausible. */
  hostile: number;
  /** A value has the wrong type (a string for an Int, an object for a String, null for a required input…). */
  wrongType: number;
  /** A nullable value is an explicit null (`meetings(filter: null)`). */
  nulls: number;
  /** An optional argument or input field is given at all. */
  optional: number;
}

const WRONG: readonly Value[] = [
  "x",
  "1",
  1,
  -1,
  1.5,
  true,
  new RawLiteral("2147483648"),
  { a: 1 },
  {},
  [1, 2],
  [],
  null,
  new EnumLiteral("NOT_A_VALUE"),
];

const SAFE_JSON: readonly Value[] = [{ a: 1 }, [], "texto", 1, null, { nested: { deeper: [1, "x", null] } }];

function plausibleScalar(name: string, hint: string, rnd: Random): Value {
  const h = hint.toLowerCase();
  switch (name) {
    case "ID":
      return rnd.pick(h.includes("council") ? REAL.councilIds : REAL.ids);
    case "Int":
      if (/^(first|last)$/.test(h)) return rnd.pick(FIRSTS);
      return rnd.pick([0, 1, 2, 3, 5, 10, 2026, -1]);
    case "Float":
      return rnd.pick([0, 1.5, 100, 12345.67, -1]);
    case "Boolean":
      return rnd.chance(0.5);
    case "Date":
      return rnd.pick(DATES.slice(0, 2));
    case "DateTime":
      return rnd.pick(INSTANTS.slice(0, 3));
    case "JSON":
      return rnd.pick(SAFE_JSON);
    default:
      if (h.includes("slug")) return rnd.pick(REAL.councilSlugs);
      if (h === "code") return rnd.pick(REAL.territoryCodes);
      if (/query|search/.test(h)) return rnd.pick(REAL.searches);
      if (h.includes("idempotency")) return `fuzz-${rnd.int(1, 50)}`;
      if (h.includes("email")) return rnd.pick(["pessoa@exemplo.invalid", "x@y", "not-an-email"]);
      if (h.includes("purpose")) return "auditoria de teste";
      if (/url|link/.test(h)) return rnd.pick(["https://exemplo.invalid/reuniao", "javascript:alert(1)", "not a url"]);
      return rnd.pick(["Texto de teste", "Reunião ordinária", "Praça da Cemig", "Ata 006/2024", "a"]);
  }
}

function hostileScalar(name: string, rnd: Random): Value {
  switch (name) {
    case "ID":
      return rnd.pick(HOSTILE_IDS);
    case "Int":
      return rnd.pick([...FIRSTS, new RawLiteral("2147483648"), new RawLiteral("99999999999999999999"), 1.5]);
    case "Float":
      return rnd.pick([new RawLiteral("1e309"), -0, 1e308, new RawLiteral("NaN")]);
    case "Date":
      return rnd.pick(rnd.chance(0.5) ? DATE_EDGES : DATES);
    case "DateTime":
      return rnd.pick(rnd.chance(0.5) ? INSTANT_EDGES : INSTANTS);
    case "JSON":
      return rnd.pick([...SAFE_JSON, rnd.pick(HOSTILE_STRINGS), deepJson(rnd.int(50, 3000))]);
    default:
      return rnd.pick(HOSTILE_STRINGS);
  }
}

function deepJson(depth: number): Value {
  let value: Value = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** A value for an argument or input field of `type`; `hint` is its name (ids, slugs and page sizes differ). */
export function generateValue(type: GraphQLInputType, rnd: Random, knobs: ValueKnobs, hint = "", depth = 0): Value {
  if (rnd.chance(knobs.wrongType)) return rnd.pick(WRONG);
  if (!isNonNullType(type) && rnd.chance(knobs.nulls)) return null;
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) {
    const length = rnd.weighted([
      [2, 0],
      [10, rnd.int(1, 3)],
      [knobs.hostile, 200],
    ] as const);
    // A long list repeats one value: what is probed is the length, not 200 different values.
    const item = generateValue(nullable.ofType as GraphQLInputType, rnd, knobs, hint, depth + 1);
    return Array.from({ length }, (_, i) => (length > 3 || i === 0 ? item : generateValue(nullable.ofType as GraphQLInputType, rnd, knobs, hint, depth + 1)));
  }
  if (isEnumType(nullable)) {
    const values = nullable.getValues().map((v) => v.name);
    if (rnd.chance(knobs.hostile)) return rnd.pick([new EnumLiteral("NOT_A_VALUE"), new EnumLiteral(rnd.pick(values).toLowerCase()), rnd.pick(values), ""]);
    return new EnumLiteral(rnd.pick(values));
  }
  if (isScalarType(nullable)) {
    return rnd.chance(knobs.hostile) ? hostileScalar(nullable.name, rnd) : plausibleScalar(nullable.name, hint, rnd);
  }
  if (isInputObjectType(nullable)) {
    if (depth > 4) return null;
    const out: { [key: string]: Value } = {};
    for (const field of Object.values(nullable.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      // A required field left out is the careless client's classic; an optional one is given half the time.
      if (required ? rnd.chance(knobs.wrongType / 2) : !rnd.chance(knobs.optional)) continue;
      out[field.name] = generateValue(field.type, rnd, knobs, field.name, depth + 1);
    }
    if (rnd.chance(knobs.wrongType / 2)) out.notAField = "x";
    return out;
  }
  return null;
}
