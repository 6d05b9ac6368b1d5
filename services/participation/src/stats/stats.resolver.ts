import { parseId, type RequestContext } from "@contagem/schema";
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { CouncilRef, TerritoryRef, ref } from "../references/references.type";
import { participationStats, StatsDimension, type FigureRow, type StatsFilter } from "./stats";
import { ParticipationFigure, StatsFilterInput } from "./stats.type";

export function toFilter(input: StatsFilterInput = {}): StatsFilter {
  return {
    from: input.from,
    to: input.to,
    kind: input.kind,
    channel: input.channel,
    councilId: input.councilId == null ? undefined : parseId(input.councilId, "filter.councilId"),
    territoryId: input.territoryId == null ? undefined : parseId(input.territoryId, "filter.territoryId"),
  };
}

@Resolver(() => ParticipationFigure)
export class StatsResolver {
  @Query(() => [ParticipationFigure], {
    nullable: true,
    description: "Participation figures, one per non-empty group of the dimensions asked (all together when none), rounded to multiples of 5 as ParticipationFigure describes; a group rounded to 0 is left out.",
  })
  participationStats(
    @Arg("groupBy", () => [StatsDimension], { defaultValue: [], description: "Dimensions to group the figures by; default none (one figure for all)." }) groupBy: StatsDimension[],
    @Arg("filter", () => StatsFilterInput, { nullable: true, description: "Which participation to count; omitted, all of it." }) filter: StatsFilterInput | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return participationStats(ctx, groupBy, toFilter(filter));
  }

  @FieldResolver(() => TerritoryRef, { nullable: true, description: "When grouped by territory." })
  territory(@Root() figure: FigureRow) {
    return ref(figure.territoryId);
  }

  @FieldResolver(() => CouncilRef, { nullable: true, description: "When grouped by council." })
  council(@Root() figure: FigureRow) {
    return ref(figure.councilId);
  }
}
