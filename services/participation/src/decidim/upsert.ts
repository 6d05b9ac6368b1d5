import { canonicalJson, sha256 } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { ImportedFrom } from "./source.entity";
import { SourceSystem } from "./source.enums";
import { MAPPING_VERSION } from "./mapping";

export interface Importable {
  id: number;
  importedFrom?: ImportedFrom | null;
}

export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export interface Upserted<E> {
  /** The rows of the snapshot's records, by their external id. */
  rows: Map<string, E>;
  /** Those created or rewritten by this sync. */
  changed: Set<E>;
  /** Imported rows of this type whose record is no longer in the snapshot. */
  gone: E[];
  counts: KindCounts;
}

export interface Incoming<V> {
  externalId: string;
  url: string;
  /** What the hash covers: the record as read (and anything else its mapping depends on, e.g. today's status). */
  hashed: unknown;
  /** The row's columns. */
  values: V;
}

/**
 * Upserts the snapshot's records of one type by (system, type, external id). A row whose content hash is unchanged is
 * not touched at all (its `updatedAt` and `version` stay); a changed one is rewritten with its new hash and import time.
 * `adopt` may hand a row of ours to take over (a seeded assembly or process with the same slug) when no imported row exists.
 */
export async function upsertRecords<E extends Importable, V extends object>(
  em: EntityManager,
  entity: new () => E,
  type: string,
  incoming: Incoming<V>[],
  importedAt: Date,
  adopt?: (record: Incoming<V>) => E | null,
): Promise<Upserted<E>> {
  const existing = await em.find(entity, { importedFrom: { system: SourceSystem.DECIDIM, type } } as never);
  const byId = new Map(existing.map((row) => [row.importedFrom!.externalId, row]));
  const result: Upserted<E> = { rows: new Map(), changed: new Set(), gone: [], counts: { created: 0, updated: 0, unchanged: 0, removed: 0 } };
  for (const record of incoming) {
    if (result.rows.has(record.externalId)) continue; // a record listed twice (pages shifting while read) is one record
    const contentHash = sha256(canonicalJson({ v: MAPPING_VERSION, url: record.url, record: record.hashed }));
    const source = Object.assign(new ImportedFrom(), { system: SourceSystem.DECIDIM, type, externalId: record.externalId, url: record.url, importedAt, contentHash });
    let row = byId.get(record.externalId) ?? null;
    if (row && row.importedFrom!.contentHash === contentHash) {
      result.counts.unchanged++;
    } else if (row) {
      em.assign(row, { ...record.values, importedFrom: source } as never);
      result.counts.updated++;
      result.changed.add(row);
    } else {
      row = adopt?.(record) ?? null;
      if (row) em.assign(row, { ...record.values, importedFrom: source } as never);
      else row = em.create(entity, { ...record.values, importedFrom: source } as never);
      result.counts.created++;
      result.changed.add(row);
    }
    result.rows.set(record.externalId, row);
  }
  result.gone = existing.filter((row) => !result.rows.has(row.importedFrom!.externalId));
  result.counts.removed = result.gone.length;
  return result;
}
