import { badInput, findPage, PageArgs, tryParseId, type RequestContext } from "@contagem/schema";
import { Arg, Args, Ctx, Directive, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Council } from "../councils/council.type";
import { councilsByTerritory, territoriesByParent, territoryById } from "../loaders";
import { ConnectionType } from "@contagem/schema";
import { TerritoryEntity } from "./territory.entity";
import { TerritoryScheme } from "./territory.enums";
import { CreateTerritoryInput, UpdateTerritoryInput } from "./territory.inputs";
import { createTerritory, updateTerritory } from "./territory.service";
import { Territory } from "./territory.type";

@ObjectType("TerritoryConnection")
export class TerritoryConnection extends ConnectionType(Territory, "Territory") {}

@ObjectType({ description: "The territory recorded." })
export class CreateTerritoryPayload {
  @Field(() => Territory, { description: "The territory just recorded." })
  territory: TerritoryEntity;
}

@ObjectType({ description: "The territory as changed." })
export class UpdateTerritoryPayload {
  @Field(() => Territory, { description: "The territory as changed, with its new `version`." })
  territory: TerritoryEntity;
}

@Resolver(() => Territory)
export class TerritoryResolver {
  @Query(() => TerritoryConnection, { nullable: true, description: "Territories of one grid (default: the administrative regions), by name." })
  async territories(
    @Arg("scheme", () => TerritoryScheme, { nullable: true, description: "The grid to list; default REGIONAL_ADMIN." }) scheme: TerritoryScheme | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
    @Arg("updatedSince", () => Date, { nullable: true, description: "Only territories changed at or after this time (incremental sync; ISO 8601 instant)." }) updatedSince?: Date,
  ) {
    const where = { scheme: scheme ?? TerritoryScheme.REGIONAL_ADMIN, ...(updatedSince ? { updatedAt: { $gte: updatedSince } } : {}) };
    return new TerritoryConnection(await findPage(ctx.em, TerritoryEntity, where, page, [{ field: "name", direction: "asc" }]));
  }

  @Query(() => Territory, { nullable: true, description: "One territory by id, or by code within a scheme (default REGIONAL_ADMIN)." })
  async territory(
    @Arg("id", () => ID, { nullable: true, description: "The territory's id; give it, or `code` (with `scheme`). Unknown: null." }) id: string | undefined,
    @Arg("code", () => String, { nullable: true, description: "The territory's code within `scheme`, e.g. `VARGEM_DAS_FLORES`. Unknown: null." }) code: string | undefined,
    @Arg("scheme", () => TerritoryScheme, { nullable: true, description: "The grid `code` is looked up in; default REGIONAL_ADMIN." }) scheme: TerritoryScheme | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    if ((id == null) === (code == null)) throw badInput("id", 'Give exactly one of "id" or "code".');
    if (id != null) {
      const key = tryParseId(id);
      return key === null ? null : ctx.loaders.get(territoryById).load(key);
    }
    return ctx.em.findOne(TerritoryEntity, { scheme: scheme ?? TerritoryScheme.REGIONAL_ADMIN, code: code! });
  }

  @FieldResolver(() => Territory, { nullable: true, description: "The territory this one lies in." })
  parent(@Root() territory: TerritoryEntity, @Ctx() ctx: RequestContext) {
    return territory.parent ? ctx.loaders.get(territoryById).load(territory.parent.id) : null;
  }

  @FieldResolver(() => [Territory], { description: "Territories directly within this one." })
  children(@Root() territory: TerritoryEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(territoriesByParent).load(territory.id);
  }

  @FieldResolver(() => [Council], { description: "Councils whose territory this is (e.g. the regional council)." })
  councils(@Root() territory: TerritoryEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(councilsByTerritory).load(territory.id);
  }

  @Directive('@requiresScopes(scopes: [["ADMIN"]])')
  @Mutation(() => CreateTerritoryPayload, {
    description: "Records a territory of the ELECTORAL_MICROREGION, HEALTH_DISTRICT, SUAS_TERRITORY or NEIGHBORHOOD grid, in a compatible parent (ADMIN).",
  })
  async createTerritory(@Arg("input") input: CreateTerritoryInput, @Ctx() ctx: RequestContext) {
    return { territory: await createTerritory(ctx, input) };
  }

  @Directive('@requiresScopes(scopes: [["ADMIN"]])')
  @Mutation(() => UpdateTerritoryPayload, {
    description: "Changes a territory of those grids: code, name, parent (a compatible grid), population, area (ADMIN).",
  })
  async updateTerritory(@Arg("input") input: UpdateTerritoryInput, @Ctx() ctx: RequestContext) {
    return { territory: await updateTerritory(ctx, input) };
  }
}
