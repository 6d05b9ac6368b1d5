import { askFact, COUNCIL, PageArgs, pagesByParent, RecordProvenance, type RequestContext } from "@contagem/schema";
import { Arg, Args, Ctx, Directive, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { ContributionEntity } from "../contributions/contribution.entity";
import { ContributionStatus } from "../contributions/contribution.enums";
import { ContributionConnection } from "../contributions/contribution.type";
import { InterventionEntity } from "../interventions/intervention.entity";
import { InterventionConnection } from "../interventions/intervention.type";
import { Assembly } from "../decide/assembly.type";
import { assemblyCouncils, assemblySlugOf } from "../decidim/councils";
import { assemblyBySlug, presenceCountByMeeting } from "../loaders";
import { ProcessEntity } from "../processes/process.entity";
import { ParticipatoryProcessConnection } from "../processes/process.type";
import { figuresByParent, StatsDimension } from "../stats/stats";
import { toFilter } from "../stats/stats.resolver";
import { ParticipationFigure, StatsFilterInput } from "../stats/stats.type";
import { CouncilRef, DeliberationRef, MeetingRef, TerritoryRef } from "./references.type";

const processesOf = (ctx: RequestContext, column: "council_id" | "territory_id", id: number, page: PageArgs) =>
  pagesByParent<ProcessEntity>(ctx, `processes.${column}`, { entity: ProcessEntity, parentColumn: column, sort: [], direction: "desc" }, page).load(id);

const interventionsOf = (ctx: RequestContext, column: "council_id" | "territory_id" | "deliberation_id", id: number, page: PageArgs) =>
  pagesByParent<InterventionEntity>(ctx, `interventions.${column}`, {
    entity: InterventionEntity,
    parentColumn: column,
    sort: [{ column: "year", property: "year" }],
    direction: "desc",
  }, page).load(id);

/** What participation adds to a council: its processes, the works it chose, and participation figures. */
@Resolver(() => CouncilRef)
export class CouncilParticipationResolver {
  @FieldResolver(() => ParticipatoryProcessConnection, { nullable: true, description: "The council's participatory processes, newest first." })
  async processes(@Root() council: CouncilRef, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return new ParticipatoryProcessConnection(await processesOf(ctx, "council_id", Number(council.id), page));
  }

  @FieldResolver(() => InterventionConnection, { nullable: true, description: "Works chosen by this (regional) council, newest budget year first." })
  async interventions(@Root() council: CouncilRef, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return new InterventionConnection(await interventionsOf(ctx, "council_id", Number(council.id), page));
  }

  @FieldResolver(() => Assembly, {
    nullable: true,
    description:
      "The council's space on Decide Contagem (a Decidim assembly), with its meetings: by DECIDIM_ASSEMBLY_COUNCILS where it names " +
      "the council, else by slug (`conselho-regional-nacional` ↔ `assemblies/regional-nacional`); null when there is none.",
  })
  async decidimAssembly(@Root() council: CouncilRef, @Ctx() ctx: RequestContext) {
    // The slug is the councils subgraph's: asked of it (one batched `_entities` request for the whole answer), not
    // `@requires`d — the gateway's planner cannot plan a `@requires` under a list this subgraph itself resolves
    // (`council { participation { council { decidimAssembly } } }` failed to plan).
    const facts = await askFact(ctx, COUNCIL, Number(council.id));
    if (!facts) return null;
    const loader = ctx.loaders.get(assemblyBySlug);
    const found = await Promise.all(assemblySlugOf(facts.slug, assemblyCouncils(ctx.settings)).map((slug) => loader.load(slug)));
    return found.find((assembly) => assembly !== null) ?? null;
  }

  @FieldResolver(() => [ParticipationFigure], { nullable: true, description: "Participation concerning this council: the same figures as participationStats with this council as filter (rounded, see ParticipationFigure)." })
  participation(
    @Root() council: CouncilRef,
    @Arg("groupBy", () => [StatsDimension], { defaultValue: [], description: "Dimensions to group the figures by; default none (one figure for all)." }) groupBy: StatsDimension[],
    @Arg("filter", () => StatsFilterInput, { nullable: true, description: "Which participation to count (its council is this one)." }) filter: StatsFilterInput | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return figuresByParent(ctx, "COUNCIL", groupBy, toFilter(filter)).load(Number(council.id));
  }
}

/** What participation adds to a territory: processes, works and figures of the people who take part from it. */
@Resolver(() => TerritoryRef)
export class TerritoryParticipationResolver {
  @FieldResolver(() => ParticipatoryProcessConnection, { nullable: true, description: "Participatory processes of this territory, newest first." })
  async processes(@Root() territory: TerritoryRef, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return new ParticipatoryProcessConnection(await processesOf(ctx, "territory_id", Number(territory.id), page));
  }

  @FieldResolver(() => InterventionConnection, { nullable: true, description: "Works in this territory, newest budget year first." })
  async interventions(@Root() territory: TerritoryRef, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return new InterventionConnection(await interventionsOf(ctx, "territory_id", Number(territory.id), page));
  }

  @FieldResolver(() => [ParticipationFigure], { nullable: true, description: "Participation of the people of this territory: the same figures as participationStats with this territory as filter (rounded, see ParticipationFigure)." })
  participation(
    @Root() territory: TerritoryRef,
    @Arg("groupBy", () => [StatsDimension], { defaultValue: [], description: "Dimensions to group the figures by; default none (one figure for all)." }) groupBy: StatsDimension[],
    @Arg("filter", () => StatsFilterInput, { nullable: true, description: "Which participation to count (its territory is this one)." }) filter: StatsFilterInput | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return figuresByParent(ctx, "TERRITORY", groupBy, toFilter(filter)).load(Number(territory.id));
  }
}

/** What participation adds to a meeting: citizens' published comments and how many registered their presence. */
@Resolver(() => MeetingRef)
export class MeetingParticipationResolver {
  @FieldResolver(() => ContributionConnection, { nullable: true, description: "Citizens' published comments, oldest first." })
  async contributions(@Root() meeting: MeetingRef, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    const loader = pagesByParent<ContributionEntity>(ctx, "meeting.contributions", {
      entity: ContributionEntity,
      parentColumn: "meeting_id",
      sort: [],
      direction: "asc",
      filter: { sql: "t.status = ?", params: [ContributionStatus.PUBLISHED] },
    }, page);
    return new ContributionConnection(await loader.load(Number(meeting.id)));
  }

  @Directive('@requires(fields: "recordedFrom")')
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "Citizens who registered their presence, rounded to a multiple of 5 as ParticipationFigure describes (within 4 of the " +
      "true count; 0 may mean up to 4). Null for a meeting recorded from a public listing (`recordedFrom: PUBLIC_LISTING`): " +
      "no presence could be registered, and the listing states no count.",
  })
  citizenAttendance(@Root() meeting: MeetingRef, @Ctx() ctx: RequestContext) {
    if (meeting.recordedFrom === RecordProvenance.PUBLIC_LISTING) return null;
    return ctx.loaders.get(presenceCountByMeeting).load(Number(meeting.id));
  }
}

/** What participation adds to a deliberation: the works it decided. */
@Resolver(() => DeliberationRef)
export class DeliberationParticipationResolver {
  @FieldResolver(() => InterventionConnection, { nullable: true, description: "Works this deliberation decided, newest budget year first." })
  async interventions(@Root() deliberation: DeliberationRef, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return new InterventionConnection(await interventionsOf(ctx, "deliberation_id", Number(deliberation.id), page));
  }
}
