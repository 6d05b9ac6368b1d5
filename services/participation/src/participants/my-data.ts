import type { EntityManager } from "@mikro-orm/postgresql";
import { BallotChoiceEntity, BallotEntity } from "../ballots/ballot.entity";
import { ContributionEntity, MeetingPresenceEntity } from "../contributions/contribution.entity";
import { ProposalEntity, SupportEntity } from "../proposals/proposal.entity";
import { maskCpf } from "./cpf";
import type { ParticipantEntity } from "./participant.entity";
import type { MyParticipation, PersonalData } from "./participant.type";

export function personalData(p: ParticipantEntity): PersonalData {
  return {
    id: p.id,
    fullName: p.fullName ?? null,
    email: p.email ?? null,
    phone: p.phone ?? null,
    documentMasked: p.documentLastDigits ? maskCpf(p.documentLastDigits) : null,
    birthDate: p.birthDate ?? null,
    neighborhood: p.neighbourhood ?? null,
    neighbourhood: p.neighbourhood ?? null,
    territoryId: p.territoryId ?? null,
    handle: p.handle ?? null,
    profilePublic: p.profilePublic,
    channel: p.channel,
    createdAt: p.createdAt,
    erasedAt: p.erasedAt ?? null,
    version: p.version,
  };
}

/** Everything held about one participant, for `me` and `exportMyData`. */
export async function collectMyData(em: EntityManager, me: ParticipantEntity): Promise<MyParticipation> {
  const [proposals, supports, ballots, contributions, presences] = await Promise.all([
    em.find(ProposalEntity, { author: me }, { orderBy: { id: "asc" } }),
    em.find(SupportEntity, { participant: me }, { populate: ["proposal"], orderBy: { id: "asc" } }),
    em.find(BallotEntity, { participant: me }, { populate: ["process"], orderBy: { id: "asc" } }),
    em.find(ContributionEntity, { participant: me }, { orderBy: { id: "asc" } }),
    em.find(MeetingPresenceEntity, { participant: me }, { orderBy: { id: "asc" } }),
  ]);
  const choices = ballots.length
    ? await em.find(BallotChoiceEntity, { ballot: { $in: ballots.map((b) => b.id) } }, { populate: ["proposal"] })
    : [];
  return {
    personalData: personalData(me),
    proposals: proposals.map((p) => ({ id: p.id, title: p.title, status: p.status, createdAt: p.createdAt })),
    supports: supports.map((s) => ({ proposalId: s.proposal.id, proposalTitle: s.proposal.getEntity().title, at: s.createdAt })),
    ballots: ballots.map((b) => ({
      processId: b.process.id,
      processTitle: b.process.getEntity().title,
      choices: choices.filter((c) => c.ballot.id === b.id).map((c) => c.proposal.getEntity().title),
      castAt: b.createdAt,
    })),
    contributions: contributions.map((c) => ({
      id: c.id,
      body: c.body,
      status: c.status,
      hiddenReason: c.hiddenReason ?? null,
      meetingId: c.meetingId ?? null,
      proposalId: c.proposal?.id ?? null,
      createdAt: c.createdAt,
    })),
    presences: presences.map((p) => ({ meetingId: p.meetingId, at: p.createdAt })),
  };
}
