import { badInput } from "@contagem/common";
import { Property } from "@mikro-orm/core";
import type DataLoader from "dataloader";
import { Directive, Field, InputType, ObjectType } from "type-graphql";
import type { RequestContext } from "./context";

/** A source as stored with a record (jsonb): the same shape every subgraph keeps. */
export interface SourceRecord {
  url: string;
  note?: string | null;
}

/** Shared by every subgraph's seeded records: a value type, so @shareable. */
@ObjectType("Source", {
  description:
    "A public document a record's facts come from (a page of the city portal, its legislation site, the Diário Oficial " +
    "de Contagem, Decide Contagem, the press), as Open Civic Data's `sources`: where the record's facts were taken from. " +
    "The default seed cites the public record's; a secretary cites them with the write (`SourceInput`).",
})
@Directive("@shareable")
export class Source {
  @Field({ description: "Absolute http(s) URL of the document, as it was read, e.g. `http://legislacao.contagem.mg.gov.br/legislacao/view/803258`." })
  url: string;

  @Field(() => String, {
    nullable: true,
    description: "What to know about this source for this record: a fact it states only in part, weakly or in contradiction with another.",
  })
  note?: string | null;
}

/**
 * Sources as stored, checked: an absolute http(s) URL each, one entry per URL (in first-seen order) with its distinct
 * notes joined by "; " — a document cited twice, once with a note and once without, is one source.
 */
export function sourcesOf(entries: readonly SourceRecord[]): SourceRecord[] {
  const notes = new Map<string, string[]>();
  for (const { url, note } of entries) {
    if (!/^https?:\/\/[^\s/]+/.test(url)) throw new Error(`Not an absolute http(s) URL: ${JSON.stringify(url)}`);
    const seen = notes.get(url) ?? [];
    if (note && !seen.includes(note)) seen.push(note);
    notes.set(url, seen);
  }
  return [...notes].map(([url, list]) => (list.length ? { url, note: list.join("; ") } : { url }));
}

/** The ceilings of a record's sources as a write gives them (hostile input: a client may send anything). */
export const SourceLimit = {
  /** Sources per record. */
  ENTRIES: 20,
  /** Characters of a URL (under the boundary's default ceiling for strings). */
  URL: 1_000,
  /** Characters of a note, after a URL's notes are joined. */
  NOTE: 500,
} as const;

/** A source as a write gives it. */
@InputType("SourceInput", {
  description:
    `A public document the record's facts come from (a page of the Diário Oficial de Contagem, the city portal): an absolute http(s) URL and an optional note. ` +
    `The same URL twice is one source, its notes joined by "; ".`,
})
export class SourceInput {
  @Field({
    description:
      `Absolute http(s) URL of the document, 1 to ${SourceLimit.URL} characters, with a host and without credentials or spaces, ` +
      "e.g. `http://legislacao.contagem.mg.gov.br/legislacao/view/803258`; anything else: BAD_USER_INPUT naming it.",
  })
  url: string;

  @Field(() => String, {
    nullable: true,
    description: `What to know about this source for this record (e.g. \`ata publicada no DOC, p. 3\`), up to ${SourceLimit.NOTE} characters; blank is none.`,
  })
  note?: string | null;
}

/** Describes a write's `sources` input field: the same rules on every record. */
export const SOURCES_INPUT_DESCRIPTION =
  `Public documents the record's facts come from (\`SourceInput\`), at most ${SourceLimit.ENTRIES} (after merging repeated URLs); ` +
  "on an update, the list replaces the record's sources (`[]` removes them all) and omitting it keeps them. A bad URL or " +
  "note, or too many: BAD_USER_INPUT naming the entry (e.g. `sources[2].url`).";

/** Describes the `sources` field of a record that keeps its own (a column). */
export const OWN_SOURCES_DESCRIPTION =
  "Public documents this record's facts come from (Open Civic Data's `sources`: `url`, with a `note` where a source is weak, " +
  "partial or contradicts another), at most " + SourceLimit.ENTRIES + "; those of Contagem's public record the default seed " +
  "loads, or those the secretary cited when writing it; empty when none was cited.";

/**
 * Describes the `sources` field of a record that is part of another (an agenda item of its meeting): as Open Civic
 * Data's agenda items, votes, posts and bill versions, it has no sources of its own, and shows its parent's.
 */
export const inheritedSourcesDescription = (parent: string) =>
  `The sources of ${parent} this record is part of (Open Civic Data keeps sources on the whole record, not on its parts): ` +
  "the public documents its facts were taken from, `url` with an optional `note`; empty when none was cited.";

/**
 * A write's `sources`, checked as hostile input: undefined when omitted (an update keeps the record's), otherwise at
 * most SourceLimit.ENTRIES distinct absolute http(s) URLs, each note within its limit, duplicates merged by sourcesOf.
 * A broken rule is BAD_USER_INPUT naming the entry, e.g. `sources[2].url`.
 */
export function sourcesInput(given: readonly SourceInput[] | null | undefined, field = "sources"): SourceRecord[] | undefined {
  if (given == null) return undefined;
  const entries = given.map((source, i) => {
    const url = (source?.url ?? "").trim();
    const problem = httpUrlProblem(url);
    if (problem) throw badInput(`${field}[${i}].url`, `"${field}[${i}].url" ${problem}`);
    const note = source.note?.trim().replace(/\s+/g, " ") || null;
    if (note && [...note].length > SourceLimit.NOTE) {
      throw badInput(`${field}[${i}].note`, `"${field}[${i}].note" has more than ${SourceLimit.NOTE} characters.`);
    }
    return { url, note };
  });
  const merged = sourcesOf(entries);
  if (merged.length > SourceLimit.ENTRIES) {
    throw badInput(field, `"${field}" has ${merged.length} distinct sources; the limit is ${SourceLimit.ENTRIES}.`);
  }
  const long = merged.findIndex((source) => source.note && [...source.note].length > SourceLimit.NOTE);
  if (long >= 0) throw badInput(field, `"${field}": the notes of ${merged[long].url} together have more than ${SourceLimit.NOTE} characters.`);
  return merged;
}

/**
 * What is wrong with a public http(s) URL a client gives (a source, a meeting's link or recording), or undefined: it
 * must be usable as written — absolute, http or https, with a host, no credentials, at most `limit` characters, and
 * nothing the WHATWG parser would silently repair (spaces, line breaks, backslashes), since the text is published as
 * given (the graph, the calendars, the open-data files).
 */
export function httpUrlProblem(url: string, limit: number = SourceLimit.URL): string | undefined {
  if (!url) return "is empty: give the document's absolute http(s) URL.";
  if ([...url].length > limit) return `has more than ${limit} characters.`;
  // The WHATWG parser accepts what a browser would repair (spaces, backslashes): refuse before it can.
  const control = [...url].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (control || /[\s\\<>"{}|^`]/.test(url)) return "contains spaces, control or unsafe characters: send the URL percent-encoded.";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "is not an absolute URL.";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return `must be http or https, not ${parsed.protocol.slice(0, -1)}.`;
  if (!/^https?:\/\/[^\s/?#]+/i.test(url) || !parsed.hostname) return "has no host.";
  if (parsed.username || parsed.password) return "must not contain credentials (user:password@).";
  return undefined;
}

/**
 * The kind, in one place: a stored public record keeps its sources in a `sources` jsonb column (SourcesProperty,
 * SOURCES_COLUMN), shows them as `sources` (OwnSources) and takes them on each write (SourcesInputField, sourcesInput);
 * a record that is part of another shows its parent's (InheritedSources).
 */
export const SOURCES_COLUMN = "sources jsonb not null default '[]' check (jsonb_typeof(sources) = 'array')";

/** The migration statement that gives `table` its sources. */
export const addSourcesColumn = (schema: string, table: string) => `alter table "${schema}".${table} add column ${SOURCES_COLUMN}`;

/** The entity's `sources` column (declare it as `sources: Opt<SourceRecord[]> = [];`). */
export const SourcesProperty = () => Property({ type: "json" });

/** The `sources` field of a record that keeps its own. */
export const OwnSources = (description: string = OWN_SOURCES_DESCRIPTION) => Field(() => [Source], { description });

/** The `sources` field of a record that shows its parent's (resolved through the parent's per-request loader). */
export const InheritedSources = (parent: string) => Field(() => [Source], { description: inheritedSourcesDescription(parent) });

/** The optional `sources` of a write's input. */
export const SourcesInputField = (description: string = SOURCES_INPUT_DESCRIPTION) => Field(() => [SourceInput], { nullable: true, description });

/** Describes the `sources` of a write that adds to a published record, which loses nothing it published. */
export const ADDED_SOURCES_DESCRIPTION =
  `Public documents to add to the record's sources (\`SourceInput\`, e.g. the gazette page of the correction): a published record ` +
  `keeps those it has, so these are merged with them, at most ${SourceLimit.ENTRIES} in all. A bad URL or note, or too many: ` +
  "BAD_USER_INPUT naming the entry (e.g. `sources[2].url`).";

/** A published record's sources with `given` added (merged, within the limits). */
export function addSources(record: { sources: SourceRecord[] }, given: readonly SourceInput[] | null | undefined, field = "sources"): void {
  if (given == null) return;
  record.sources = sourcesInput([...record.sources, ...given], field)!;
}

/** The union of several records' sources (a person's, from their mandates' acts), merged as sourcesOf merges them. */
export const sourcesOfAll = (records: readonly { sources: readonly SourceRecord[] }[]): SourceRecord[] =>
  sourcesOf(records.flatMap((record) => record.sources));

/**
 * A part's sources: its parent's, through the parent's per-request loader by id, so the parts of a whole page cost one
 * query for their parents (usually none: the page's parents are already loaded).
 */
export async function parentSources<T extends { sources: SourceRecord[] }>(
  ctx: RequestContext,
  loader: (ctx: RequestContext) => DataLoader<number, T | null>,
  parentId: number | null | undefined,
): Promise<SourceRecord[]> {
  if (parentId == null) return [];
  return (await ctx.loaders.get(loader).load(parentId))?.sources ?? [];
}

/** An update's `sources` (replace semantics): the given list replaces the record's, `[]` clears them, omitted keeps them. */
export function replaceSources(record: { sources: SourceRecord[] }, given: readonly SourceInput[] | null | undefined, field = "sources"): void {
  const sources = sourcesInput(given, field);
  if (sources !== undefined) record.sources = sources;
}
