import { badInput, loadForWrite, write, type RequestContext } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { canManageParticipation } from "../participants/participant.policy";
import { PhaseEntity, ProcessEntity } from "../processes/process.entity";
import { STAFF_ONLY, requireOwnProcess } from "../processes/process.service";
import { ProposalEntity } from "./proposal.entity";
import { ProposalStatus } from "./proposal.enums";
import type { DecideProposalInput, WithdrawProposalInput } from "./proposal.inputs";
import { canDecideProposal, canWithdrawProposal, withdrawsProposals } from "./proposal.policy";
import { requireCitizensDone, requireOpenForAuthor, requirePublished } from "./proposal.transitions";

function reasonOf(value: string | null | undefined, required: boolean): string | null {
  const reason = value?.trim() || null;
  if (required && !reason) throw badInput("reason", "Say why: a reason of 3 to 2,000 characters.");
  if (reason && (reason.length < 3 || reason.length > 2000)) throw badInput("reason", '"reason" must have 3 to 2,000 characters.');
  return reason;
}

/** The proposal, locked, and its process's council (for the audit). */
async function locateProposal(em: EntityManager, proposalId: string) {
  const record = await loadForWrite(em, ProposalEntity, proposalId, "Proposal", "proposalId");
  const process = await em.findOneOrFail(ProcessEntity, { id: record.process.id });
  return { record, council: process.councilId ? { id: process.councilId } : null };
}

/**
 * The login of a proposal's author, for the policy. Read as a value, not by loading the participant: the proposal's
 * audit hash must not take in its author's personal data.
 */
async function authorSubject(em: EntityManager, proposal: ProposalEntity): Promise<string | null> {
  if (!proposal.author) return null;
  const [row] = await em.execute<{ subject: string | null }[]>(`select subject from "${em.config.get("schema")}".participant where id = ?`, [proposal.author.id]);
  return row?.subject ?? null;
}

export function withdrawProposal(ctx: RequestContext, input: WithdrawProposalInput): Promise<ProposalEntity> {
  let author: string | null = null;
  return write(ctx, {
    action: "proposal.withdraw",
    entityType: "Proposal",
    entity: ProposalEntity,
    input,
    gate: (viewer) => withdrawsProposals(viewer),
    locate: async (em) => {
      const located = await locateProposal(em, input.proposalId);
      author = await authorSubject(em, located.record);
      return located;
    },
    allow: (viewer) => canWithdrawProposal(viewer, author),
    denied: "Only the proposal's author, STAFF or ADMIN may withdraw it.",
    run: async (em, { record }) => {
      const proposal = record!;
      const process = await em.findOneOrFail(ProcessEntity, { id: proposal.process.id });
      requireOwnProcess(process);
      requirePublished(proposal.status, "withdrawn");
      requireOpenForAuthor(process.status, canManageParticipation(ctx.viewer));
      proposal.statusReason = reasonOf(input.reason, true);
      proposal.status = ProposalStatus.WITHDRAWN;
      return proposal;
    },
  });
}

export function decideProposal(ctx: RequestContext, input: DecideProposalInput): Promise<ProposalEntity> {
  return write(ctx, {
    action: "proposal.decide",
    entityType: "Proposal",
    entity: ProposalEntity,
    input,
    gate: (viewer) => canDecideProposal(viewer),
    locate: (em) => locateProposal(em, input.proposalId),
    allow: (viewer) => canDecideProposal(viewer),
    denied: STAFF_ONLY,
    run: async (em, { record }) => {
      const proposal = record!;
      const process = await em.findOneOrFail(ProcessEntity, { id: proposal.process.id });
      requireOwnProcess(process);
      requirePublished(proposal.status, `${input.decision}`);
      requireCitizensDone(process.status, await em.find(PhaseEntity, { process }), new Date());
      proposal.statusReason = reasonOf(input.reason, false);
      proposal.status = ProposalStatus[input.decision];
      return proposal;
    },
  });
}
