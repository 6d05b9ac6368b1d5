import { isUtf8 } from "node:buffer";
import { MAX_NESTING } from "./limits";

/**
 * What a raw JSON request body must be before anything parses it. `JSON.parse` and everything after it (the runtimes'
 * parameter checks, variable coercion, logging) walk the value recursively: a 1 MiB body of `[[[[…` nests half a
 * million levels and costs far more memory and stack than its size. A byte scan counts the nesting first, and refuses
 * it, in constant memory.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

/**
 * The deepest bracket nesting of a JSON text, outside strings (escapes respected), or `stopAbove + 1` as soon as it
 * passes `stopAbove`. Malformed JSON is left for the parser: the scan only bounds the work parsing will do.
 */
export function jsonNesting(raw: Uint8Array | string, stopAbove = Number.POSITIVE_INFINITY): number {
  const bytes = typeof raw === "string" ? Buffer.from(raw, "utf8") : raw;
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (OPEN.has(b)) {
      if (++depth > deepest && (deepest = depth) > stopAbove) return deepest;
    } else if (CLOSE.has(b)) {
      depth--;
    }
  }
  return deepest;
}

/**
 * Why a JSON text sent to the GraphQL endpoint is refused before parsing, or null. A GET's `variables` or
 * `extensions` may nest MAX_NESTING levels; a POST body one more, for the object that holds them. Bodies must be
 * UTF-8, GraphQL over HTTP's only encoding.
 */
export function jsonTextProblem(raw: Uint8Array | string, where: string, levels = MAX_NESTING): string | null {
  if (!raw.length) return `${where} is empty: POST a JSON object with a \`query\`.`;
  if (typeof raw !== "string" && !isUtf8(raw)) return `${where} is not valid UTF-8.`;
  return jsonNesting(raw, levels) > levels ? `${where} nests deeper than ${levels} levels.` : null;
}
