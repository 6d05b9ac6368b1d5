import { DateScalar, findPage, PageArgs, parentSources, parseId, tryParseId, type RequestContext, Place, placeOf } from "@contagem/schema";
import type { FilterQuery } from "@mikro-orm/core";
import { Arg, Args, Ctx, Directive, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { AttendanceEntity } from "../attendance/attendance.entity";
import { RecordAttendanceInput } from "../attendance/attendance.inputs";
import { recordAttendance } from "../attendance/attendance.service";
import { givenNoticeHours, noticeRespected, quorumOf } from "@contagem/rules";
import { Deliberation } from "../deliberations/deliberation.type";
import { agendaByMeeting, attendanceByMeeting, deliberationsByMeeting, meetingById, minutesByMeeting, resolutionsByMeeting } from "../loaders";
import { Minutes } from "../minutes/minutes.type";
import { visible } from "../minutes/minutes.visibility";
import { CouncilRef, MandateRef, TermRef, TerritoryRef, ref } from "../references/references.type";
import { Resolution } from "../resolutions/resolution.type";
import { MeetingEntity } from "./meeting.entity";
import { CancelMeetingInput, ConveneMeetingInput, MeetingFilter, RecordMeetingReportInput, ScheduleMeetingInput, UpdateMeetingInput } from "./meeting.inputs";
import { cancelMeeting, conveneMeeting, recordMeetingReport, scheduleMeeting, updateMeeting } from "./meeting.service";
import { AgendaItem, Attendance, Convocation, Meeting, MeetingConnection, QuorumType } from "./meeting.type";

@ObjectType({ description: "The result of a write on a meeting." })
export class MeetingPayload {
  @Field(() => Meeting, { description: "The meeting as it now stands, with its new `version`." })
  meeting: MeetingEntity;
}

const WRITERS = '@requiresScopes(scopes: [["ADMIN"], ["SECRETARY"]])';

/** The SQL-free filter of meeting lists, shared by the root list and `Council.meetings`. */
export function meetingWhere(filter: MeetingFilter = {}): FilterQuery<MeetingEntity> {
  const where: Record<string, unknown> = {};
  if (filter.councilId != null) where.councilId = parseId(filter.councilId, "filter.councilId");
  if (filter.type) where.type = filter.type;
  if (filter.status) where.status = filter.status;
  if (filter.recordedFrom) where.recordedFrom = filter.recordedFrom;
  if (filter.from || filter.to) where.startsAt = { ...(filter.from && { $gte: filter.from }), ...(filter.to && { $lt: filter.to }) };
  if (filter.updatedSince) where.updatedAt = { $gte: filter.updatedSince };
  return where as FilterQuery<MeetingEntity>;
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => Meeting, { nullable: true, description: "One meeting by id; null when there is none." })
  meeting(@Arg("id", () => ID, { description: "The meeting's id." }) id: string, @Ctx() ctx: RequestContext) {
    const key = tryParseId(id);
    return key === null ? null : ctx.loaders.get(meetingById).load(key);
  }

  @Query(() => MeetingConnection, { nullable: true, description: "Meetings of every council, newest first." })
  async meetings(@Args() page: PageArgs, @Arg("filter", () => MeetingFilter, { nullable: true, description: "Which meetings to list; omitted, all of them." }) filter: MeetingFilter | undefined, @Ctx() ctx: RequestContext) {
    return new MeetingConnection(await findPage(ctx.em, MeetingEntity, meetingWhere(filter), page, [{ field: "startsAt", direction: "desc" }]));
  }

  @FieldResolver(() => CouncilRef, { nullable: true, description: "The council that meets." })
  council(@Root() meeting: MeetingEntity) {
    return { id: meeting.councilId };
  }

  @FieldResolver(() => TermRef, { nullable: true, description: "The council's term in force at the meeting." })
  term(@Root() meeting: MeetingEntity) {
    return ref(meeting.termId);
  }

  @FieldResolver(() => TerritoryRef, { nullable: true, description: "The territory of a territorial plenary or hearing." })
  territory(@Root() meeting: MeetingEntity) {
    return ref(meeting.territoryId);
  }

  @FieldResolver(() => Place, {
    nullable: true,
    description: "Where it happens, structured as Open Civic Data's Event `location`: a name, a postal address in Contagem and a GeoJSON point; null when not recorded (`place` keeps the call's own words).",
  })
  location(@Root() meeting: MeetingEntity) {
    return placeOf(meeting.location);
  }

  @FieldResolver(() => Convocation, { nullable: true, description: "Null until the meeting is convened." })
  convocation(@Root() meeting: MeetingEntity): Convocation | null {
    if (!meeting.convenedAt) return null;
    const given = givenNoticeHours(meeting.startsAt, meeting.convenedAt);
    const required = meeting.noticeRequiredHours ?? null;
    return { convenedAt: meeting.convenedAt, requiredNoticeHours: required, givenNoticeHours: given, noticeRespected: noticeRespected(required, given) };
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      "The civil date (YYYY-MM-DD) the meeting was convened, where a public listing gives only that (no instant, so no notice is computed); null otherwise (see `convocation`).",
  })
  convenedOn(@Root() meeting: MeetingEntity): string | null {
    return meeting.convokedOn ?? null;
  }

  @FieldResolver(() => MandateRef, { nullable: true, description: "Who convened it (usually the president)." })
  convenedBy(@Root() meeting: MeetingEntity) {
    return ref(meeting.convenedByMandateId);
  }

  @FieldResolver(() => [AgendaItem], { description: "The agenda items, in order." })
  agenda(@Root() meeting: MeetingEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(agendaByMeeting).load(meeting.id);
  }

  @FieldResolver(() => [Attendance], { description: "Attendance per mandate, once recorded." })
  attendance(@Root() meeting: MeetingEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(attendanceByMeeting).load(meeting.id);
  }

  @FieldResolver(() => QuorumType, { description: "The quorum under the council's rule (null fields where it cannot be computed)." })
  quorum(@Root() meeting: MeetingEntity) {
    return quorumOf(meeting.quorumRule, meeting.seatsTotal, meeting.presentCount);
  }

  @FieldResolver(() => [Deliberation], { description: "Decisions taken at the meeting, in agenda order." })
  deliberations(@Root() meeting: MeetingEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(deliberationsByMeeting).load(meeting.id);
  }

  @FieldResolver(() => Minutes, { nullable: true, description: "The meeting's minutes, once published (drafts to their readers)." })
  async minutes(@Root() meeting: MeetingEntity, @Ctx() ctx: RequestContext) {
    const [minutes] = await ctx.loaders.get(minutesByMeeting).load(meeting.id);
    return visible(ctx, minutes ?? null);
  }

  @FieldResolver(() => [Resolution], { description: "Resolutions adopted at this meeting." })
  resolutions(@Root() meeting: MeetingEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(resolutionsByMeeting).load(meeting.id);
  }

  @Directive(WRITERS)
  @Mutation(() => MeetingPayload, { description: "Schedules a meeting of a council, with its agenda." })
  async scheduleMeeting(@Arg("input") input: ScheduleMeetingInput, @Ctx() ctx: RequestContext) {
    return { meeting: await scheduleMeeting(ctx, input) };
  }

  @Directive(WRITERS)
  @Mutation(() => MeetingPayload, { description: "Changes a meeting before it is held; a new start time asks for a new convocation." })
  async updateMeeting(@Arg("input") input: UpdateMeetingInput, @Ctx() ctx: RequestContext) {
    return { meeting: await updateMeeting(ctx, input) };
  }

  @Directive(WRITERS)
  @Mutation(() => MeetingPayload, { description: "Convenes a scheduled meeting; the notice given is checked against the council's rule." })
  async conveneMeeting(@Arg("input") input: ConveneMeetingInput, @Ctx() ctx: RequestContext) {
    return { meeting: await conveneMeeting(ctx, input) };
  }

  @Directive(WRITERS)
  @Mutation(() => MeetingPayload, { description: "Cancels (or, with `postpone`, postpones) a meeting, with the reason." })
  async cancelMeeting(@Arg("input") input: CancelMeetingInput, @Ctx() ctx: RequestContext) {
    return { meeting: await cancelMeeting(ctx, input) };
  }

  @Directive(WRITERS)
  @Mutation(() => MeetingPayload, { description: "Publishes (or replaces, or with null removes) a held meeting's recording and closing report." })
  async recordMeetingReport(@Arg("input") input: RecordMeetingReportInput, @Ctx() ctx: RequestContext) {
    return { meeting: await recordMeetingReport(ctx, input) };
  }

  @Directive(WRITERS)
  @Mutation(() => MeetingPayload, { description: "Records the attendance list and quorum of a convened meeting, which is then HELD." })
  async recordAttendance(@Arg("input") input: RecordAttendanceInput, @Ctx() ctx: RequestContext) {
    return { meeting: await recordAttendance(ctx, input) };
  }
}

@Resolver(() => Attendance)
export class AttendanceResolver {
  @FieldResolver(() => MandateRef, { nullable: true, description: "The member's mandate (councils subgraph)." })
  mandate(@Root() attendance: AttendanceEntity) {
    return { id: attendance.mandateId };
  }

  @FieldResolver(() => Meeting, { description: "The meeting this entry records (batched over every entry of an answer)." })
  meeting(@Root() attendance: AttendanceEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(meetingById).load(attendance.meeting.id);
  }

  @FieldResolver()
  sources(@Root() attendance: AttendanceEntity, @Ctx() ctx: RequestContext) {
    return parentSources(ctx, meetingById, attendance.meeting.id);
  }

  @FieldResolver(() => MandateRef, { nullable: true, description: "For SUBSTITUTED: the suplente who sat." })
  substitute(@Root() attendance: AttendanceEntity) {
    return ref(attendance.substituteMandateId);
  }
}
