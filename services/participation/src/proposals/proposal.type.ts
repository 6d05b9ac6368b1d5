import { ConnectionType, NodeType, Source, OwnSources } from "@contagem/schema";
import { Directive, Field, Float, Int, ObjectType } from "type-graphql";
import { ProposalStatus } from "./proposal.enums";

@ObjectType("Proposal", {
  description:
    "A proposal of a process, or an option put to the vote. One imported from Decide Contagem (`source.system` DECIDIM: a " +
    "Decidim proposal, or a budgeting project as an option) is read-only here: withdrawing, deciding, supporting, voting or " +
    "commenting it is refused with RECORD_IMMUTABLE (make them on Decidim); it names no author, only `authorsCount` and an organisation.",
})
@Directive('@key(fields: "id")')
export class Proposal extends NodeType {
  @Field({ description: "Its title, as the author or the city wrote it." })
  title: string;

  @Field({ description: "The proposal's text in Markdown, up to 20,000 characters." })
  body: string;

  @Field(() => ProposalStatus, { description: "Where the proposal stands." })
  status: ProposalStatus;

  @Field(() => String, { nullable: true, description: "Why it was withdrawn, or the reason given with STAFF's decision; null while PUBLISHED." })
  statusReason?: string | null;

  @Field(() => Int, { description: "Changes with each withdrawal or decision (not with supports): send it back as `expectedVersion`." })
  version: number;

  @OwnSources()
  sources: Source[];

  @Field(() => String, { nullable: true, description: "The official answer to it (plain text), as Decidim publishes it; null when none (and on this graph's own proposals)." })
  officialAnswer?: string | null;

  @Field(() => Date, { nullable: true, description: "When the official answer was given (ISO 8601 instant); null when none." })
  answeredAt?: Date | null;

  @Field(() => Int, { nullable: true, description: "An imported proposal's number of authors (never who they are); null on this graph's own proposals (see `author`) and on projects." })
  authorsCount?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "The organisation that authored an imported proposal, where Decidim marks one (an official proposal, or a user group once Decidim verified it: anyone may create a group); never a person's name; null otherwise.",
  })
  organizationAuthor?: string | null;

  @Field(() => Float, { nullable: true, description: "For an imported budgeting project (an option of a Decidim vote): its amount in whole reais (BRL); null otherwise." })
  budgetAmount?: number | null;
}

@ObjectType("ProposalConnection")
export class ProposalConnection extends ConnectionType(Proposal, "Proposal") {}

@ObjectType("ProposalSearchHit", { description: "A proposal matching a search, with a highlighted excerpt: its own words, never anything of its author." })
export class ProposalSearchHit {
  @Field(() => Proposal, { description: "The matching proposal (its `author` as they chose to appear, like everywhere)." })
  proposal: object;

  @Field({ description: "Relevance (higher is better): comparable within one search only." })
  rank: number;

  @Field({ description: "Excerpt (about 240 characters) of the title and text with the matched words in **bold**." })
  excerpt: string;
}

@ObjectType("ProposalSearchConnection")
export class ProposalSearchConnection extends ConnectionType(ProposalSearchHit, "ProposalSearchHit") {}

@ObjectType("OptionResult", { description: "Votes an option received: counts only, never who voted." })
export class OptionResult {
  @Field(() => Proposal, { description: "The option (a proposal of the vote) these votes went to." })
  option: object;

  @Field(() => Int, { description: "Ballots that picked it." })
  votes: number;
}

@ObjectType("VoteResults", { description: "The results of a vote, as counts." })
export class VoteResults {
  @Field(() => Int, { description: "Ballots recorded in this system (0 for historical votes whose counts are not on record here)." })
  ballots: number;

  @Field(() => [OptionResult], { description: "Every option with its votes, most voted first." })
  options: OptionResult[];
}
