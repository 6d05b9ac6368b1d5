import { ConnectionType } from "@contagem/schema";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { Vote } from "../deliberations/deliberation.type";
import { Attendance } from "../meetings/meeting.type";

@ObjectType("AttendanceConnection")
export class AttendanceConnection extends ConnectionType(Attendance, "Attendance") {}

@ObjectType("VoteConnection")
export class VoteConnection extends ConnectionType(Vote, "Vote") {}

/**
 * A member's attendance over the meetings recorded for the mandate (Councilmatic's and Legistar's attendance record):
 * counts by status, the substitutions the mandate sat in for others, and the share present.
 */
@ObjectType("MandateAttendance", { description: "A mandate's attendance record, over the meetings whose attendance was recorded for it." })
export class MandateAttendance {
  @Field(() => Int, { description: "Meetings whose attendance lists this mandate." })
  recorded: number;

  @Field(() => Int, { description: "Of those, PRESENT." })
  present: number;

  @Field(() => Int, { description: "Of those, ABSENT." })
  absent: number;

  @Field(() => Int, { description: "Of those, JUSTIFIED (absence with a reason)." })
  justified: number;

  @Field(() => Int, { description: "Of those, SUBSTITUTED (an alternate sat in its place)." })
  substituted: number;

  @Field(() => Int, { description: "Meetings at which this mandate, as an alternate, sat in for another member." })
  satInFor: number;

  @Field(() => Float, {
    nullable: true,
    description: "present ÷ recorded, from 0 to 1 (rounded to 3 decimals); null when no attendance is recorded. A mandate belongs to one term, so this is the member's rate for that term.",
  })
  rate: number | null;
}
