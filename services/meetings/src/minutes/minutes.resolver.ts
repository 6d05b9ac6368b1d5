import { PageArgs, parentSources, tryParseId, type RequestContext, excerptOf } from "@contagem/schema";
import { Arg, Args, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { currentVersionOf, meetingById, minutesById, versionsByMinutes } from "../loaders";
import { Meeting } from "../meetings/meeting.type";
import { formatNumber } from "../numbering/numbering";
import { CouncilRef } from "../references/references.type";
import { MinutesEntity, MinutesVersionEntity } from "./minutes.entity";
import { AmendMinutesInput, ApproveMinutesInput, DraftMinutesInput, PublishMinutesInput, ReviseMinutesDraftInput } from "./minutes.inputs";
import { searchMinutes } from "./minutes.search";
import { amendMinutes, approveMinutes, draftMinutes, publishMinutes, reviseMinutesDraft } from "./minutes.service";
import { GazettePublication, Minutes, MinutesSearchConnection, MinutesVersion } from "./minutes.type";
import { canSeeDrafts, visibleMinutes } from "./minutes.visibility";

@ObjectType({ description: "The result of a write on minutes." })
export class MinutesPayload {
  @Field(() => Minutes, { description: "The minutes as they now stand, with their new `version`." })
  minutes: MinutesEntity;
}

const WRITERS = '@requiresScopes(scopes: [["ADMIN"], ["SECRETARY"]])';

@Resolver(() => Minutes)
export class MinutesResolver {
  @Query(() => Minutes, { nullable: true, description: "Minutes by id: published ones to anyone, drafts to their readers." })
  async minutes(@Arg("id", () => ID, { description: "The minutes' id." }) id: string, @Ctx() ctx: RequestContext) {
    const key = tryParseId(id);
    return key === null ? null : visibleMinutes(ctx, key);
  }

  @Query(() => MinutesSearchConnection, { nullable: true,
    description:
      "Full-text search of published minutes — their text and the text of their published versions' PDF documents (the signed ata) — " +
      "(Portuguese; accents, case and plurals ignored: \"reuniao\" finds \"reuniões\"). A hit in a document names it (`document`). " +
      'Supports "quoted phrases", `or`, and `-excluded` words.',
  })
  async searchMinutes(
    @Arg("query", { description: "Words to look for, 2 to 200 characters (else BAD_USER_INPUT), matched in Portuguese (stemmed; accents and case ignored)." }) query: string,
    @Args() page: PageArgs,
    @Arg("councilId", () => ID, { nullable: true, description: "Only this council's minutes; omitted, every council's." }) councilId: string | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return new MinutesSearchConnection(await searchMinutes(ctx, query, councilId, page));
  }

  @FieldResolver(() => CouncilRef, { nullable: true, description: "The council whose minutes these are." })
  council(@Root() minutes: MinutesEntity) {
    return { id: minutes.councilId };
  }

  @FieldResolver(() => Meeting, { description: "The meeting these minutes record." })
  meeting(@Root() minutes: MinutesEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(meetingById).load(minutes.meeting.id);
  }

  @FieldResolver(() => String, { description: 'As the city writes it, e.g. "Ata 006/2026".' })
  label(@Root() minutes: MinutesEntity) {
    return `Ata ${formatNumber(minutes.number, minutes.year)}`;
  }

  @FieldResolver(() => Meeting, { nullable: true, description: "The later meeting that approved them." })
  approvedAtMeeting(@Root() minutes: MinutesEntity, @Ctx() ctx: RequestContext) {
    return minutes.approvedAtMeeting ? ctx.loaders.get(meetingById).load(minutes.approvedAtMeeting.id) : null;
  }

  @FieldResolver(() => GazettePublication, { nullable: true, description: "Where they were published; null until PUBLISHED." })
  gazette(@Root() minutes: MinutesEntity): GazettePublication | null {
    return minutes.gazetteEdition == null
      ? null
      : { edition: minutes.gazetteEdition, pages: minutes.gazettePages ?? null, date: minutes.gazetteDate ?? null };
  }

  @FieldResolver(() => [MinutesVersion], {
    description: "Every version, oldest first: the published ones to anyone, drafts too to their readers.",
  })
  async versions(@Root() minutes: MinutesEntity, @Ctx() ctx: RequestContext) {
    const versions = await ctx.loaders.get(versionsByMinutes).load(minutes.id);
    return (await canSeeDrafts(ctx, minutes.councilId)) ? versions : versions.filter((v) => v.published);
  }

  @FieldResolver(() => MinutesVersion, { nullable: true, description: "The latest version the viewer may read." })
  async currentVersion(@Root() minutes: MinutesEntity, @Ctx() ctx: RequestContext) {
    // Published minutes end with a published version; unpublished ones are only visible to draft readers anyway.
    return ctx.loaders.get(currentVersionOf).load({ minutesId: minutes.id, number: minutes.currentVersion });
  }

  @Directive(WRITERS)
  @Mutation(() => MinutesPayload, { description: "Drafts the minutes of a held meeting; they get the council's next number for the year." })
  async draftMinutes(@Arg("input") input: DraftMinutesInput, @Ctx() ctx: RequestContext) {
    return { minutes: await draftMinutes(ctx, input) };
  }

  @Directive(WRITERS)
  @Mutation(() => MinutesPayload, { description: "Adds a new draft version (drafts only)." })
  async reviseMinutesDraft(@Arg("input") input: ReviseMinutesDraftInput, @Ctx() ctx: RequestContext) {
    return { minutes: await reviseMinutesDraft(ctx, input) };
  }

  @Directive(WRITERS)
  @Mutation(() => MinutesPayload, { description: "Records the approval of draft minutes at a later, held meeting." })
  async approveMinutes(@Arg("input") input: ApproveMinutesInput, @Ctx() ctx: RequestContext) {
    return { minutes: await approveMinutes(ctx, input) };
  }

  @Directive(WRITERS)
  @Mutation(() => MinutesPayload, { description: "Publishes approved minutes with their official gazette reference; the text becomes immutable." })
  async publishMinutes(@Arg("input") input: PublishMinutesInput, @Ctx() ctx: RequestContext) {
    return { minutes: await publishMinutes(ctx, input) };
  }

  @Directive(WRITERS)
  @Mutation(() => MinutesPayload, { description: "Corrects published minutes with a new published version and its reason; earlier versions stay readable." })
  async amendMinutes(@Arg("input") input: AmendMinutesInput, @Ctx() ctx: RequestContext) {
    return { minutes: await amendMinutes(ctx, input) };
  }
}

@Resolver(() => MinutesVersion)
export class MinutesVersionResolver {
  @FieldResolver(() => String, { description: "The start of the text, without Markdown, cut at a word boundary." })
  excerpt(@Root() version: MinutesVersionEntity, @Arg("length", () => Int, { defaultValue: 280, description: "Maximum length in characters, 20 to 2,000 (clamped); default 280." }) length: number) {
    return excerptOf(version.body, length);
  }

  @FieldResolver(() => Minutes, { description: "The minutes this is a version of." })
  minutes(@Root() version: MinutesVersionEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(minutesById).load(version.minutes.id);
  }

  @FieldResolver()
  sources(@Root() version: MinutesVersionEntity, @Ctx() ctx: RequestContext) {
    return parentSources(ctx, minutesById, version.minutes.id);
  }
}
