import { PageArgs, pagesByParent, type RequestContext } from "@contagem/schema";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { AttendanceEntity } from "../attendance/attendance.entity";
import { VoteEntity } from "../deliberations/deliberation.entity";
import { MandateRef } from "../references/references.type";
import { attendanceByMandate } from "./mandate-record.loaders";
import { AttendanceConnection, MandateAttendance, VoteConnection } from "./mandate-record.type";

/**
 * What the meetings subgraph adds to a mandate (owned by councils): the member's attendance and nominal votes, so a
 * public person's record across meetings is `PublicPerson.mandates { attendanceRecord attendance votes }`. Each is
 * batched over every mandate of a request (one statement per field and page shape).
 */
@Resolver(() => MandateRef)
export class MandateRecordResolver {
  @FieldResolver(() => MandateAttendance, { nullable: true, description: "The member's attendance record under this mandate: counts by status and the share present." })
  attendanceRecord(@Root() mandate: MandateRef, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(attendanceByMandate).load(Number(mandate.id));
  }

  @FieldResolver(() => AttendanceConnection, { nullable: true, description: "The meetings' attendance entries of this mandate, most recently recorded first." })
  async attendance(@Root() mandate: MandateRef, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    const loader = pagesByParent<AttendanceEntity>(ctx, "mandate.attendance", {
      entity: AttendanceEntity,
      parentColumn: "mandate_id",
      // By id alone: ids grow with each record, and a timestamp shared by a whole transaction (and finer in PostgreSQL
      // than in a cursor) cannot order a page boundary.
      sort: [],
      direction: "desc",
    }, page);
    return new AttendanceConnection(await loader.load(Number(mandate.id)));
  }

  @FieldResolver(() => VoteConnection, { nullable: true, description: "The member's nominal votes under this mandate, most recent first (only where the council recorded a roll call)." })
  async votes(@Root() mandate: MandateRef, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    const loader = pagesByParent<VoteEntity>(ctx, "mandate.votes", {
      entity: VoteEntity,
      parentColumn: "mandate_id",
      // By id alone: ids grow with each record, and a timestamp shared by a whole transaction (and finer in PostgreSQL
      // than in a cursor) cannot order a page boundary.
      sort: [],
      direction: "desc",
    }, page);
    return new VoteConnection(await loader.load(Number(mandate.id)));
  }
}
