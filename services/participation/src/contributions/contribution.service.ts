import { MEETING, badInput, conflict, loadForWrite, optionalFact, parseId, recordRemovals, RemovalReason, requireFact, requireSecretariatRecord, write, type RequestContext } from "@contagem/schema";
import { canManageParticipation, isCitizen } from "../participants/participant.policy";
import { CITIZENS_ONLY, requireMe } from "../participants/participant.service";
import { ProcessEntity } from "../processes/process.entity";
import { ProcessStatus } from "../processes/process.enums";
import { STAFF_ONLY, requireOwnProcess } from "../processes/process.service";
import { ProposalEntity } from "../proposals/proposal.entity";
import { ContributionEntity, MeetingPresenceEntity } from "./contribution.entity";
import { ContributionStatus } from "./contribution.enums";
import type { ContributeInput, ModerateContributionInput, RecordPresenceInput } from "./contribution.inputs";

export function contribute(ctx: RequestContext, input: ContributeInput): Promise<ContributionEntity> {
  return write(ctx, {
    action: "contribution.submit",
    entityType: "Contribution",
    entity: ContributionEntity,
    input,
    prepare: () => optionalFact(ctx, MEETING, input.meetingId, "meetingId"),
    gate: (viewer) => isCitizen(viewer),
    allow: (viewer) => isCitizen(viewer),
    denied: CITIZENS_ONLY,
    run: async (em, _located, meeting) => {
      if ((input.meetingId == null) === (input.proposalId == null)) {
        throw badInput("meetingId", 'Give exactly one of "meetingId" or "proposalId".');
      }
      const me = await requireMe(em, ctx);
      const body = input.body.trim();
      if (body.length < 3 || body.length > 5000) throw badInput("body", '"body" must have 3 to 5000 characters.');
      let councilId = meeting?.councilId ?? null;
      let proposal: ProposalEntity | null = null;
      if (meeting) requireSecretariatRecord(meeting, "no comment can be added to it");
      if (meeting && meeting.status === "CANCELLED") throw conflict("The meeting was cancelled.");
      if (input.proposalId != null) {
        proposal = await em.findOne(ProposalEntity, { id: parseId(input.proposalId, "proposalId") });
        if (!proposal) throw badInput("proposalId", "No such proposal.");
        const process = await em.findOneOrFail(ProcessEntity, { id: proposal.process.id });
        requireOwnProcess(process);
        if (process.status !== ProcessStatus.OPEN) throw conflict(`The process is ${process.status}: it takes no comments now.`);
        councilId = process.councilId ?? null;
      }
      return em.create(ContributionEntity, {
        participant: me,
        meetingId: meeting?.id ?? null,
        proposal,
        councilId,
        body,
        status: ContributionStatus.PENDING,
        channel: input.channel,
      });
    },
  });
}

export function moderateContribution(ctx: RequestContext, input: ModerateContributionInput): Promise<ContributionEntity> {
  return write(ctx, {
    action: "contribution.moderate",
    entityType: "Contribution",
    entity: ContributionEntity,
    input,
    locate: async (em) => {
      const record = await loadForWrite(em, ContributionEntity, input.contributionId, "Contribution", "contributionId");
      return { record, council: record.councilId ? { id: record.councilId } : null };
    },
    gate: (viewer) => canManageParticipation(viewer),
    allow: (viewer) => canManageParticipation(viewer),
    denied: STAFF_ONLY,
    run: async (em, { record }) => {
      const contribution = record!;
      if (input.status === ContributionStatus.PENDING) throw badInput("status", "Moderation publishes or hides.");
      // Only what the public saw gets a tombstone: a comment hidden before publication was never public.
      if (input.status === ContributionStatus.HIDDEN && contribution.status === ContributionStatus.PUBLISHED) {
        await recordRemovals(em, ctx, "Contribution", [contribution.id], RemovalReason.HIDDEN);
      }
      if (input.status === ContributionStatus.HIDDEN) {
        const reason = input.reason?.trim();
        if (!reason || reason.length < 3) throw badInput("reason", "Hiding a contribution needs its reason.");
        contribution.hiddenReason = reason;
      } else {
        contribution.hiddenReason = null;
        contribution.publishedAt ??= new Date();
      }
      contribution.status = input.status;
      return contribution;
    },
  });
}

export function recordPresence(ctx: RequestContext, input: RecordPresenceInput): Promise<MeetingPresenceEntity> {
  return write(ctx, {
    action: "presence.record",
    entityType: "MeetingPresence",
    entity: MeetingPresenceEntity,
    input,
    prepare: () => requireFact(ctx, MEETING, input.meetingId, "meetingId"),
    gate: (viewer) => isCitizen(viewer),
    allow: (viewer) => isCitizen(viewer),
    denied: CITIZENS_ONLY,
    run: async (em, _located, meeting) => {
      const me = await requireMe(em, ctx);
      requireSecretariatRecord(meeting, "no presence can be registered at it");
      if (meeting.status === "CANCELLED") throw conflict("The meeting was cancelled.");
      if (await em.count(MeetingPresenceEntity, { participant: me, meetingId: meeting.id })) {
        throw conflict("Your presence at this meeting is already recorded.");
      }
      return em.create(MeetingPresenceEntity, { participant: me, meetingId: meeting.id, councilId: meeting.councilId, channel: input.channel });
    },
  });
}
