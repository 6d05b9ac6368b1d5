import { badInput, conflict, findOrBadInput, MANDATE, parseId, requireFact, requireSameCouncil, sourcesInput, write, type RequestContext } from "@contagem/schema";
import { AttendanceEntity } from "../attendance/attendance.entity";
import { quorumOf } from "@contagem/rules";
import { AgendaItemEntity, MeetingEntity } from "../meetings/meeting.entity";
import { MeetingStatus } from "../meetings/meeting.enums";
import { atMeeting, requireStatus } from "../meetings/meeting.service";
import { DeliberationEntity, VoteEntity } from "./deliberation.entity";
import { DeliberationOutcome } from "./deliberation.enums";
import type { RecordDeliberationInput } from "./deliberation.inputs";
import { checkVotes, sittingMandates } from "./deliberation.votes";

export function recordDeliberation(ctx: RequestContext, input: RecordDeliberationInput): Promise<DeliberationEntity> {
  return write(ctx, {
    action: "deliberation.record",
    entityType: "Deliberation",
    entity: DeliberationEntity,
    input,
    // The councils subgraph says whose each nominal vote's mandate is, with the meeting's council, in one request.
    ...atMeeting(ctx, input.meetingId, async () => ({
      voters: await Promise.all((input.votes ?? []).map((vote, i) => requireFact(ctx, MANDATE, vote.mandateId, `votes[${i}].mandateId`))),
    })),
    run: async (em, _located, { voters }) => {
      const meeting = await em.findOneOrFail(MeetingEntity, { id: parseId(input.meetingId) });
      requireStatus(meeting, [MeetingStatus.HELD], "record a deliberation of");
      const quorum = quorumOf(meeting.quorumRule, meeting.seatsTotal, meeting.presentCount);
      if (quorum.achieved === false) {
        throw conflict(`No quorum (${quorum.present} of the ${quorum.required} required): the meeting cannot deliberate.`);
      }
      const item = await findOrBadInput(em, AgendaItemEntity, input.agendaItemId, "agendaItemId");
      const itemMeeting = await em.findOneOrFail(MeetingEntity, { id: item.meeting.id });
      requireSameCouncil("agendaItemId", meeting.councilId, itemMeeting.councilId);
      if (itemMeeting.id !== meeting.id) throw badInput("agendaItemId", "The agenda item is not on this meeting's agenda.");
      voters!.forEach((voter, i) => requireSameCouncil(`votes[${i}].mandateId`, meeting.councilId, voter.councilId));
      const votes = (input.votes ?? []).map((vote, i) => ({ mandateId: voters![i].id, choice: vote.choice }));
      const sitting = votes.length ? sittingMandates(await em.find(AttendanceEntity, { meeting })) : new Map<number, number>();
      checkVotes(input, quorum.present, votes, sitting);
      const text = input.text.trim();
      if (text.length < 3) throw badInput("text", '"text" must say what was decided.');
      const deliberation = em.create(DeliberationEntity, {
        meeting,
        agendaItem: item,
        text,
        votesFor: input.votesFor,
        votesAgainst: input.votesAgainst,
        abstentions: input.abstentions,
        outcome: input.outcome ?? (input.votesFor > input.votesAgainst ? DeliberationOutcome.APPROVED : DeliberationOutcome.REJECTED),
        sources: sourcesInput(input.sources) ?? [],
      });
      for (const vote of votes) em.create(VoteEntity, { deliberation, mandateId: vote.mandateId, choice: vote.choice });
      return deliberation;
    },
  });
}
