import { earlierFacts as facts, record } from "@contagem/record";
import { councilIdsBySlug, startOfCivilDay, type SeedContext } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { createHash } from "node:crypto";
import { AssemblyEntity } from "../decide/assembly.entity";
import { PhaseEntity, ProcessEntity } from "../processes/process.entity";
import { PhaseKind, ProcessKind, ProcessStatus } from "../processes/process.enums";
import { ProposalEntity } from "../proposals/proposal.entity";
import { SourceSystem } from "../decidim/source.enums";
import { itemSources, OGP_RECORD_NAME, recordAssemblies, recordProcesses, type RecordProcess } from "./record";

export const OGP_TITLE = "Priorização dos compromissos do Plano de Ação OGP Local 2022-2024";

const hashOf = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

/**
 * The default seed: Decide Contagem as Contagem's public record states it (`@contagem/record`): the 2022 OGP Local
 * prioritisation vote with its five commitments as options (as the earlier seed published it), the other processes
 * with the dates, phases and council the record states, the assemblies (a council's space linked to the council),
 * each with its sources. No counts are invented: a vote of the record shows no results. Idempotent, and a row is
 * rewritten only when the record's facts for it change (`recordHash`); the councils subgraph is asked only then.
 */
export async function seedParticipation(em: EntityManager, context: SeedContext): Promise<{ processes: number; assemblies: number }> {
  const processes = hashedRecordProcesses();
  const assemblies = recordAssemblies().map((a) => ({ ...a, hash: hashOf(a) }));
  const stored = new Map((await em.find(ProcessEntity, { recordKey: { $ne: null } }, { fields: ["recordKey", "recordHash"] })).map((p) => [p.recordKey, p.recordHash]));
  const storedAssemblies = new Map((await em.find(AssemblyEntity, {}, { fields: ["slug", "recordHash"] })).map((a) => [a.slug, a.recordHash]));
  const staleProcesses = processes.filter((p) => stored.get(p.key) !== p.hash);
  const staleAssemblies = assemblies.filter((a) => storedAssemblies.get(a.slug) !== a.hash);
  const slugs = [...staleProcesses, ...staleAssemblies].map((x) => x.councilSlug).filter((slug): slug is string => slug !== null);
  // Asked before the transaction opens: the councils subgraph may share the embedded database's single engine.
  const ids = slugs.length ? await councilIdsBySlug(context, [...new Set(slugs)]) : new Map<string, number>();
  const councilOf = (slug: string | null) => (slug === null ? null : ids.get(slug)!);
  return em.transactional(async (tx) => {
    let created = await seedOgpVote(tx);
    for (const p of staleProcesses) {
      const councilId = councilOf(p.councilSlug);
      let row = (await tx.findOne(ProcessEntity, { recordKey: p.key })) ?? (await importedProcessFor(tx, p.key));
      if (row?.importedFrom?.system) {
        // Decide Contagem holds it (the sync may even have come first): the sync owns its status, text and phases.
        tx.assign(row, { ...recordOwned(p), councilId, recordKey: p.key });
        continue;
      }
      if (row) {
        await restoreProcess(tx, row, p);
        tx.assign(row, { councilId });
      } else {
        row = tx.create(ProcessEntity, { ...recordOwned(p), councilId, status: p.status, description: p.description, minimumAge: null, recordKey: p.key });
        createPhases(tx, row, p);
        created++;
      }
    }
    let spaces = 0;
    for (const a of staleAssemblies) {
      const values = { name: a.name, facts: a.facts, councilId: councilOf(a.councilSlug), sources: a.sources, recordHash: a.hash };
      const row = await tx.findOne(AssemblyEntity, { slug: a.slug });
      if (row) tx.assign(row, values);
      else {
        tx.create(AssemblyEntity, { ...values, slug: a.slug });
        spaces++;
      }
    }
    await tx.flush();
    await forgetUnstatedCounts(tx);
    return { processes: created, assemblies: spaces };
  });
}

/** What the record owns of one of its processes, whoever else holds it: its name, kind, sources. */
const recordOwned = (p: RecordProcess & { hash: string }) =>
  ({ title: p.key, kind: p.kind, sources: p.sources, sourceUrl: p.sources[0]?.url ?? null, recordHash: p.hash });

const createPhases = (tx: EntityManager, process: ProcessEntity, p: RecordProcess) => {
  for (const phase of p.phases) {
    tx.create(PhaseEntity, { process, position: phase.position, kind: phase.kind, title: phase.title, startsAt: startOfCivilDay(phase.date), endsAt: null });
  }
};

/** The record's processes with the hash the seed keeps on each row (`recordHash`). */
const hashedRecordProcesses = () => recordProcesses().map((p) => ({ ...p, hash: hashOf(p) }));

/** Its row as the record states it: status, description and phases too (the record's, replacing any other). */
async function restoreProcess(tx: EntityManager, row: ProcessEntity, p: RecordProcess & { hash: string }): Promise<void> {
  tx.assign(row, { ...recordOwned(p), status: p.status, description: p.description, importedFrom: null });
  await tx.nativeDelete(PhaseEntity, { process: row.id });
  createPhases(tx, row, p);
}

/**
 * A process of the record that Decide Contagem no longer lists (deleted, hidden, unpublished) stays, as the record
 * states it, without its import: what the sync calls instead of removing it. False when `row` is not the record's.
 */
export async function leaveRecordProcess(tx: EntityManager, row: ProcessEntity): Promise<boolean> {
  if (row.recordKey === OGP_RECORD_NAME) {
    // Its options left with Decidim's records (they were the record's, taken over): the record's are written again.
    tx.assign(row, { ...ogpValues(), importedFrom: null });
    await tx.nativeDelete(PhaseEntity, { process: row.id });
    createOgpPhases(tx, row);
    await tx.flush();
    if ((await tx.count(ProposalEntity, { process: row.id })) === 0) createOgpOptions(tx, row);
    return true;
  }
  const p = row.recordKey ? hashedRecordProcesses().find((x) => x.key === row.recordKey) : undefined;
  if (!p) return false;
  await restoreProcess(tx, row, p);
  return true;
}

/** A title as compared across systems: Unicode NFC, case and runs of spaces ignored. */
export const comparableTitle = (title: string): string => title.normalize("NFC").toLocaleLowerCase("pt-BR").replace(/\s+/g, " ").trim();

/**
 * How the sync knows a Decide Contagem process is one of the record's (then it takes that row over): by its slug there
 * where the record gives one, else by its title — the record's name of the process, or the title this graph shows
 * (the 2022 OGP vote's). Each maps to the record's key (`recordKey`).
 */
export function recordProcessKeys(): { bySlug: Map<string, string>; byTitle: Map<string, string> } {
  const processes = recordProcesses();
  const bySlug = new Map(processes.flatMap((p) => (p.slug ? [[p.slug, p.key] as const] : [])));
  const byTitle = new Map([...processes.map((p) => [comparableTitle(p.key), p.key] as const), [comparableTitle(OGP_RECORD_NAME), OGP_RECORD_NAME], [comparableTitle(OGP_TITLE), OGP_RECORD_NAME]]);
  return { bySlug, byTitle };
}

/**
 * The sync's row of the Decide Contagem process that is the record's `key` (by its slug there, else its title; see
 * recordProcessKeys) and that no record item has claimed yet; null when none.
 */
async function importedProcessFor(tx: EntityManager, key: string): Promise<ProcessEntity | null> {
  const { bySlug, byTitle } = recordProcessKeys();
  const imported = await tx.find(ProcessEntity, { importedFrom: { system: SourceSystem.DECIDIM, type: "ParticipatoryProcess" }, recordKey: null } as never);
  const slug = decidimSlugOf;
  return (
    imported.find((row) => bySlug.get(slug(row.importedFrom!.url) ?? "") === key) ??
    imported.find((row) => byTitle.get(comparableTitle(row.title)) === key) ??
    null
  );
}

/** The slug of a Decidim process page (`…/processes/<slug>`), or null. */
export function decidimSlugOf(url: string): string | null {
  try {
    const match = /^\/processes\/([^/]+)\/?$/.exec(new URL(url).pathname);
    return match ? decodeURIComponent(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * The record states no minimum age for its processes and no supports for the options of its vote: null, not the
 * product's default age or a count of 0 (a database seeded earlier had both). Touches no row on a current database.
 */
async function forgetUnstatedCounts(tx: EntityManager): Promise<void> {
  const s = `"${tx.config.get("schema")}"`;
  await tx.execute(`update ${s}.process set minimum_age = null where record_key is not null and minimum_age is not null`);
  await tx.execute(
    `update ${s}.proposal set support_count = null where author_id is null and support_count is not null
       and process_id in (select id from ${s}.process where record_key is not null)`,
  );
}

/**
 * The 2022 OGP vote's description, in Portuguese, from what its sources state (the record's item and its sources: the
 * platform, the 2022-2024 action plan sent on 2022-12-15). When Contagem joined OGP Local is in the earlier file only,
 * with no source: not said.
 */
function ogpDescription(): string {
  const vote = facts.ogpLocal.prioritisationVote;
  const [period, submitted] = facts.ogpLocal.actionPlan.split(", submitted ");
  const [year, month, day] = submitted.split("-");
  return (
    `Votação na plataforma ${vote.platform} para priorizar os compromissos do Plano de Ação ${period} (enviado em ` +
    `${day}/${month}/${year}) da Parceria para Governo Aberto (OGP Local). ` +
    "Os resultados da votação não estão registrados neste sistema."
  );
}

/**
 * The 2022 OGP vote: its options as its sources word them (the record's item), its description in Portuguese. A
 * database seeded earlier gets the record's key, sources, wording and options rewritten in place (same rows).
 */
async function seedOgpVote(tx: EntityManager): Promise<number> {
  const ogp = record.decideContagem.find((item) => item.item === "process" && item.name === OGP_RECORD_NAME)!;
  const stated = (ogp as { options?: string[] }).options;
  const options = stated ?? facts.ogpLocal.commitments;
  // An option cites the item's sources only where the item itself states the options.
  const optionSources = stated ? itemSources(ogp) : [];
  const existing = (await tx.findOne(ProcessEntity, { title: OGP_TITLE })) ?? (await importedProcessFor(tx, OGP_RECORD_NAME));
  if (existing?.importedFrom?.system) {
    // Decide Contagem holds it (the sync took it over, or came first): the sync owns its text, status, phases and
    // options; the record its name, kind, rules and sources.
    const { kind, title, maxChoices, rulesText, recordKey, sources } = ogpValues();
    tx.assign(existing, { kind, title, maxChoices, rulesText, recordKey, sources });
    return 0;
  }
  if (existing) {
    tx.assign(existing, { recordKey: OGP_RECORD_NAME, sources: itemSources(ogp), description: ogpDescription() });
    const proposals = await tx.find(ProposalEntity, { process: existing, author: null }, { orderBy: { id: "asc" } });
    if (proposals.length === options.length) {
      proposals.forEach((proposal, i) =>
        tx.assign(proposal, { title: options[i], body: `Compromisso do Plano de Ação OGP Local: ${options[i]}.`, sources: optionSources }),
      );
    }
    return 0;
  }
  const process = tx.create(ProcessEntity, { ...ogpValues(), minimumAge: null });
  createOgpPhases(tx, process);
  createOgpOptions(tx, process);
  return 1;
}

/** The record's item of the 2022 OGP vote. */
const ogpItem = () => record.decideContagem.find((item) => item.item === "process" && item.name === OGP_RECORD_NAME)!;

/** The 2022 OGP vote as the record states it (the earlier seed's title kept). */
function ogpValues() {
  return {
    kind: ProcessKind.PRIORITISATION_VOTE,
    title: OGP_TITLE,
    description: ogpDescription(),
    status: ProcessStatus.CLOSED,
    maxChoices: 3,
    rulesText: "Cada cidadão escolhe três dos cinco compromissos.",
    recordKey: OGP_RECORD_NAME,
    sources: itemSources(ogpItem()),
  };
}

function createOgpPhases(tx: EntityManager, process: ProcessEntity): void {
  const vote = facts.ogpLocal.prioritisationVote;
  tx.create(PhaseEntity, { process, position: 1, kind: PhaseKind.VOTING, title: "Votação", startsAt: new Date(`${vote.opened}T00:00:00-03:00`), endsAt: null });
}

/** Its five commitments as options, worded as the record's item states them (its sources cited where it does). */
function createOgpOptions(tx: EntityManager, process: ProcessEntity): void {
  const ogp = ogpItem();
  const stated = (ogp as { options?: string[] }).options;
  const optionSources = stated ? itemSources(ogp) : [];
  for (const option of stated ?? facts.ogpLocal.commitments) {
    tx.create(ProposalEntity, { process, author: null, title: option, body: `Compromisso do Plano de Ação OGP Local: ${option}.`, sources: optionSources });
  }
}
