import { findPage, PageArgs, parseId, Place, placeOf, tryParseId, type RequestContext } from "@contagem/schema";
import type { FilterQuery } from "@mikro-orm/core";
import { Arg, Args, Ctx, Directive, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { milestonesByIntervention, processById } from "../loaders";
import { ParticipatoryProcess } from "../processes/process.type";
import { CouncilRef, DeliberationRef, TerritoryRef, ref } from "../references/references.type";
import { InterventionEntity } from "./intervention.entity";
import { CreateInterventionInput, InterventionFilter, UpdateInterventionInput } from "./intervention.inputs";
import { createIntervention, updateIntervention } from "./intervention.service";
import { Intervention, InterventionConnection, Milestone } from "./intervention.type";

@ObjectType({ description: "The result of a write on works." })
export class InterventionPayload {
  @Field(() => Intervention, { description: "The works as they now stand, with their new `version`." })
  intervention: InterventionEntity;
}

export function interventionWhere(filter: InterventionFilter = {}): FilterQuery<InterventionEntity> {
  const where: Record<string, unknown> = {};
  if (filter.councilId != null) where.councilId = parseId(filter.councilId, "filter.councilId");
  if (filter.territoryId != null) where.territoryId = parseId(filter.territoryId, "filter.territoryId");
  if (filter.year != null) where.year = filter.year;
  if (filter.status) where.status = filter.status;
  if (filter.updatedSince) where.updatedAt = { $gte: filter.updatedSince };
  return where as FilterQuery<InterventionEntity>;
}

@Resolver(() => Intervention)
export class InterventionResolver {
  @Query(() => InterventionConnection, { nullable: true, description: "Works and services chosen by the regional councils." })
  async interventions(@Args() page: PageArgs, @Arg("filter", () => InterventionFilter, { nullable: true, description: "Which works to list; omitted, all of them." }) filter: InterventionFilter | undefined, @Ctx() ctx: RequestContext) {
    return new InterventionConnection(await findPage(ctx.em, InterventionEntity, interventionWhere(filter), page, [{ field: "year", direction: "desc" }]));
  }

  @Query(() => Intervention, { nullable: true, description: "One record of works by id; null when there is none." })
  intervention(@Arg("id", () => ID, { description: "The works' global id (`Intervention.id`); a plain integer id is still accepted until 2027-03-01. Unknown: null; malformed: BAD_USER_INPUT." }) id: string, @Ctx() ctx: RequestContext) {
    const key = tryParseId(id);
    return key === null ? null : ctx.em.findOne(InterventionEntity, { id: key });
  }

  @FieldResolver(() => CouncilRef, { nullable: true, description: "The regional council that chose the works." })
  council(@Root() intervention: InterventionEntity) {
    return { id: intervention.councilId };
  }

  @FieldResolver(() => TerritoryRef, { nullable: true, description: "Where the works are; null when not stated." })
  territory(@Root() intervention: InterventionEntity) {
    return ref(intervention.territoryId);
  }

  @FieldResolver(() => Place, {
    nullable: true,
    description: "Where the works are: a name, a postal address in Contagem and a GeoJSON point (Open Civic Data's `location`); null when not recorded.",
  })
  location(@Root() intervention: InterventionEntity) {
    return placeOf(intervention.location);
  }

  @FieldResolver(() => DeliberationRef, { nullable: true, description: "The regional council's deliberation that decided it." })
  deliberation(@Root() intervention: InterventionEntity) {
    return ref(intervention.deliberationId);
  }

  @FieldResolver(() => ParticipatoryProcess, { nullable: true, description: "The participatory process the works came from; null when none." })
  process(@Root() intervention: InterventionEntity, @Ctx() ctx: RequestContext) {
    return intervention.process ? ctx.loaders.get(processById).load(intervention.process.id) : null;
  }

  @FieldResolver(() => [Milestone], { description: "Its steps, in order." })
  milestones(@Root() intervention: InterventionEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(milestonesByIntervention).load(intervention.id);
  }

  @Directive('@requiresScopes(scopes: [["STAFF"], ["ADMIN"]])')
  @Mutation(() => InterventionPayload, { description: "Records works a regional council chose (STAFF/ADMIN)." })
  async createIntervention(@Arg("input") input: CreateInterventionInput, @Ctx() ctx: RequestContext) {
    return { intervention: await createIntervention(ctx, input) };
  }

  @Directive('@requiresScopes(scopes: [["STAFF"], ["ADMIN"], ["SECRETARY"]])')
  @Mutation(() => InterventionPayload, { description: "Updates works: status, progress, milestones (STAFF/ADMIN, or the regional council's SECRETARY)." })
  async updateIntervention(@Arg("input") input: UpdateInterventionInput, @Ctx() ctx: RequestContext) {
    return { intervention: await updateIntervention(ctx, input) };
  }
}
