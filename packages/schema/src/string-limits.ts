import { isInputObjectType, type GraphQLSchema } from "graphql";
import { Extensions, getMetadataStorage } from "type-graphql";

/**
 * The longest string the subgraph boundary lets through to a resolver, in characters (Unicode code points, as
 * PostgreSQL counts them). Services keep their own, usually tighter, rules (a name has 3 to 300 characters); these
 * are the ceiling no input can pass, so that no resolver, loader or SQL statement ever sees a megabyte where a slug
 * belongs. A field's ceiling must stay at or above every rule a service applies to it.
 */
export const StringLimit = {
  /** Every string not declared otherwise: names, slugs, ids, cursors, filters, search terms, labels, URLs, keys. */
  DEFAULT: 1_000,
  /** Prose written in one go: descriptions, comments, justifications and reasons, summaries, proposals (≤ 20,000 in the services). */
  TEXT: 20_000,
  /**
   * Documents: the Markdown bodies of minutes (atas) and resolutions, annexes included. Still under the 1 MiB
   * request body even in two-byte UTF-8 (accented Portuguese), so the boundary, not the HTTP layer, names the limit.
   */
  DOCUMENT: 500_000,
  /** URLs the schema allows beyond the default: a webhook receiver's, a meeting's recording (signed streaming links). */
  URL: 2_000,
} as const;

const EXTENSION = "maxLength";

/**
 * Raises an input field's ceiling above the default; put it beside the field's `@Field`. It lives in the field's
 * schema extensions, which the emitted SDL does not print, so declaring a limit never changes the public schema.
 */
export const LongText = (kind: "TEXT" | "DOCUMENT" | "URL") => Extensions({ [EXTENSION]: StringLimit[kind] });

/**
 * `Input.field` → declared ceiling, for the input types of `schema` (type-graphql's). Read from type-graphql's
 * metadata rather than from the schema's field extensions, which type-graphql drops on fields a class inherits
 * (AdoptResolutionInput's `body` is declared on ResolutionTextInput).
 */
export function declaredLimits(schema: GraphQLSchema): Map<string, number> {
  const storage = getMetadataStorage();
  const limits = new Map<string, number>();
  for (const input of storage.inputTypes) {
    const type = schema.getType(input.name);
    if (!isInputObjectType(type)) continue;
    for (const { target, fieldName, extensions } of storage.fieldExtensions) {
      const limit = extensions[EXTENSION];
      const declared = target === input.target || Object.prototype.isPrototypeOf.call(target, input.target);
      if (declared && typeof limit === "number" && fieldName in type.getFields()) limits.set(`${input.name}.${fieldName}`, limit);
    }
  }
  return limits;
}
