import { badInput, conflict, parseId, write, type RequestContext } from "@contagem/schema";
import { AttendanceEntity } from "../attendance/attendance.entity";
import { AttendanceStatus } from "../attendance/attendance.enums";
import { quorumOf } from "../attendance/quorum";
import { AgendaItemEntity, MeetingEntity } from "../meetings/meeting.entity";
import { MeetingStatus } from "../meetings/meeting.enums";
import { atMeeting, requireStatus } from "../meetings/meeting.service";
import { DeliberationEntity, VoteEntity } from "./deliberation.entity";
import { DeliberationOutcome } from "./deliberation.enums";
import type { RecordDeliberationInput } from "./deliberation.inputs";

export function recordDeliberation(ctx: RequestContext, input: RecordDeliberationInput): Promise<DeliberationEntity> {
  return write(ctx, {
    action: "deliberation.record",
    entityType: "Deliberation",
    entity: DeliberationEntity,
    input,
    ...atMeeting(ctx, input.meetingId),
    run: async (em) => {
      const meeting = await em.findOneOrFail(MeetingEntity, { id: parseId(input.meetingId) });
      requireStatus(meeting, [MeetingStatus.HELD], "record a deliberation of");
      const quorum = quorumOf(meeting.quorumRule, meeting.seatsTotal, meeting.presentCount);
      if (quorum.achieved === false) {
        throw conflict(`No quorum (${quorum.present} of the ${quorum.required} required): the meeting cannot deliberate.`);
      }
      const item = await em.findOne(AgendaItemEntity, { id: parseId(input.agendaItemId, "agendaItemId"), meeting });
      if (!item) throw badInput("agendaItemId", "The agenda item is not on this meeting's agenda.");
      for (const field of ["votesFor", "votesAgainst", "abstentions"] as const) {
        if (!Number.isInteger(input[field]) || input[field] < 0) throw badInput(field, `"${field}" must be a count (0 or more).`);
      }
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
      });
      if (input.votes?.length) {
        const attendance = await em.find(AttendanceEntity, { meeting });
        const voters = new Set<number>();
        for (const a of attendance) {
          if (a.status === AttendanceStatus.PRESENT) voters.add(a.mandateId);
          if (a.status === AttendanceStatus.SUBSTITUTED && a.substituteMandateId) voters.add(a.substituteMandateId);
        }
        const tally = { FOR: 0, AGAINST: 0, ABSTAIN: 0 };
        const seen = new Set<number>();
        input.votes.forEach((vote, i) => {
          const mandateId = parseId(vote.mandateId, `votes[${i}].mandateId`);
          if (!voters.has(mandateId)) throw badInput(`votes[${i}].mandateId`, `Mandate ${mandateId} did not sit at this meeting.`);
          if (seen.has(mandateId)) throw badInput(`votes[${i}].mandateId`, `Mandate ${mandateId} voted twice.`);
          seen.add(mandateId);
          tally[vote.choice]++;
          em.create(VoteEntity, { deliberation, mandateId, choice: vote.choice });
        });
        if (tally.FOR !== input.votesFor || tally.AGAINST !== input.votesAgainst || tally.ABSTAIN !== input.abstentions) {
          throw badInput("votes", `The nominal votes (${tally.FOR}/${tally.AGAINST}/${tally.ABSTAIN}) do not add up to the counts.`);
        }
      }
      return deliberation;
    },
  });
}
