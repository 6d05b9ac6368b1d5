import type { RequestContext } from "@contagem/schema";
import { createHmac } from "node:crypto";

/**
 * Statistical disclosure control of every published participation count: unbiased random rounding to base 5
 * (Hundepool et al., "Statistical Disclosure Control", Wiley 2012, ch. 5, rounding of frequency tables), its coin
 * made deterministic by a cell key, the sum of secret per-person record keys (the cell key method: Thompson,
 * Broadfoot & Elazar, "Methodology for the automatic confidentialisation of statistical outputs from remote servers
 * at the Australian Bureau of Statistics", UNECE/Eurostat work session on statistical data confidentiality, 2013;
 * as in the sdcTools R package cellKey).
 *
 * Why this and not suppression: readers choose groupings and filters freely, so every count is a marginal of one
 * five-dimensional table that no fixed secondary-suppression pattern covers, and a group shown as "suppressed" still
 * tells that it is small and not empty, which subtraction from rounded totals can pin down. Here nothing is exact:
 * every figure is within ROUNDING_BASE - 1 of the truth, a group rounded to 0 is not listed (indistinguishable from
 * an empty one), and the same people always get the same figure, whichever question reaches them, so asking again
 * or by another route gives no fresh noise to average away.
 */
export const ROUNDING_BASE = 5;

/** Largest difference between a published count and the true one. */
export const MAX_ROUNDING_ERROR = ROUNDING_BASE - 1;

/**
 * n rounded to a multiple of the base, up with probability (n mod base) / base, so that its expectation is n.
 * The "probability" is the cell key, a number in [0, 1) fixed by who is counted.
 */
export function roundCount(n: number, cellKey: number): number {
  const rest = n % ROUNDING_BASE;
  return n - rest + (cellKey < rest / ROUNDING_BASE ? ROUNDING_BASE : 0);
}

/** Record keys are 32-bit; a cell key is the sum of its records' keys modulo 2^32, read as a fraction. */
const KEY_SPACE = 2 ** 32;

/** The published value of a count whose records' keys sum to keySum (as SQL returns them: numbers or strings). */
export const publishedCount = (n: number | string, keySum: number | string) => roundCount(Number(n), (Number(keySum) % KEY_SPACE) / KEY_SPACE);

/**
 * SQL for a participant's record key (0..2^32-1) from their id, by a hash seeded with a secret so that nobody can
 * compute the rounding of a group they can describe. PostgreSQL's own seeded text hash (the one hash partitioning
 * uses) costs a fraction of md5 over hundreds of thousands of rows; its values must not change under the figures
 * (a test pins one, equal on PostgreSQL 15 on x86-64 and PGlite). Takes one `?` parameter: `figuresSalt(ctx)`.
 */
export const personKeySql = (idColumn: string) => `(hashtextextended(${idColumn}::text, ?::bigint) & ${KEY_SPACE - 1})`;

/** SQL for a cell key: the sum of the records' keys modulo 2^32, still as a whole number. */
export const keySumSql = (keys: string) => `sum(${keys}) % ${KEY_SPACE}`;

/**
 * The secret of the record keys, derived from PII_KEY. It must never change: a new key would round every group
 * afresh, and a reader who kept the old figures could average the two.
 */
export function figuresSalt(ctx: RequestContext): string {
  const key = ctx.settings.PII_KEY;
  if (!key) throw new Error("PII_KEY is not configured for the participation subgraph.");
  return figuresSaltOf(key);
}

/** The secret of the record keys for a PII_KEY (a signed 64-bit integer, as text). */
export function figuresSaltOf(piiKey: string): string {
  return createHmac("sha256", piiKey).update("participation figures: record keys").digest().readBigInt64BE(0).toString();
}
