import { MAX_SEARCH_DEPTH, PageArgs, SEARCH_QUERY_LENGTH, tryParseId, type RequestContext } from "@contagem/schema";
import { Arg, Args, Ctx, Directive, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Deliberation } from "../deliberations/deliberation.type";
import { deliberationById, meetingById, resolutionById, resolutionsAmending, resolutionsRevoking } from "../loaders";
import { Meeting } from "../meetings/meeting.type";
import { GazettePublication } from "../minutes/minutes.type";
import { formatNumber } from "../numbering/numbering";
import { CouncilRef } from "../references/references.type";
import { ResolutionEntity } from "./resolution.entity";
import { AdoptResolutionInput, ChangeResolutionInput } from "./resolution.inputs";
import { adoptResolution, amendResolution, revokeResolution } from "./resolution.service";
import { searchResolutions } from "./resolution.search";
import { Resolution, ResolutionSearchConnection } from "./resolution.type";

@ObjectType({ description: "The result of a write on resolutions." })
export class ResolutionPayload {
  @Field(() => Resolution, { description: "The resolution adopted, or the new one that amends or revokes." })
  resolution: ResolutionEntity;
}

const WRITERS = '@requiresScopes(scopes: [["ADMIN"], ["SECRETARY"]])';

@Resolver(() => Resolution)
export class ResolutionResolver {
  @Query(() => Resolution, { nullable: true, description: "One resolution by id; null when there is none." })
  resolution(@Arg("id", () => ID, { description: "The resolution's id." }) id: string, @Ctx() ctx: RequestContext) {
    const key = tryParseId(id);
    return key === null ? null : ctx.loaders.get(resolutionById).load(key);
  }

  @Query(() => ResolutionSearchConnection, {
    nullable: true,
    description:
      "Full-text search of resolutions — all public from adoption on, in force, amended or revoked — by their number " +
      '("001/2021"), ementa (`summary`) and text, and by the text of the documents attached to them (a hit in a document names it: `document`). ' +
      'Portuguese, accents, case and plurals ignored ("resolucao" finds "resoluções"); "quoted phrases", `or` and `-excluded` words; ' +
      "when no word matches, similar words (misspellings) do. Best first; paged forward or backward to the " +
      `${MAX_SEARCH_DEPTH.toLocaleString("en-US")}th hit (a cursor deeper than that: BAD_USER_INPUT).`,
  })
  async searchResolutions(
    @Arg("query", { description: `Words to look for, ${SEARCH_QUERY_LENGTH.min} to ${SEARCH_QUERY_LENGTH.max} characters once trimmed (else BAD_USER_INPUT), matched in Portuguese (stemmed; accents and case ignored).` }) query: string,
    @Args() page: PageArgs,
    @Arg("councilId", () => ID, { nullable: true, description: "Only this council's resolutions (its id); omitted, every council's. Not an id: BAD_USER_INPUT." }) councilId: string | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return new ResolutionSearchConnection(await searchResolutions(ctx, query, councilId, page));
  }

  @FieldResolver(() => CouncilRef, { nullable: true, description: "The council that adopted it." })
  council(@Root() resolution: ResolutionEntity) {
    return { id: resolution.councilId };
  }

  @FieldResolver(() => String, { description: 'As the city writes it, without the council (like `Minutes.label`), e.g. "Resolução 001/2026". Until 2026-11 it was the number alone ("001/2026"); `number` and `year` give the parts.' })
  label(@Root() resolution: ResolutionEntity) {
    return `Resolução ${formatNumber(resolution.number, resolution.year)}`;
  }

  @FieldResolver(() => Meeting, { description: "The meeting that adopted it." })
  meeting(@Root() resolution: ResolutionEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(meetingById).load(resolution.meeting.id);
  }

  @FieldResolver(() => Deliberation, { nullable: true, description: "The deliberation that adopted it; null when not recorded." })
  deliberation(@Root() resolution: ResolutionEntity, @Ctx() ctx: RequestContext) {
    return resolution.deliberation ? ctx.loaders.get(deliberationById).load(resolution.deliberation.id) : null;
  }

  @FieldResolver(() => GazettePublication, { nullable: true, description: "Where it was published; null when not on record." })
  gazette(@Root() resolution: ResolutionEntity): GazettePublication | null {
    return resolution.gazetteEdition == null
      ? null
      : { edition: resolution.gazetteEdition, pages: resolution.gazettePages ?? null, date: resolution.gazetteDate ?? null };
  }

  @FieldResolver(() => Resolution, { nullable: true, description: "The resolution this one amends." })
  amends(@Root() resolution: ResolutionEntity, @Ctx() ctx: RequestContext) {
    return resolution.amends ? ctx.loaders.get(resolutionById).load(resolution.amends.id) : null;
  }

  @FieldResolver(() => Resolution, { nullable: true, description: "The resolution this one revokes." })
  revokes(@Root() resolution: ResolutionEntity, @Ctx() ctx: RequestContext) {
    return resolution.revokes ? ctx.loaders.get(resolutionById).load(resolution.revokes.id) : null;
  }

  @FieldResolver(() => [Resolution], { description: "Later resolutions that amend this one." })
  amendedBy(@Root() resolution: ResolutionEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(resolutionsAmending).load(resolution.id);
  }

  @FieldResolver(() => [Resolution], { description: "The resolution that revoked this one, if any." })
  revokedBy(@Root() resolution: ResolutionEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(resolutionsRevoking).load(resolution.id);
  }

  @Directive(WRITERS)
  @Mutation(() => ResolutionPayload, { description: "Adopts a resolution at a held meeting; it gets the council's next number for the year." })
  async adoptResolution(@Arg("input") input: AdoptResolutionInput, @Ctx() ctx: RequestContext) {
    return { resolution: await adoptResolution(ctx, input) };
  }

  @Directive(WRITERS)
  @Mutation(() => ResolutionPayload, { description: "Adopts a resolution that amends an earlier one, which becomes AMENDED." })
  async amendResolution(@Arg("input") input: ChangeResolutionInput, @Ctx() ctx: RequestContext) {
    return { resolution: await amendResolution(ctx, input) };
  }

  @Directive(WRITERS)
  @Mutation(() => ResolutionPayload, { description: "Adopts a resolution that revokes an earlier one, which becomes REVOKED." })
  async revokeResolution(@Arg("input") input: ChangeResolutionInput, @Ctx() ctx: RequestContext) {
    return { resolution: await revokeResolution(ctx, input) };
  }
}

