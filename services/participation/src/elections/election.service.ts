import { badInput, findOrBadInput, loadForWrite, optionalFact, parseId, sourcesInput, TERRITORY, write, type RequestContext } from "@contagem/schema";
import { canManageParticipation } from "../participants/participant.policy";
import { ProcessEntity } from "../processes/process.entity";
import { ProcessKind } from "../processes/process.enums";
import { STAFF_ONLY, requireOwnProcess } from "../processes/process.service";
import { CandidacyEntity } from "./candidacy.entity";
import { resultsPublished } from "../webhooks/participation.events";
import type { RecordCandidacyInput, RecordElectionResultsInput } from "./election.inputs";

function requireElection(process: ProcessEntity): void {
  requireOwnProcess(process);
  if (process.kind !== ProcessKind.COUNCIL_ELECTION) throw badInput("processId", "Candidacies belong to a COUNCIL_ELECTION process.");
}

export function recordCandidacy(ctx: RequestContext, input: RecordCandidacyInput): Promise<CandidacyEntity> {
  return write(ctx, {
    action: "candidacy.record",
    entityType: "Candidacy",
    entity: CandidacyEntity,
    input,
    prepare: () => optionalFact(ctx, TERRITORY, input.territoryId, "territoryId"),
    locate: async (em) => {
      const process = await findOrBadInput(em, ProcessEntity, input.processId, "processId");
      return { council: process.councilId ? { id: process.councilId } : null };
    },
    gate: (viewer) => canManageParticipation(viewer),
    allow: (viewer) => canManageParticipation(viewer),
    denied: STAFF_ONLY,
    run: async (em, _located, territory) => {
      const process = await em.findOneOrFail(ProcessEntity, { id: parseId(input.processId) });
      requireElection(process);
      const displayName = input.displayName.trim().replace(/\s+/g, " ");
      if (displayName.length < 3) throw badInput("displayName", "The candidacy needs the name the notice writes.");
      return em.create(CandidacyEntity, {
        process,
        displayName,
        segment: input.segment?.trim() || null,
        territoryId: territory?.id ?? null,
        sources: sourcesInput(input.sources) ?? [],
      });
    },
  });
}

/** The official results of an election: votes per candidacy, and who was elected. */
export function recordElectionResults(ctx: RequestContext, input: RecordElectionResultsInput): Promise<ProcessEntity> {
  return write(ctx, {
    action: "election.results",
    entityType: "ParticipatoryProcess",
    entity: ProcessEntity,
    input,
    events: (process) => [resultsPublished(process)],
    locate: async (em) => {
      const record = await loadForWrite(em, ProcessEntity, input.processId, "ParticipatoryProcess", "processId");
      return { record, council: record.councilId ? { id: record.councilId } : null };
    },
    gate: (viewer) => canManageParticipation(viewer),
    allow: (viewer) => canManageParticipation(viewer),
    denied: STAFF_ONLY,
    run: async (em, { record }) => {
      const process = record!;
      requireElection(process);
      for (const [i, result] of input.results.entries()) {
        if (!Number.isInteger(result.votes) || result.votes < 0) throw badInput(`results[${i}].votes`, "Votes are a count.");
        const candidacy = await em.findOne(CandidacyEntity, { id: parseId(result.candidacyId, `results[${i}].candidacyId`), process });
        if (!candidacy) throw badInput(`results[${i}].candidacyId`, "Not a candidacy of this election.");
        candidacy.votes = result.votes;
        candidacy.elected = result.elected;
      }
      process.updatedAt = new Date();
      return process;
    },
  });
}
