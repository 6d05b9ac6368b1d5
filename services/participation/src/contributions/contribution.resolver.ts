import { findPage, forbidden, PageArgs, unauthenticated, type RequestContext } from "@contagem/schema";
import { Arg, Args, Ctx, Directive, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { participantById, proposalById } from "../loaders";
import { canManageParticipation } from "../participants/participant.policy";
import { PublicParticipant } from "../participants/participant.type";
import { publicParticipant } from "../participants/public";
import { Proposal } from "../proposals/proposal.type";
import { MeetingRef, ref } from "../references/references.type";
import { ContributionEntity, type MeetingPresenceEntity } from "./contribution.entity";
import { ContributionStatus } from "./contribution.enums";
import { ContributeInput, ModerateContributionInput, RecordPresenceInput } from "./contribution.inputs";
import { contribute, moderateContribution, recordPresence } from "./contribution.service";
import { Contribution, ContributionConnection } from "./contribution.type";

@ObjectType({ description: "The result of a write on a contribution." })
export class ContributionPayload {
  @Field(() => Contribution, { description: "The contribution as it now stands." })
  contribution: ContributionEntity;
}

@ObjectType({ description: "The result of `recordPresence`." })
export class RecordPresencePayload {
  @Field(() => MeetingRef, { nullable: true, description: "The meeting whose attendance you joined." })
  meeting: { id: number };
}

@Resolver(() => Contribution)
export class ContributionResolver {
  @Query(() => ContributionConnection, { nullable: true, description: "Contributions awaiting or past moderation (STAFF/ADMIN)." })
  @Directive('@requiresScopes(scopes: [["STAFF"], ["ADMIN"]])')
  async contributionsForModeration(
    @Args() page: PageArgs,
    @Arg("status", () => ContributionStatus, { defaultValue: ContributionStatus.PENDING, description: "Which moderation status to list; default PENDING." }) status: ContributionStatus,
    @Ctx() ctx: RequestContext,
  ) {
    if (!ctx.viewer) throw unauthenticated();
    if (!canManageParticipation(ctx.viewer)) throw forbidden("Only STAFF or ADMIN moderate contributions.");
    return new ContributionConnection(await findPage(ctx.em, ContributionEntity, { status }, page));
  }

  @FieldResolver(() => PublicParticipant, { description: "Who wrote it, as they chose to appear." })
  async author(@Root() contribution: ContributionEntity, @Ctx() ctx: RequestContext) {
    return publicParticipant(await ctx.loaders.get(participantById).load(contribution.participant.id));
  }

  @FieldResolver(() => MeetingRef, { nullable: true, description: "The meeting commented on; null for a comment on a proposal." })
  meeting(@Root() contribution: ContributionEntity) {
    return ref(contribution.meetingId);
  }

  @FieldResolver(() => Proposal, { nullable: true, description: "The proposal commented on; null for a comment at a meeting." })
  proposal(@Root() contribution: ContributionEntity, @Ctx() ctx: RequestContext) {
    return contribution.proposal ? ctx.loaders.get(proposalById).load(contribution.proposal.id) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Why it was hidden." })
  hiddenReason(@Root() contribution: ContributionEntity) {
    return contribution.hiddenReason ?? null;
  }

  @Directive('@requiresScopes(scopes: [["CITIZEN"]])')
  @Mutation(() => ContributionPayload, { description: "Comments on a meeting or a proposal (CITIZEN); public once moderated." })
  async contribute(@Arg("input") input: ContributeInput, @Ctx() ctx: RequestContext) {
    return { contribution: await contribute(ctx, input) };
  }

  @Directive('@requiresScopes(scopes: [["STAFF"], ["ADMIN"]])')
  @Mutation(() => ContributionPayload, { description: "Publishes or hides (with a reason) a contribution (STAFF/ADMIN)." })
  async moderateContribution(@Arg("input") input: ModerateContributionInput, @Ctx() ctx: RequestContext) {
    return { contribution: await moderateContribution(ctx, input) };
  }

  @Directive('@requiresScopes(scopes: [["CITIZEN"]])')
  @Mutation(() => RecordPresencePayload, { description: "Records your presence at a public meeting (CITIZEN)." })
  async recordPresence(@Arg("input") input: RecordPresenceInput, @Ctx() ctx: RequestContext) {
    const presence: MeetingPresenceEntity = await recordPresence(ctx, input);
    return { meeting: { id: presence.meetingId } };
  }
}
