import { parentSources, type RequestContext } from "@contagem/schema";
import { Arg, Ctx, Directive, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import { agendaItemById, deliberationById, deliberationsByAgendaItem, meetingById, votesByDeliberation } from "../loaders";
import { AgendaItemEntity } from "../meetings/meeting.entity";
import { AgendaItem, Meeting } from "../meetings/meeting.type";
import { Minutes } from "../minutes/minutes.type";
import { visibleMinutes } from "../minutes/minutes.visibility";
import { MandateRef } from "../references/references.type";
import { DeliberationEntity, VoteEntity } from "./deliberation.entity";
import { RecordDeliberationInput } from "./deliberation.inputs";
import { recordDeliberation } from "./deliberation.service";
import { Deliberation, Vote } from "./deliberation.type";

@ObjectType({ description: "The result of `recordDeliberation`." })
export class RecordDeliberationPayload {
  @Field(() => Deliberation, { description: "The deliberation recorded." })
  deliberation: DeliberationEntity;
}

@Resolver(() => Deliberation)
export class DeliberationResolver {
  @FieldResolver(() => Meeting, { description: "The meeting where it was decided." })
  meeting(@Root() deliberation: DeliberationEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(meetingById).load(deliberation.meeting.id);
  }

  @FieldResolver(() => AgendaItem, { description: "The agenda item decided." })
  agendaItem(@Root() deliberation: DeliberationEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(agendaItemById).load(deliberation.agendaItem.id);
  }

  @FieldResolver(() => [Vote], { description: "Nominal votes, where recorded." })
  votes(@Root() deliberation: DeliberationEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(votesByDeliberation).load(deliberation.id);
  }

  @Directive('@requiresScopes(scopes: [["ADMIN"], ["SECRETARY"]])')
  @Mutation(() => RecordDeliberationPayload, { description: "Records a decision on an agenda item of a held meeting with quorum." })
  async recordDeliberation(@Arg("input") input: RecordDeliberationInput, @Ctx() ctx: RequestContext) {
    return { deliberation: await recordDeliberation(ctx, input) };
  }
}

@Resolver(() => Vote)
export class VoteResolver {
  @FieldResolver(() => MandateRef, { nullable: true, description: "The mandate of the member who voted." })
  mandate(@Root() vote: VoteEntity) {
    return { id: vote.mandateId };
  }

  @FieldResolver(() => Deliberation, { description: "What was voted on, and its outcome." })
  deliberation(@Root() vote: VoteEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(deliberationById).load(vote.deliberation.id);
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => [Deliberation], { description: "Decisions taken on this item." })
  deliberations(@Root() item: AgendaItemEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(deliberationsByAgendaItem).load(item.id);
  }

  @FieldResolver(() => Minutes, { nullable: true, description: "For APPROVAL_OF_MINUTES: the minutes put to approval." })
  async minutes(@Root() item: AgendaItemEntity, @Ctx() ctx: RequestContext) {
    return item.minutesId == null ? null : visibleMinutes(ctx, item.minutesId);
  }

  @FieldResolver()
  sources(@Root() item: AgendaItemEntity, @Ctx() ctx: RequestContext) {
    return parentSources(ctx, meetingById, item.meeting.id);
  }
}
