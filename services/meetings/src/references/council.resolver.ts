import { PageArgs, pagesByParent, type RequestContext, type SqlFilter } from "@contagem/schema";
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { nextMeetingByCouncil } from "../loaders";
import { MeetingEntity } from "../meetings/meeting.entity";
import { MeetingFilter } from "../meetings/meeting.inputs";
import { Meeting, MeetingConnection } from "../meetings/meeting.type";
import { MinutesEntity } from "../minutes/minutes.entity";
import { MinutesFilter } from "../minutes/minutes.inputs";
import { MinutesConnection } from "../minutes/minutes.type";
import { visibleInList } from "../minutes/minutes.visibility";
import { ResolutionEntity } from "../resolutions/resolution.entity";
import { ResolutionFilter } from "../resolutions/resolution.inputs";
import { ResolutionConnection } from "../resolutions/resolution.type";
import { CouncilRef } from "./references.type";

/** ANDs the given conditions into one SQL filter over the table alias `t`. */
function sqlFilter(parts: [string, unknown?][]): SqlFilter | undefined {
  if (!parts.length) return undefined;
  return {
    sql: parts.map(([sql]) => sql).join(" and "),
    params: parts.filter((p) => p.length > 1).map(([, value]) => (value instanceof Date ? value.toISOString() : value)),
  };
}

/** What the meetings subgraph adds to a council: its meetings, next meeting, minutes and resolutions. */
@Resolver(() => CouncilRef)
export class CouncilContributionResolver {
  @FieldResolver(() => MeetingConnection, { nullable: true, description: "The council's meetings, newest first." })
  async meetings(
    @Root() council: CouncilRef,
    @Args() page: PageArgs,
    @Arg("filter", () => MeetingFilter, { nullable: true, description: "Which of the council's meetings to list; omitted, all of them (`councilId` is ignored here)." }) filter: MeetingFilter | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const parts: [string, unknown?][] = [];
    if (filter?.type) parts.push(["t.type = ?", filter.type]);
    if (filter?.status) parts.push(["t.status = ?", filter.status]);
    if (filter?.recordedFrom) parts.push(["t.recorded_from = ?", filter.recordedFrom]);
    if (filter?.from) parts.push(["t.starts_at >= ?", filter.from]);
    if (filter?.to) parts.push(["t.starts_at < ?", filter.to]);
    if (filter?.updatedSince) parts.push(["t.updated_at >= ?", filter.updatedSince]);
    const loader = pagesByParent<MeetingEntity>(ctx, "council.meetings", {
      entity: MeetingEntity,
      parentColumn: "council_id",
      sort: [{ column: "starts_at", property: "startsAt" }],
      direction: "desc",
      filter: sqlFilter(parts),
    }, page);
    return new MeetingConnection(await loader.load(Number(council.id)));
  }

  @FieldResolver(() => Meeting, { nullable: true, description: "The next scheduled or convened meeting: the first from the start of today in Contagem (America/Sao_Paulo), so a meeting under way today is still the next one until it is held." })
  nextMeeting(@Root() council: CouncilRef, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(nextMeetingByCouncil).load(Number(council.id));
  }

  @FieldResolver(() => MinutesConnection, { nullable: true, description: "The council's minutes, newest first: published ones (and drafts to their readers)." })
  async minutes(
    @Root() council: CouncilRef,
    @Args() page: PageArgs,
    @Arg("filter", () => MinutesFilter, { nullable: true, description: "Which of the council's minutes to list; omitted, all the viewer may see." }) filter: MinutesFilter | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const parts: [string, unknown?][] = await visibleInList(ctx, Number(council.id));
    if (filter?.status) parts.push(["t.status = ?", filter.status]);
    if (filter?.year) parts.push(["t.year = ?", filter.year]);
    if (filter?.updatedSince) parts.push(["t.updated_at >= ?", filter.updatedSince]);
    const loader = pagesByParent<MinutesEntity>(ctx, "council.minutes", {
      entity: MinutesEntity,
      parentColumn: "council_id",
      sort: [{ column: "year", property: "year" }, { column: "number", property: "number" }],
      direction: "desc",
      filter: sqlFilter(parts),
    }, page);
    return new MinutesConnection(await loader.load(Number(council.id)));
  }

  @FieldResolver(() => ResolutionConnection, { nullable: true, description: "The council's resolutions, newest first." })
  async resolutions(
    @Root() council: CouncilRef,
    @Args() page: PageArgs,
    @Arg("filter", () => ResolutionFilter, { nullable: true, description: "Which of the council's resolutions to list; omitted, all of them." }) filter: ResolutionFilter | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const parts: [string, unknown?][] = [];
    if (filter?.year) parts.push(["t.year = ?", filter.year]);
    if (filter?.status) parts.push(["t.status = ?", filter.status]);
    if (filter?.updatedSince) parts.push(["t.updated_at >= ?", filter.updatedSince]);
    const loader = pagesByParent<ResolutionEntity>(ctx, "council.resolutions", {
      entity: ResolutionEntity,
      parentColumn: "council_id",
      sort: [{ column: "year", property: "year" }, { column: "number", property: "number" }],
      direction: "desc",
      filter: sqlFilter(parts),
    }, page);
    return new ResolutionConnection(await loader.load(Number(council.id)));
  }
}
