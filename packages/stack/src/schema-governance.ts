import { CriticalityLevel, diff, type Change } from "@graphql-inspector/core";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
  type GraphQLType,
} from "graphql";
import { Temporal } from "temporal-polyfill";

/**
 * The deprecation policy (GitHub's): an element is removed or changed incompatibly only after it was released as
 * `@deprecated` with a reason that ends "Removal after YYYY-MM-DD.", that date is at least three months after the
 * release that first deprecated it, and the date has passed.
 */
export const REMOVAL_NOTICE = /Removal after (\d{4}-\d{2}-\d{2})\.$/;
export const DEPRECATION_MONTHS = 3;

/** Schema coordinate (`Type.field`, `Type.field.arg`, `Enum.VALUE`) → civil date of the release that deprecated it. */
export type DeprecationLedger = Record<string, string>;

export interface CompatibilityReport {
  changes: Change[];
  /** Breaking changes the policy does not allow, and deprecations whose reason does not follow it. */
  violations: string[];
}

/** Every deprecated coordinate of a schema, with its reason. */
export function deprecations(schema: GraphQLSchema): Map<string, string> {
  const found = new Map<string, string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason != null) found.set(`${type.name}.${field.name}`, field.deprecationReason);
        for (const arg of field.args) if (arg.deprecationReason != null) found.set(`${type.name}.${field.name}.${arg.name}`, arg.deprecationReason);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (field.deprecationReason != null) found.set(`${type.name}.${field.name}`, field.deprecationReason);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (value.deprecationReason != null) found.set(`${type.name}.${value.name}`, value.deprecationReason);
    }
  }
  return found;
}

/** The removal date a deprecation reason announces, or null when it announces none in the policy's form. */
export function removalDate(reason: string): Temporal.PlainDate | null {
  const match = REMOVAL_NOTICE.exec(reason.trim());
  if (!match) return null;
  try {
    return Temporal.PlainDate.from(match[1], { overflow: "reject" });
  } catch {
    return null;
  }
}

/** Coordinates of the released schema whose named type is `typeName` (where a removed type was reachable from). */
function referencesTo(schema: GraphQLSchema, typeName: string): string[] {
  const refs: string[] = [];
  const named = (type: GraphQLType) => getNamedType(type).name === typeName;
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (named(field.type)) refs.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (named(arg.type)) refs.push(`${type.name}.${field.name}.${arg.name}`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (named(field.type)) refs.push(`${type.name}.${field.name}`);
    }
  }
  return refs;
}

/**
 * Compares the current public schema with the last released one. A breaking change passes only when the element it
 * breaks (or an element containing it) was released deprecated under the policy and its removal date has passed;
 * a type may go once every field and argument that reached it may. Additions and other compatible changes pass.
 * Every deprecation of the current schema must announce its removal date in the policy's form.
 */
export async function checkCompatibility(
  released: GraphQLSchema,
  current: GraphQLSchema,
  ledger: DeprecationLedger,
  today: Temporal.PlainDate,
): Promise<CompatibilityReport> {
  // @deprecated's own usage changes repeat what the deprecation changes say.
  const changes = (await diff(released, current)).filter(
    (c) => !(c.type.startsWith("DIRECTIVE_USAGE_") && (c.meta as { directiveName?: string }).directiveName === "deprecated"),
  );
  const violations: string[] = [];
  const releasedDeprecations = deprecations(released);

  const removable = (coordinate: string): string | null => {
    const reason = releasedDeprecations.get(coordinate);
    if (reason === undefined) return `${coordinate} was not deprecated in the released schema`;
    const removal = removalDate(reason);
    if (!removal) return `${coordinate}'s deprecation reason does not end "Removal after YYYY-MM-DD."`;
    const since = ledger[coordinate];
    if (!since) return `${coordinate}'s deprecation has no release date in schema/deprecations.json`;
    const earliest = Temporal.PlainDate.from(since).add({ months: DEPRECATION_MONTHS });
    if (Temporal.PlainDate.compare(removal, earliest) < 0) {
      return `${coordinate} was deprecated on ${since}: its removal date ${removal} is less than ${DEPRECATION_MONTHS} months later (${earliest} at the earliest)`;
    }
    if (Temporal.PlainDate.compare(today, removal) <= 0) return `${coordinate} may be removed after ${removal}, not before (today is ${today})`;
    return null;
  };
  /** The coordinate, or the field or type containing it, may go under the policy. */
  const allowed = (path: string): string | null => {
    const parts = path.split(".").filter((part) => !part.startsWith("@"));
    let why: string | null = null;
    for (let n = parts.length; n >= 2; n--) {
      const verdict = removable(parts.slice(0, n).join("."));
      if (verdict === null) return null;
      why ??= verdict;
    }
    return why ?? `${path} cannot be deprecated`;
  };

  for (const change of changes) {
    if (change.criticality.level !== CriticalityLevel.Breaking) continue;
    let why: string | null;
    if (change.type === "TYPE_REMOVED" && change.path) {
      const blocking = referencesTo(released, change.path).map(allowed).filter((v) => v !== null);
      why = blocking.length ? blocking.join("; ") : null;
    } else {
      why = change.path ? allowed(change.path) : "not an element that can be deprecated";
    }
    if (why) violations.push(`BREAKING ${change.message} — ${why}.`);
  }
  for (const [coordinate, reason] of deprecations(current)) {
    if (!removalDate(reason)) violations.push(`${coordinate} is deprecated without a removal date: end its reason with "Removal after YYYY-MM-DD." (at least ${DEPRECATION_MONTHS} months after its release).`);
  }
  return { changes, violations };
}
