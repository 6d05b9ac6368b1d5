import { civilToday, DEFAULT_AUDIT_SCHEMA, recordRemovals, RemovalReason } from "@contagem/schema";
import { ref } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { AssemblyEntity } from "../decide/assembly.entity";
import { InterventionEntity } from "../interventions/intervention.entity";
import { PhaseEntity, ProcessEntity, ProcessMeetingEntity } from "../processes/process.entity";
import { ProposalEntity } from "../proposals/proposal.entity";
import { comparableTitle, leaveRecordProcess, recordProcessKeys } from "../seed/seed";
import { AssemblyMeetingEntity } from "./assembly-meeting.entity";
import { orTitle, phasesOf, processKindOf, processStatusOf, projectStatusOf, proposalStatusOf } from "./mapping";
import { ProcessResultEntity } from "./process-result.entity";
import type { DecidimSnapshot } from "./records";
import { DecidimSyncRunEntity, type SyncCounts } from "./sync-run.entity";
import { upsertRecords, type Importable, type Upserted } from "./upsert";

export interface ApplyOptions {
  /** The shared audit schema (default `audit`): the sync's audit entry and the removed records' tombstones go there. */
  auditSchema?: string;
  /** Today in Contagem (YYYY-MM-DD), which a process's status depends on; default: today. */
  today?: string;
}

/** The audit log's actor for the sync: no person, the job. */
export const SYNC_ACTOR = "system:decidim-sync";

/**
 * Applies one snapshot of Decide Contagem to the graph, in ONE transaction (all of it or nothing): upserts every record
 * by its Decidim type and id, rewrites only rows whose content changed, removes the imported rows whose record is no
 * longer in the snapshot (deleted, hidden by moderation, unpublished: with a tombstone each), and writes the sync run
 * and one audit entry. Applying the same snapshot again changes nothing. Records this graph has no place for (proposals,
 * projects or results of an assembly; meetings of a process) are counted as skipped.
 */
export async function applyDecidimSnapshot(em: EntityManager, snapshot: DecidimSnapshot, options: ApplyOptions = {}): Promise<DecidimSyncRunEntity> {
  const auditSchema = options.auditSchema ?? DEFAULT_AUDIT_SCHEMA;
  const today = options.today ?? civilToday();
  const startedAt = new Date();
  return em.transactional(async (tx) => {
    const importedAt = new Date();
    const skipped: Record<string, number> = {};
    const skip = (kind: string) => (skipped[kind] = (skipped[kind] ?? 0) + 1);
    const withProjects = new Set(snapshot.projects.filter((p) => p.space.type === "ParticipatoryProcess").map((p) => p.space.externalId));

    // A process of the public record that Decide Contagem holds (same slug, else same title) is taken over: one process,
    // not two. The record keeps its name, kind, council, rules and sources; Decidim gives its status, description,
    // phases and records — an option of the record's with the same title among them (one option, not two).
    const { bySlug, byTitle } = recordProcessKeys();
    const recordRows = await tx.find(ProcessEntity, { recordKey: { $ne: null } });
    const recordOwned = new Map(recordRows.map((row) => [row.id, { title: row.title, kind: row.kind, sources: row.sources, maxChoices: row.maxChoices }]));
    const adoptableProcesses = new Map(recordRows.filter((row) => !row.importedFrom?.system).map((row) => [row.recordKey!, row]));
    // Each record row goes to one Decidim process at most: one matching by slug first, else the first by title.
    const claimed = new Map<string, ProcessEntity>();
    for (const match of [(p: { slug: string }) => bySlug.get(p.slug), (p: { title: string }) => byTitle.get(comparableTitle(p.title))]) {
      for (const p of snapshot.processes) {
        const row = adoptableProcesses.get(match(p) ?? "");
        if (!row || claimed.has(p.externalId)) continue;
        claimed.set(p.externalId, row);
        adoptableProcesses.delete(row.recordKey!);
      }
    }
    const adoptProcess = (externalId: string) => claimed.get(externalId) ?? null;
    const processes = await upsertRecords(tx, ProcessEntity, "ParticipatoryProcess", snapshot.processes.map((p) => {
      const status = processStatusOf(p, today);
      const kind = processKindOf(withProjects.has(p.externalId));
      return {
        externalId: p.externalId, url: p.url, hashed: { p, status, kind },
        values: { kind, status, title: p.title, description: orTitle([p.subtitle, p.description].filter(Boolean).join("\n\n"), p.title), minimumAge: null, maxChoices: null, sources: [{ url: p.url }] },
      };
    }), importedAt, (record) => adoptProcess(record.externalId));
    for (const row of processes.changed) if (recordOwned.has(row.id)) tx.assign(row, recordOwned.get(row.id)!);
    await tx.flush();
    const changedProcesses = [...processes.changed];
    if (changedProcesses.length) await tx.nativeDelete(PhaseEntity, { process: { $in: changedProcesses.map((p) => p.id) } });
    for (const p of snapshot.processes) {
      const row = processes.rows.get(p.externalId)!;
      if (processes.changed.has(row)) for (const phase of phasesOf(p)) tx.create(PhaseEntity, { ...phase, process: row });
    }
    const processOf = (space: { type: string; externalId: string }, kind: string) => {
      const row = space.type === "ParticipatoryProcess" ? processes.rows.get(space.externalId) : undefined;
      if (!row) skip(kind);
      return row;
    };

    // What its author withdrew, or its organiser called off, leaves the graph as what Decidim hides does (issue 17).
    const proposalRows = snapshot.proposals.flatMap((p) => {
      if (p.state === "withdrawn") return skip("withdrawnProposals"), [];
      const process = processOf(p.space, "proposals");
      if (!process) return [];
      return [{
        externalId: p.externalId, url: p.url, hashed: p,
        values: {
          process, author: null, territoryId: null, title: p.title, body: orTitle(p.body, p.title), status: proposalStatusOf(p.state), statusReason: null,
          supportCount: p.voteCount, officialAnswer: p.answer, answeredAt: p.answeredAt ? new Date(p.answeredAt) : null,
          authorsCount: p.authorsCount, organizationAuthor: p.organizationAuthor, budgetAmount: null, statedVotes: null, sources: [{ url: p.url }],
        },
      }];
    });
    // The record's options of a process taken over (the 2022 OGP vote's commitments), by title: each is taken over by
    // the Decidim record with its title, keeping the record's sources.
    const recordOptions = new Map<string, ProposalEntity>();
    const adoptedIds = [...processes.rows.values()].filter((row) => row.recordKey != null).map((row) => row.id);
    for (const option of adoptedIds.length ? await tx.find(ProposalEntity, { process: { $in: adoptedIds }, author: null, importedFrom: { system: null } } as never) : []) {
      recordOptions.set(`${option.process.id}:${comparableTitle(option.title)}`, option);
    }
    const optionSources = new Map([...recordOptions.values()].map((option) => [option.id, option.sources]));
    const adoptOption = (record: { values: { process: ProcessEntity; title: string } }) => {
      const key = `${record.values.process.id}:${comparableTitle(record.values.title)}`;
      const option = recordOptions.get(key) ?? null;
      recordOptions.delete(key);
      return option;
    };
    const keepOptionSources = (changed: Set<ProposalEntity>) => {
      for (const row of changed) if (optionSources.get(row.id)?.length) tx.assign(row, { sources: optionSources.get(row.id)! });
    };
    const proposals = await upsertRecords(tx, ProposalEntity, "Proposal", proposalRows, importedAt, adoptOption);
    keepOptionSources(proposals.changed);
    const projectRows = snapshot.projects.flatMap((p) => {
      const process = processOf(p.space, "projects");
      if (!process) return [];
      return [{
        externalId: p.externalId, url: p.url, hashed: { p, processStatus: process.status },
        values: {
          process, author: null, territoryId: null, title: p.title, body: orTitle(p.description, p.title), status: projectStatusOf(p, process.status), statusReason: null,
          supportCount: null, officialAnswer: null, answeredAt: null, authorsCount: null, organizationAuthor: null,
          budgetAmount: p.budgetAmount, statedVotes: p.confirmedVotes, sources: [{ url: p.url }],
        },
      }];
    });
    const projects = await upsertRecords(tx, ProposalEntity, "Project", projectRows, importedAt, adoptOption);
    keepOptionSources(projects.changed);

    const resultRows = snapshot.results.flatMap((r) => {
      const process = processOf(r.space, "results");
      if (!process) return [];
      return [{
        externalId: r.externalId, url: r.url, hashed: r,
        values: { process, title: r.title, description: orTitle(r.description, r.title), startDate: r.startDate, endDate: r.endDate, progress: r.progress, statusName: r.statusName },
      }];
    });
    const results = await upsertRecords(tx, ProcessResultEntity, "Result", resultRows, importedAt);
    // Rows first, links after: a result may name a parent created in this same sync.
    await tx.flush();
    for (const r of snapshot.results) {
      const row = results.rows.get(r.externalId);
      const parent = r.parentExternalId ? (results.rows.get(r.parentExternalId) ?? null) : null;
      if (row && (row.parent?.id ?? null) !== (parent?.id ?? null)) row.parent = parent ? ref(parent) : null;
    }
    await tx.flush();

    // A space the public record seeded (same slug) is taken over, and keeps the record's name and facts.
    const seeded = await tx.find(AssemblyEntity, { recordHash: { $ne: null } });
    const recordText = new Map(seeded.map((row) => [row.id, { name: row.name, facts: row.facts }]));
    const adoptable = new Map(seeded.filter((row) => !row.importedFrom?.system).map((row) => [row.slug, row]));
    const assemblies = await upsertRecords(tx, AssemblyEntity, "Assembly", snapshot.assemblies.map((a) => ({
      externalId: a.externalId, url: a.url, hashed: a, values: { slug: a.slug, name: a.title, facts: "", subtitle: a.subtitle, description: a.description },
    })), importedAt, (record) => adoptable.get(record.values.slug) ?? null);
    for (const row of assemblies.changed) if (recordText.has(row.id)) tx.assign(row, recordText.get(row.id)!);
    const meetingRows = snapshot.meetings.flatMap((m) => {
      if (m.withdrawn) return skip("withdrawnMeetings"), [];
      if (!m.startTime) return skip("undatedMeetings"), [];
      const assembly = m.space.type === "Assembly" ? assemblies.rows.get(m.space.externalId) : undefined;
      if (!assembly) return skip("meetings"), [];
      return [{
        externalId: m.externalId, url: m.url, hashed: m,
        values: {
          assembly, title: m.title, description: orTitle(m.description, m.title), startsAt: new Date(m.startTime), endsAt: m.endTime ? new Date(m.endTime) : null,
          address: m.address, agenda: m.agenda, closed: m.closed, closingReport: m.closingReport, attendeesCount: m.attendeesCount,
          contributionsCount: m.contributionsCount, attendingOrganizations: m.attendingOrganizations,
        },
      }];
    });
    const meetings = await upsertRecords(tx, AssemblyMeetingEntity, "Meeting", meetingRows, importedAt);
    await tx.flush();

    const where = { auditSchema, subgraph: "participation" };
    await remove(tx, where, "AssemblyMeeting", AssemblyMeetingEntity, meetings);
    await remove(tx, where, "ProcessResult", ProcessResultEntity, results);
    await remove(tx, where, "Proposal", ProposalEntity, proposals);
    await remove(tx, where, "Proposal", ProposalEntity, projects);
    // One the record holds stays, as the record states it; the rest leave.
    const left: ProcessEntity[] = [];
    for (const row of processes.gone) if (await leaveRecordProcess(tx, row)) left.push(row);
    await tx.flush();
    const goneProcesses = processes.gone.filter((row) => !left.includes(row)).map((p) => p.id);
    if (goneProcesses.length) {
      // A council's works may cite an imported process (createIntervention): they are the council's record and stay,
      // without the citation, rather than hold the process (and every later sync) in place.
      for (const works of await tx.find(InterventionEntity, { process: { $in: goneProcesses } })) works.process = null;
      await tx.flush();
      await tx.nativeDelete(PhaseEntity, { process: { $in: goneProcesses } });
      await tx.nativeDelete(ProcessMeetingEntity, { process: { $in: goneProcesses } });
    }
    await remove(tx, where, "ParticipatoryProcess", ProcessEntity, { ...processes, gone: processes.gone.filter((row) => !left.includes(row)) });
    await leaveAssemblies(tx, where, assemblies);

    const counts: SyncCounts = {
      processes: processes.counts, proposals: proposals.counts, projects: projects.counts, results: results.counts,
      assemblies: assemblies.counts, meetings: meetings.counts,
    };
    const run = tx.create(DecidimSyncRunEntity, {
      startedAt, finishedAt: new Date(), apiUrl: snapshot.apiUrl, decidimVersion: snapshot.decidimVersion, counts, skipped, error: null,
    });
    await tx.flush();
    await tx.execute(
      `insert into "${auditSchema}".audit_entry (subgraph, actor_sub, actor_roles, action, entity_type, entity_id, request_id, details)
       values ('participation', ?, '{}'::text[], 'decidim.sync', 'DecidimSyncRun', ?, ?, ?::jsonb)`,
      [SYNC_ACTOR, run.id, `decidim-sync-${run.id}`, JSON.stringify({ apiUrl: snapshot.apiUrl, fetchedAt: snapshot.fetchedAt, counts, skipped })],
    );
    return run;
  });
}

async function remove<E extends Importable>(tx: EntityManager, where: { auditSchema: string; subgraph: string }, type: string, entity: new () => E, upserted: Upserted<E>) {
  const ids = upserted.gone.map((row) => row.id);
  if (!ids.length) return;
  await tx.nativeDelete(entity, { id: { $in: ids } } as never);
  await recordRemovals(tx, where, type, ids, RemovalReason.DELETED);
}

/** A space no longer on Decidim leaves; one the public record seeded stays, as the record states it, without its import. */
async function leaveAssemblies(tx: EntityManager, where: { auditSchema: string; subgraph: string }, upserted: Upserted<AssemblyEntity>) {
  const seeded = upserted.gone.filter((row) => row.recordHash != null);
  if (seeded.length) {
    await tx.nativeDelete(AssemblyMeetingEntity, { assembly: { $in: seeded.map((row) => row.id) } });
    for (const row of seeded) tx.assign(row, { importedFrom: null, subtitle: null, description: null });
    await tx.flush();
  }
  await remove(tx, where, "Assembly", AssemblyEntity, { ...upserted, gone: upserted.gone.filter((row) => row.recordHash == null) });
}
