import {
  badInput,
  civilToday,
  DateScalar,
  findPage,
  foldForSearch,
  PageArgs,
  pageOfList,
  parseId,
  sortShape,
  tryParseId,
  type RequestContext,
} from "@contagem/schema";
import type { FilterQuery } from "@mikro-orm/core";
import { Arg, Args, Ctx, Directive, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { SeatRule, Term, TermConnection } from "../composition/composition.type";
import { TermEntity } from "../composition/term.entity";
import { LegalAct } from "../legal-acts/legal-act.type";
import { councilById, councilBySlug, legalActById, legalActLinksByCouncil, organizationById, seatRulesByCouncil, termsByCouncil, territoryById } from "../loaders";
import type { LegalActEntity } from "../legal-acts/legal-act.entity";
import { Organization } from "../people/people.type";
import { Territory } from "../territories/territory.type";
import { CouncilEntity } from "./council.entity";
import { CouncilFilter, CreateCouncilInput, UpdateCouncilInput } from "./council.inputs";
import { createCouncil, updateCouncil } from "./council.service";
import { Council, CouncilConnection } from "./council.type";

@ObjectType({ description: "The result of `createCouncil`." })
export class CreateCouncilPayload {
  @Field(() => Council, { description: "The council just registered." })
  council: CouncilEntity;
}

@ObjectType({ description: "The result of `updateCouncil`." })
export class UpdateCouncilPayload {
  @Field(() => Council, { description: "The council as changed, with its new `version`." })
  council: CouncilEntity;
}

@Resolver(() => Council)
export class CouncilResolver {
  @Query(() => CouncilConnection, { nullable: true, description: "Councils of the participation system, by name." })
  async councils(
    @Args() page: PageArgs,
    @Arg("filter", () => CouncilFilter, { nullable: true, description: "Which councils to list; omitted, all of them." }) filter: CouncilFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<CouncilConnection> {
    const where = councilWhere(filter ?? {});
    return new CouncilConnection(
      await findPage(ctx.em, CouncilEntity, where, page, [{ field: "name", direction: "asc" }]),
    );
  }

  @Query(() => Council, { nullable: true, description: "One council by id or by slug (give exactly one)." })
  async council(
    @Arg("id", () => ID, { nullable: true, description: "The council's id; give it or `slug`, not both (else BAD_USER_INPUT). Unknown: null." }) id: string | undefined,
    @Arg("slug", () => String, { nullable: true, description: "The council's slug, e.g. `compur`; give it or `id`, not both. Unknown: null." }) slug: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<CouncilEntity | null> {
    if ((id == null) === (slug == null)) throw badInput("id", 'Give exactly one of "id" or "slug".');
    if (id != null) {
      const key = tryParseId(id);
      return key === null ? null : ctx.loaders.get(councilById).load(key);
    }
    return ctx.loaders.get(councilBySlug).load(slug!);
  }

  @FieldResolver(() => Territory, { nullable: true, description: "The region a regional council serves." })
  territory(@Root() council: CouncilEntity, @Ctx() ctx: RequestContext) {
    return council.territory ? ctx.loaders.get(territoryById).load(council.territory.id) : null;
  }

  @FieldResolver(() => LegalAct, {
    nullable: true,
    deprecationReason: "A council rests on several acts: use `legalActs`. This is the first act its record lists (or the one given as `legalBasisId`). Removal after 2027-03-01.",
    description: "The council's principal act: the first its record lists.",
  })
  legalBasis(@Root() council: CouncilEntity, @Ctx() ctx: RequestContext) {
    return council.legalBasis ? ctx.loaders.get(legalActById).load(council.legalBasis.id) : null;
  }

  @FieldResolver(() => [LegalAct], {
    description:
      "Every act the council rests on (creation, regulation, composition, election notices, bills), oldest first " +
      "(by date, or by year where only the year is known), each with its Diário Oficial de Contagem edition and pages where a source gives them.",
  })
  async legalActs(@Root() council: CouncilEntity, @Ctx() ctx: RequestContext): Promise<LegalActEntity[]> {
    const links = await ctx.loaders.get(legalActLinksByCouncil).load(council.id);
    const ids = new Set(links.map((link) => link.legalAct.id));
    if (council.legalBasis) ids.add(council.legalBasis.id);
    const acts = (await ctx.loaders.get(legalActById).loadMany([...ids])).filter((a): a is LegalActEntity => a != null && !(a instanceof Error));
    const when = (a: LegalActEntity) => a.date ?? `${a.year}`;
    return acts.sort((a, b) => when(a).localeCompare(when(b)) || a.id - b.id);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: "The secretariat (or other body) the council is bound to, where a source names it; see `boundToStatement`.",
  })
  boundTo(@Root() council: CouncilEntity, @Ctx() ctx: RequestContext) {
    return council.boundTo ? ctx.loaders.get(organizationById).load(council.boundTo.id) : null;
  }

  @FieldResolver(() => [SeatRule], { description: "The council's legal composition." })
  seatRules(@Root() council: CouncilEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(seatRulesByCouncil).load(council.id);
  }

  @FieldResolver(() => Term, { nullable: true, description: "The term (gestão) in force today in Contagem (America/Sao_Paulo), if any." })
  async currentTerm(@Root() council: CouncilEntity, @Ctx() ctx: RequestContext) {
    const day = civilToday();
    const terms = await ctx.loaders.get(termsByCouncil).load(council.id);
    return terms.find((t) => t.startsOn <= day && day <= t.endsOn) ?? null;
  }

  @FieldResolver(() => Term, { nullable: true, description: "The term (gestão) in force on a given date, if any." })
  async termAt(@Root() council: CouncilEntity, @Arg("date", () => DateScalar, { description: "The day (YYYY-MM-DD, civil date in Contagem)." }) date: string, @Ctx() ctx: RequestContext) {
    const terms = await ctx.loaders.get(termsByCouncil).load(council.id);
    return terms.find((t) => t.startsOn <= date && date <= t.endsOn) ?? null;
  }

  @FieldResolver(() => TermConnection, { description: "All terms, newest first." })
  async terms(@Root() council: CouncilEntity, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    const terms = await ctx.loaders.get(termsByCouncil).load(council.id);
    return new TermConnection(pageOfList(terms, page, sortShape(ctx.em.getMetadata().get(TermEntity), ["id"]), (t) => [t.id]));
  }

  @Directive('@requiresScopes(scopes: [["ADMIN"]])')
  @Mutation(() => CreateCouncilPayload, { description: "Registers a council (ADMIN)." })
  async createCouncil(@Arg("input") input: CreateCouncilInput, @Ctx() ctx: RequestContext) {
    return { council: await createCouncil(ctx, input) };
  }

  @Directive('@requiresScopes(scopes: [["ADMIN"]])')
  @Mutation(() => UpdateCouncilPayload, { description: "Changes a council's data or rules (ADMIN)." })
  async updateCouncil(@Arg("input") input: UpdateCouncilInput, @Ctx() ctx: RequestContext) {
    return { council: await updateCouncil(ctx, input) };
  }
}

function councilWhere(filter: CouncilFilter): FilterQuery<CouncilEntity> {
  const where: Record<string, unknown> = {};
  if (filter.kind) where.kind = filter.kind;
  if (filter.policyArea) where.policyArea = filter.policyArea;
  if (filter.status) where.status = filter.status;
  if (filter.territoryId != null) where.territory = parseId(filter.territoryId, "filter.territoryId");
  if (filter.updatedSince) where.updatedAt = { $gte: filter.updatedSince };
  const words = foldForSearch(filter.search ?? "").split(/\s+/).filter(Boolean);
  if (words.length) {
    where.$and = words.map((w) => ({ searchText: { $like: `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } }));
  }
  return where as FilterQuery<CouncilEntity>;
}
