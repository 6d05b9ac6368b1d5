import { findPage, PageArgs, pagesByParent, parseId, tryParseId, type RequestContext } from "@contagem/schema";
import type { FilterQuery } from "@mikro-orm/core";
import { Arg, Args, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Candidacy } from "../elections/candidacy.type";
import { RecordCandidacyInput, RecordElectionResultsInput } from "../elections/election.inputs";
import { recordCandidacy, recordElectionResults } from "../elections/election.service";
import type { CandidacyEntity } from "../elections/candidacy.entity";
import { candidaciesByProcess, meetingsByProcess, optionsByProcess, phasesByProcess, proposalCountByProcess, resultsByProcess } from "../loaders";
import { ProposalEntity } from "../proposals/proposal.entity";
import { ProposalConnection, VoteResults } from "../proposals/proposal.type";
import { CouncilRef, MeetingRef, TerritoryRef, ref } from "../references/references.type";
import { ProcessEntity } from "./process.entity";
import { isImported, keptIn } from "../decidim/source.entity";
import { RecordSource, recordSource, SOURCE_DESCRIPTION } from "../decidim/source.type";
import { ProcessResultConnection } from "../decidim/decidim.type";
import { ProcessResultEntity } from "../decidim/process-result.entity";
import { importedVoteResults } from "../decidim/vote-results";
import { ProcessStatus } from "./process.enums";
import { CreateProcessInput, ProcessFilter, UpdateProcessInput } from "./process.inputs";
import { createProcess, updateProcess } from "./process.service";
import { ParticipatoryProcess, ParticipatoryProcessConnection, Phase } from "./process.type";

@ObjectType({ description: "The result of a write on a process." })
export class ProcessPayload {
  @Field(() => ParticipatoryProcess, { description: "The process as it now stands, with its new `version`." })
  process: ProcessEntity;
}

@ObjectType({ description: "The result of `recordCandidacy`." })
export class CandidacyPayload {
  @Field(() => Candidacy, { description: "The candidacy recorded." })
  candidacy: CandidacyEntity;
}

const STAFF = '@requiresScopes(scopes: [["STAFF"], ["ADMIN"]])';

export function processWhere(filter: ProcessFilter = {}): FilterQuery<ProcessEntity> {
  const where: Record<string, unknown> = {};
  if (filter.kind) where.kind = filter.kind;
  if (filter.status) where.status = filter.status;
  if (filter.councilId != null) where.councilId = parseId(filter.councilId, "filter.councilId");
  if (filter.territoryId != null) where.territoryId = parseId(filter.territoryId, "filter.territoryId");
  if (filter.updatedSince) where.updatedAt = { $gte: filter.updatedSince };
  if (filter.source) Object.assign(where, keptIn(filter.source));
  return where as FilterQuery<ProcessEntity>;
}

@Resolver(() => ParticipatoryProcess)
export class ProcessResolver {
  @Query(() => ParticipatoryProcessConnection, { nullable: true, description: "Participatory processes, newest first." })
  async processes(@Args() page: PageArgs, @Arg("filter", () => ProcessFilter, { nullable: true, description: "Which processes to list; omitted, all of them." }) filter: ProcessFilter | undefined, @Ctx() ctx: RequestContext) {
    return new ParticipatoryProcessConnection(await findPage(ctx.em, ProcessEntity, processWhere(filter), page, [], "desc"));
  }

  @Query(() => ParticipatoryProcess, { nullable: true, description: "One process by id; null when there is none." })
  process(@Arg("id", () => ID, { description: "The process's id." }) id: string, @Ctx() ctx: RequestContext) {
    const key = tryParseId(id);
    return key === null ? null : ctx.em.findOne(ProcessEntity, { id: key });
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "Minimum age to take part, in years (16 unless the process's act says otherwise); null for a process of Contagem's " +
      "public record (`sources`) that states none.",
  })
  minimumParticipantAge(@Root() process: ProcessEntity): number | null {
    return process.minimumAge;
  }

  @FieldResolver(() => Int, {
    description: "Minimum age to take part, in years; 16 (the product's default) where the record states none.",
    deprecationReason: "Use `minimumParticipantAge`: it is null where the public record states no age. Removal after 2027-03-01.",
  })
  minimumAge(@Root() process: ProcessEntity): number {
    return process.minimumAge ?? 16;
  }

  @FieldResolver(() => [Phase], { description: "Its phases, in order." })
  phases(@Root() process: ProcessEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(phasesByProcess).load(process.id);
  }

  @FieldResolver(() => Phase, {
    nullable: true,
    description:
      "The phase running now: null unless the process is OPEN (a CLOSED process of the public record whose phase has no " +
      "recorded end is not running).",
  })
  async currentPhase(@Root() process: ProcessEntity, @Ctx() ctx: RequestContext) {
    if (process.status !== ProcessStatus.OPEN) return null;
    const now = new Date();
    const phases = await ctx.loaders.get(phasesByProcess).load(process.id);
    return phases.find((p) => p.startsAt <= now && (!p.endsAt || now < p.endsAt)) ?? null;
  }

  @FieldResolver(() => CouncilRef, { nullable: true, description: "The council running it; null when none." })
  council(@Root() process: ProcessEntity) {
    return ref(process.councilId);
  }

  @FieldResolver(() => TerritoryRef, { nullable: true, description: "Its territory; null for the whole city." })
  territory(@Root() process: ProcessEntity) {
    return ref(process.territoryId);
  }

  @FieldResolver(() => [MeetingRef], { nullable: true, description: "Meetings that are part of the process." })
  async meetings(@Root() process: ProcessEntity, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.get(meetingsByProcess).load(process.id)).map((m) => ({ id: m.meetingId }));
  }

  @FieldResolver(() => ProposalConnection, { description: "Proposals and options, oldest first." })
  async proposals(@Root() process: ProcessEntity, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    const loader = pagesByParent<ProposalEntity>(ctx, "process.proposals", { entity: ProposalEntity, parentColumn: "process_id", sort: [], direction: "asc" }, page);
    return new ProposalConnection(await loader.load(process.id));
  }

  @FieldResolver(() => Int, { description: "How many proposals and options it has (every status)." })
  proposalCount(@Root() process: ProcessEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(proposalCountByProcess).load(process.id);
  }

  @FieldResolver(() => VoteResults, {
    nullable: true,
    description:
      "For votes: ballots and votes per option, as counts. Null when not a vote, and for a historical vote of the public " +
      "record (with `sources`): its ballots were cast elsewhere and its counts are not on record, so none is shown as 0. " +
      "For a vote imported from Decidim (`source.system` DECIDIM): its projects' confirmed votes as Decidim states them " +
      "(`ballots` 0: ballots were cast on Decidim, which publishes per-project counts only); null when Decidim hides them.",
  })
  async results(@Root() process: ProcessEntity, @Ctx() ctx: RequestContext) {
    if (isImported(process)) return importedVoteResults(await ctx.loaders.get(optionsByProcess).load(process.id));
    if (process.maxChoices == null || process.recordKey != null) return null;
    const [results, options] = await Promise.all([
      ctx.loaders.get(resultsByProcess).load(process.id),
      ctx.loaders.get(optionsByProcess).load(process.id),
    ]);
    return { ballots: results.ballots, options: options.map((option) => ({ option, votes: results.votes.get(option.id) ?? 0 })) };
  }

  @FieldResolver(() => RecordSource, { description: SOURCE_DESCRIPTION })
  source(@Root() process: ProcessEntity): RecordSource {
    return recordSource(process.importedFrom);
  }

  @FieldResolver(() => ProcessResultConnection, {
    description: "What the process delivered, with progress (Decidim's accountability results), oldest first; empty for this graph's own processes.",
  })
  async processResults(@Root() process: ProcessEntity, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    const loader = pagesByParent<ProcessResultEntity>(ctx, "process.results", { entity: ProcessResultEntity, parentColumn: "process_id", sort: [], direction: "asc" }, page);
    return new ProcessResultConnection(await loader.load(process.id));
  }

  @FieldResolver(() => [Candidacy], { description: "For council elections: candidacies and results." })
  candidacies(@Root() process: ProcessEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(candidaciesByProcess).load(process.id);
  }

  @Directive(STAFF)
  @Mutation(() => ProcessPayload, { description: "Creates a participatory process with its phases (STAFF/ADMIN)." })
  async createProcess(@Arg("input") input: CreateProcessInput, @Ctx() ctx: RequestContext) {
    return { process: await createProcess(ctx, input) };
  }

  @Directive(STAFF)
  @Mutation(() => ProcessPayload, { description: "Changes a process, its status, phases or linked meetings (STAFF/ADMIN)." })
  async updateProcess(@Arg("input") input: UpdateProcessInput, @Ctx() ctx: RequestContext) {
    return { process: await updateProcess(ctx, input) };
  }

  @Directive(STAFF)
  @Mutation(() => CandidacyPayload, { description: "Records a candidacy of a council election (STAFF/ADMIN)." })
  async recordCandidacy(@Arg("input") input: RecordCandidacyInput, @Ctx() ctx: RequestContext) {
    return { candidacy: await recordCandidacy(ctx, input) };
  }

  @Directive(STAFF)
  @Mutation(() => ProcessPayload, { description: "Records the official results of a council election (STAFF/ADMIN)." })
  async recordElectionResults(@Arg("input") input: RecordElectionResultsInput, @Ctx() ctx: RequestContext) {
    return { process: await recordElectionResults(ctx, input) };
  }
}
