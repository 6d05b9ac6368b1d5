import { councilSlug, earlierFacts, record } from "@contagem/record";
import { recordRemovals, RemovalReason, slugify } from "@contagem/schema";
import { ForeignKeyConstraintViolationException } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { CouncilEntity } from "../councils/council.entity";

/** The first line of the notes of a council kept although the public record no longer lists it. */
export const OUT_OF_RECORD_NOTE =
  "Fora do registro público: este conselho não consta das fontes públicas que a carga padrão traz (contagem-sources.json). " +
  "Foi criado por uma carga anterior e é mantido porque há registros ligados a ele.";

/** The slugs the seed before the record published: the earlier file's confirmed councils, by acronym or name. */
const EARLIER_SEED = new Map(
  earlierFacts.councils.filter((c) => c.confirmed).map((c) => [slugify(c.acronym ?? c.name), (c as { notes?: string }).notes ?? null]),
);

/**
 * Councils an earlier seed wrote that the record does not list (e.g. COMHAB, only a lead without an address) must not
 * stay presented as the public record. The cautious reading, which loses no one's data:
 * - one only the seed before the record wrote (no `recordHash`, no sources) is deleted when nothing refers to it: no row of this
 *   subgraph (terms, seat rules… the database's foreign keys say so) and no write of any subgraph, which the shared
 *   audit log would name (a meeting scheduled for it, a process, an ADMIN's edit); another subgraph's seed never
 *   referred to it (theirs name only the record's councils);
 * - any other is kept, marked: its notes open with OUT_OF_RECORD_NOTE (the earlier file's unsourced note, text the
 *   seed wrote, goes), and it no longer counts as the record's (`recordHash` cleared; its sources, if any, stay). One a
 *   former record listed is always kept: the other subgraphs' seeds may have hung meetings or processes on it.
 */
export async function settleCouncilsOutOfRecord(tx: EntityManager, auditSchema: string): Promise<{ deleted: string[]; kept: string[] }> {
  const inRecord = record.councils.map(councilSlug);
  const rows = await tx.find(
    CouncilEntity,
    {
      slug: { $nin: inRecord },
      $or: [{ slug: { $in: [...EARLIER_SEED.keys()] } }, { recordHash: { $ne: null } }, { notes: { $like: `${OUT_OF_RECORD_NOTE}%` } }],
    },
    { orderBy: { slug: "asc" } },
  );
  const deleted: string[] = [];
  const kept: string[] = [];
  for (const row of rows) {
    const onlyEarlierSeed = row.recordHash == null && row.sources.length === 0;
    if (onlyEarlierSeed && !(await namedByAWrite(tx, auditSchema, row.id)) && (await deletedUnlessReferenced(tx, row))) {
      await recordRemovals(tx, { auditSchema, subgraph: "councils" }, "Council", [row.id], RemovalReason.DELETED);
      deleted.push(row.slug);
      continue;
    }
    if (!row.notes?.startsWith(OUT_OF_RECORD_NOTE)) {
      const seedNote = row.notes !== null && row.notes !== undefined && row.notes === EARLIER_SEED.get(row.slug);
      row.notes = [OUT_OF_RECORD_NOTE, seedNote ? null : row.notes].filter(Boolean).join("\n");
    }
    row.recordHash = null;
    kept.push(row.slug);
  }
  await tx.flush();
  return { deleted, kept };
}

async function namedByAWrite(tx: EntityManager, auditSchema: string, councilId: number): Promise<boolean> {
  const rows = await tx.execute(
    `select 1 from "${auditSchema}".audit_entry where council_id = ? or (entity_type = 'Council' and entity_id = ?) limit 1`,
    [councilId, councilId],
  );
  return rows.length > 0;
}

/** Deletes the council in a savepoint; a row that refers to it (a foreign key) undoes the delete and keeps it. */
async function deletedUnlessReferenced(tx: EntityManager, row: CouncilEntity): Promise<boolean> {
  try {
    await tx.transactional((inner) => inner.nativeDelete(CouncilEntity, { id: row.id }));
  } catch (error) {
    if (error instanceof ForeignKeyConstraintViolationException) return false;
    throw error;
  }
  tx.getUnitOfWork().unsetIdentity(row);
  return true;
}
