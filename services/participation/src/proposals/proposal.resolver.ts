import { keptIn } from "../decidim/source.entity";
import { findPage, MAX_SEARCH_DEPTH, PageArgs, SEARCH_QUERY_LENGTH, pagesByParent, parseId, startOfCivilHour, tryParseId, type RequestContext } from "@contagem/schema";
import type { FilterQuery } from "@mikro-orm/core";
import { Arg, Args, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { BallotEntity } from "../ballots/ballot.entity";
import { ContributionEntity } from "../contributions/contribution.entity";
import { ContributionStatus } from "../contributions/contribution.enums";
import { ContributionConnection } from "../contributions/contribution.type";
import { participantById, processById } from "../loaders";
import { PublicParticipant } from "../participants/participant.type";
import { publicParticipant } from "../participants/public";
import { ParticipatoryProcess } from "../processes/process.type";
import { TerritoryRef, ref } from "../references/references.type";
import { ProposalEntity } from "./proposal.entity";
import { RecordSource, recordSource, SOURCE_DESCRIPTION } from "../decidim/source.type";
import {
  CastBallotInput,
  CreateProposalOptionInput,
  DecideProposalInput,
  ProposalFilter,
  SubmitProposalInput,
  SupportProposalInput,
  WithdrawProposalInput,
} from "./proposal.inputs";
import { castBallot, createProposalOption, submitProposal, supportProposal } from "./proposal.service";
import { decideProposal, withdrawProposal } from "./proposal-status.service";
import { searchProposals } from "./proposal.search";
import { Proposal, ProposalConnection, ProposalSearchConnection } from "./proposal.type";

@ObjectType({ description: "The result of a write on a proposal." })
export class ProposalPayload {
  @Field(() => Proposal, { description: "The proposal as it now stands." })
  proposal: ProposalEntity;
}

@ObjectType({ description: "The proposal, WITHDRAWN with its reason." })
export class WithdrawProposalPayload {
  @Field(() => Proposal, { description: "The proposal, WITHDRAWN." })
  proposal: ProposalEntity;
}

@ObjectType({ description: "The proposal, SELECTED or NOT_SELECTED." })
export class DecideProposalPayload {
  @Field(() => Proposal, { description: "The proposal, SELECTED or NOT_SELECTED." })
  proposal: ProposalEntity;
}

@ObjectType({ description: "Your ballot was counted. Public figures show its time only to the hour." })
export class CastBallotPayload {
  @Field(() => ParticipatoryProcess, { description: "The process voted in." })
  process: object;

  @Field({ description: "When it was cast, truncated to the hour (Contagem's hour, America/Sao_Paulo)." })
  castAtHour: Date;
}

const CITIZEN = '@requiresScopes(scopes: [["CITIZEN"]])';

@Resolver(() => Proposal)
export class ProposalResolver {
  @Query(() => ProposalConnection, { nullable: true, description: "Proposals and options of every process, oldest first." })
  async proposals(@Args() page: PageArgs, @Arg("filter", () => ProposalFilter, { nullable: true, description: "Which proposals to list; omitted, all of them." }) filter: ProposalFilter | undefined, @Ctx() ctx: RequestContext) {
    const where: Record<string, unknown> = {};
    if (filter?.processId != null) where.process = parseId(filter.processId, "filter.processId");
    if (filter?.territoryId != null) where.territoryId = parseId(filter.territoryId, "filter.territoryId");
    if (filter?.status) where.status = filter.status;
    if (filter?.updatedSince) where.updatedAt = { $gte: filter.updatedSince };
    if (filter?.source) Object.assign(where, keptIn(filter.source));
    return new ProposalConnection(await findPage(ctx.em, ProposalEntity, where as FilterQuery<ProposalEntity>, page));
  }

  @Query(() => ProposalSearchConnection, {
    nullable: true,
    description:
      "Full-text search of proposals and options by their title and text: those the public sees standing (PUBLISHED, SELECTED " +
      "or NOT_SELECTED), never a WITHDRAWN one, and never by anything of their author. Portuguese, accents, case and plurals " +
      'ignored ("pracas" finds "praças"); "quoted phrases", `or` and `-excluded` words; when no word matches, similar words ' +
      `(misspellings) do. Best first; paged forward or backward to the ${MAX_SEARCH_DEPTH.toLocaleString("en-US")}th hit ` +
      "(a cursor deeper than that: BAD_USER_INPUT).",
  })
  async searchProposals(
    @Arg("query", { description: `Words to look for, ${SEARCH_QUERY_LENGTH.min} to ${SEARCH_QUERY_LENGTH.max} characters once trimmed (else BAD_USER_INPUT), matched in Portuguese (stemmed; accents and case ignored).` }) query: string,
    @Args() page: PageArgs,
    @Arg("processId", () => ID, { nullable: true, description: "Only this process's proposals (its id); omitted, every process's. Not an id: BAD_USER_INPUT." }) processId: string | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return new ProposalSearchConnection(await searchProposals(ctx, query, processId, page));
  }

  @Query(() => Proposal, { nullable: true, description: "One proposal by id; null when there is none." })
  proposal(@Arg("id", () => ID, { description: "The proposal's id." }) id: string, @Ctx() ctx: RequestContext) {
    const key = tryParseId(id);
    return key === null ? null : ctx.em.findOne(ProposalEntity, { id: key });
  }

  @FieldResolver(() => RecordSource, { description: SOURCE_DESCRIPTION })
  source(@Root() proposal: ProposalEntity): RecordSource {
    return recordSource(proposal.importedFrom);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "How many participants support it through this graph (each at most once); null for an option of a process of " +
      "Contagem's public record (`ParticipatoryProcess.sources`), whose supports and votes were given elsewhere and are not stated. " +
      "For an imported proposal: its supports on Decidim (`voteCount`), null when Decidim hides them; null for an imported project (see `ParticipatoryProcess.results`).",
  })
  supporterCount(@Root() proposal: ProposalEntity): number | null {
    return proposal.supportCount;
  }

  @FieldResolver(() => Int, {
    description: "How many participants support it (each at most once); 0 where the public record states no count.",
    deprecationReason: "Use `supporterCount`: it is null where the count is not known. Removal after 2027-03-01.",
  })
  supportCount(@Root() proposal: ProposalEntity): number {
    return proposal.supportCount ?? 0;
  }

  @FieldResolver(() => ParticipatoryProcess, { description: "The process it belongs to." })
  process(@Root() proposal: ProposalEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(processById).load(proposal.process.id);
  }

  @FieldResolver(() => PublicParticipant, { nullable: true, description: "Who proposed it, as they chose to appear; null for official options." })
  async author(@Root() proposal: ProposalEntity, @Ctx() ctx: RequestContext) {
    return proposal.author ? publicParticipant(await ctx.loaders.get(participantById).load(proposal.author.id)) : null;
  }

  @FieldResolver(() => TerritoryRef, { nullable: true, description: "The territory it concerns; null for the whole city." })
  territory(@Root() proposal: ProposalEntity) {
    return ref(proposal.territoryId);
  }

  @FieldResolver(() => ContributionConnection, { description: "Published comments, oldest first." })
  async contributions(@Root() proposal: ProposalEntity, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    const loader = pagesByParent<ContributionEntity>(ctx, "proposal.contributions", {
      entity: ContributionEntity,
      parentColumn: "proposal_id",
      sort: [],
      direction: "asc",
      filter: { sql: "t.status = ?", params: [ContributionStatus.PUBLISHED] },
    }, page);
    return new ContributionConnection(await loader.load(proposal.id));
  }

  @Directive(CITIZEN)
  @Mutation(() => ProposalPayload, { description: "Submits your proposal to a process in its PROPOSALS phase (CITIZEN)." })
  async submitProposal(@Arg("input") input: SubmitProposalInput, @Ctx() ctx: RequestContext) {
    return { proposal: await submitProposal(ctx, input) };
  }

  @Directive('@requiresScopes(scopes: [["STAFF"], ["ADMIN"]])')
  @Mutation(() => ProposalPayload, { description: "Adds an official option to a process, e.g. a commitment put to the vote (STAFF/ADMIN)." })
  async createProposalOption(@Arg("input") input: CreateProposalOptionInput, @Ctx() ctx: RequestContext) {
    return { proposal: await createProposalOption(ctx, input) };
  }

  @Directive(CITIZEN)
  @Mutation(() => ProposalPayload, { description: "Supports a proposal, once (CITIZEN)." })
  async supportProposal(@Arg("input") input: SupportProposalInput, @Ctx() ctx: RequestContext) {
    return { proposal: await supportProposal(ctx, input) };
  }

  @Directive('@requiresScopes(scopes: [["CITIZEN"], ["STAFF"], ["ADMIN"]])')
  @Mutation(() => WithdrawProposalPayload, {
    description: "Withdraws a PUBLISHED proposal, with a reason: its author (CITIZEN) while the process is OPEN, or STAFF/ADMIN at any time.",
  })
  async withdrawProposal(@Arg("input") input: WithdrawProposalInput, @Ctx() ctx: RequestContext) {
    return { proposal: await withdrawProposal(ctx, input) };
  }

  @Directive('@requiresScopes(scopes: [["STAFF"], ["ADMIN"]])')
  @Mutation(() => DecideProposalPayload, {
    description: "Marks a PUBLISHED proposal SELECTED or NOT_SELECTED once citizens are done with its process (STAFF/ADMIN).",
  })
  async decideProposal(@Arg("input") input: DecideProposalInput, @Ctx() ctx: RequestContext) {
    return { proposal: await decideProposal(ctx, input) };
  }

  @Directive(CITIZEN)
  @Mutation(() => CastBallotPayload, { description: "Casts your ballot in a vote, within its rule and voting phase (CITIZEN)." })
  async castBallot(@Arg("input") input: CastBallotInput, @Ctx() ctx: RequestContext) {
    const ballot: BallotEntity = await castBallot(ctx, input);
    return { process: await ctx.loaders.get(processById).load(ballot.process.id), castAtHour: startOfCivilHour(ballot.createdAt) };
  }
}
