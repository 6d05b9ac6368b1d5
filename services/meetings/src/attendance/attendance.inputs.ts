import { Doc } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { AttendanceStatus } from "./attendance.enums";

@InputType({ description: "One member's attendance." })
export class AttendanceEntryInput {
  @Field(() => ID, { description: "The member's mandate (titular, or a suplente attending as such), in the council's term on the meeting's date. Another council's: FORBIDDEN; unknown or not in that term: BAD_USER_INPUT." })
  mandateId: string;

  @Field(() => AttendanceStatus, { description: "Whether the member attended, and how." })
  status: AttendanceStatus;

  @Field(() => ID, { nullable: true, description: "For SUBSTITUTED: the suplente's mandate, of the same seat (another council's: FORBIDDEN)." })
  substituteMandateId?: string | null;

  @Field(() => String, { nullable: true, description: "A note, e.g. the justification given, up to 1,000 characters." })
  note?: string | null;
}

@InputType({ description: "The attendance list of a convened meeting; recording it marks the meeting HELD." })
export class RecordAttendanceInput {
  @Field(() => ID, { description: "The meeting, CONVENED (or HELD, to record the list again) and already started (otherwise CONFLICT); unknown: NOT_FOUND; another council's: FORBIDDEN." })
  meetingId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @Field(() => [AttendanceEntryInput], { description: "One entry per mandate of the term in force (a mandate twice: BAD_USER_INPUT)." })
  entries: AttendanceEntryInput[];

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
