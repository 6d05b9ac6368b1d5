import { AppError, badInput, conflict, ErrorCode, findOrBadInput, optionalFact, parseId, sourcesInput, TERRITORY, write, type RequestContext, type Viewer } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { BallotChoiceEntity, BallotEntity } from "../ballots/ballot.entity";
import { canManageParticipation, isCitizen } from "../participants/participant.policy";
import { CITIZENS_ONLY, requireMe } from "../participants/participant.service";
import { ageToday } from "../participants/participant.validation";
import type { ParticipantEntity } from "../participants/participant.entity";
import { PhaseEntity, ProcessEntity } from "../processes/process.entity";
import { PhaseKind, ProcessKind } from "../processes/process.enums";
import { STAFF_ONLY, requireOwnProcess, requirePhase } from "../processes/process.service";
import { ProposalEntity } from "./proposal.entity";
import { ProposalStatus } from "./proposal.enums";
import type { CastBallotInput, CreateProposalOptionInput, SubmitProposalInput, SupportProposalInput } from "./proposal.inputs";

const councilOf = (process: ProcessEntity) => (process.councilId ? { id: process.councilId } : null);

/** A citizen acting on a process: the process must exist; the audit records its council. */
const citizenOnProcess = (processId: string) => ({
  locate: async (em: EntityManager) => ({ council: councilOf(await findOrBadInput(em, ProcessEntity, processId, "processId")) }),
  gate: (viewer: Viewer) => isCitizen(viewer),
  allow: (viewer: Viewer) => isCitizen(viewer),
  denied: CITIZENS_ONLY,
});

function checkText(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < 3 || trimmed.length > max) throw badInput(field, `"${field}" must have 3 to ${max} characters.`);
  return trimmed;
}

/** Old enough for this process (16 unless the process says otherwise; a process with no stated age asks none). */
function requireAge(me: ParticipantEntity, process: ProcessEntity): void {
  if (process.minimumAge == null) return;
  if (!me.birthDate || ageToday(me.birthDate) < process.minimumAge) {
    throw new AppError(ErrorCode.FORBIDDEN, `This process is open from ${process.minimumAge} years of age.`);
  }
}

export function submitProposal(ctx: RequestContext, input: SubmitProposalInput): Promise<ProposalEntity> {
  return write(ctx, {
    action: "proposal.submit",
    entityType: "Proposal",
    entity: ProposalEntity,
    input,
    ...citizenOnProcess(input.processId),
    prepare: () => optionalFact(ctx, TERRITORY, input.territoryId, "territoryId"),
    run: async (em, _located, territory) => {
      const me = await requireMe(em, ctx);
      const process = await em.findOneOrFail(ProcessEntity, { id: parseId(input.processId) });
      requireAge(me, process);
      await requirePhase(em, process, PhaseKind.PROPOSALS, "proposals");
      return em.create(ProposalEntity, {
        process,
        author: me,
        title: checkText(input.title, "title", 300),
        body: checkText(input.body, "body", 20_000),
        territoryId: territory?.id ?? process.territoryId ?? null,
        sources: sourcesInput(input.sources) ?? [],
      });
    },
  });
}

export function createProposalOption(ctx: RequestContext, input: CreateProposalOptionInput): Promise<ProposalEntity> {
  return write(ctx, {
    action: "proposal.option",
    entityType: "Proposal",
    entity: ProposalEntity,
    input,
    prepare: () => optionalFact(ctx, TERRITORY, input.territoryId, "territoryId"),
    locate: async (em) => ({ council: councilOf(await findOrBadInput(em, ProcessEntity, input.processId, "processId")) }),
    gate: (viewer) => canManageParticipation(viewer),
    allow: (viewer) => canManageParticipation(viewer),
    denied: STAFF_ONLY,
    run: async (em, _located, territory) => {
      const process = await em.findOneOrFail(ProcessEntity, { id: parseId(input.processId) });
      requireOwnProcess(process);
      return em.create(ProposalEntity, {
        process,
        author: null,
        title: checkText(input.title, "title", 300),
        body: checkText(input.body, "body", 20_000),
        territoryId: territory?.id ?? null,
        sources: sourcesInput(input.sources) ?? [],
      });
    },
  });
}

/** Each citizen supports a proposal once; the count moves in the same transaction, by one, in the database. */
export function supportProposal(ctx: RequestContext, input: SupportProposalInput): Promise<ProposalEntity> {
  return write(ctx, {
    action: "proposal.support",
    entityType: "Proposal",
    entity: ProposalEntity,
    input,
    locate: async (em) => {
      const proposal = await findOrBadInput(em, ProposalEntity, input.proposalId, "proposalId");
      return { council: councilOf(await em.findOneOrFail(ProcessEntity, { id: proposal.process.id })) };
    },
    gate: (viewer) => isCitizen(viewer),
    allow: (viewer) => isCitizen(viewer),
    denied: CITIZENS_ONLY,
    run: async (em) => {
      const me = await requireMe(em, ctx);
      const proposal = await em.findOneOrFail(ProposalEntity, { id: parseId(input.proposalId) });
      const process = await em.findOneOrFail(ProcessEntity, { id: proposal.process.id });
      requireAge(me, process);
      if (proposal.status === ProposalStatus.WITHDRAWN) throw conflict("The proposal was withdrawn.");
      await requireSupportsOpen(em, process);
      const inserted = await em.execute<{ id: number }[]>(
        `insert into "${em.config.get("schema")}".support (proposal_id, participant_id, channel) values (?, ?, ?)
         on conflict (proposal_id, participant_id) do nothing returning id`,
        [proposal.id, me.id, input.channel],
      );
      if (inserted.length === 0) throw conflict("You already support this proposal.");
      await em.execute(`update "${em.config.get("schema")}".proposal set support_count = support_count + 1, updated_at = now() where id = ?`, [proposal.id]);
      await em.refresh(proposal);
      return proposal;
    },
  });
}

async function requireSupportsOpen(em: EntityManager, process: ProcessEntity): Promise<void> {
  const hasSupportPhase = await em.count(PhaseEntity, { process, kind: PhaseKind.SUPPORTS });
  await requirePhase(em, process, hasSupportPhase ? PhaseKind.SUPPORTS : PhaseKind.PROPOSALS, "supports");
}

/**
 * One ballot per participant per vote, within the voting phase and the process's rule. The unique index decides
 * between concurrent ballots of one person: one is counted, the other is CONFLICT.
 */
export function castBallot(ctx: RequestContext, input: CastBallotInput): Promise<BallotEntity> {
  return write(ctx, {
    action: "ballot.cast",
    entityType: "Ballot",
    entity: BallotEntity,
    input,
    ...citizenOnProcess(input.processId),
    run: async (em) => {
      const me = await requireMe(em, ctx);
      const process = await em.findOneOrFail(ProcessEntity, { id: parseId(input.processId) });
      if (process.kind !== ProcessKind.PRIORITISATION_VOTE && process.kind !== ProcessKind.REGIONAL_WORKS_BUDGET) {
        throw badInput("processId", "This process takes no ballots.");
      }
      requireAge(me, process);
      await requirePhase(em, process, PhaseKind.VOTING, "ballots");
      const ids = input.proposalIds.map((id, i) => parseId(id, `proposalIds[${i}]`));
      if (new Set(ids).size !== ids.length) throw badInput("proposalIds", "An option is picked at most once.");
      if (ids.length === 0) throw badInput("proposalIds", "Pick at least one option.");
      if (process.maxChoices != null && ids.length > process.maxChoices) {
        throw badInput("proposalIds", `Pick at most ${process.maxChoices} options.`);
      }
      const options = await em.count(ProposalEntity, { id: { $in: ids }, process, status: { $ne: ProposalStatus.WITHDRAWN } });
      if (options !== ids.length) throw badInput("proposalIds", "Every pick must be an option of this process.");
      const [ballot] = await em.execute<{ id: number }[]>(
        `insert into "${em.config.get("schema")}".ballot (process_id, participant_id, channel) values (?, ?, ?)
         on conflict (process_id, participant_id) do nothing returning id`,
        [process.id, me.id, input.channel],
      );
      if (!ballot) throw conflict("You already voted in this process: one ballot per participant.");
      const entity = await em.findOneOrFail(BallotEntity, { id: ballot.id });
      for (const proposalId of ids) em.create(BallotChoiceEntity, { ballot: entity, proposal: em.getReference(ProposalEntity, proposalId) });
      return entity;
    },
  });
}
