import { highlight, parseId, rankedSearch, type PageRequest, type RankedSource, type RequestContext } from "@contagem/schema";
import { ProposalEntity } from "./proposal.entity";
import { ProposalStatus } from "./proposal.enums";

/** The columns the entity maps: the search document and vector stay in the database. */
const PROPOSAL_COLUMNS = [
  "id", "created_at", "updated_at", "version", "process_id", "author_id", "title", "body", "territory_id", "status",
  "status_reason", "support_count", "official_answer", "answered_at", "authors_count", "organization_author", "budget_amount",
  "stated_votes", "origin_system", "origin_type", "origin_external_id", "origin_url", "origin_imported_at", "origin_content_hash",
];

/**
 * What search reaches: proposals standing before the public — open, selected or not. A withdrawn one left the
 * running at its author's (or STAFF's) word and is never offered again by search; a status added later stays out
 * until it is named here.
 */
const SEARCHABLE = [ProposalStatus.PUBLISHED, ProposalStatus.SELECTED, ProposalStatus.NOT_SELECTED];

export interface ProposalSearchHit {
  proposal: ProposalEntity;
  rank: number;
  excerpt: string;
}

/** Proposals the public sees standing, by their title and text: nothing of the author is searched, nor shown. */
function proposalSource(schema: string, processId: string | undefined): RankedSource {
  return {
    list: "proposal-search",
    table: `"${schema}".proposal`,
    alias: "p",
    columns: PROPOSAL_COLUMNS,
    where: `p.status in (${SEARCHABLE.map((s) => `'${s}'`).join(", ")})${processId != null ? " and p.process_id = ?" : ""}`,
    params: processId != null ? [parseId(processId, "processId")] : [],
  };
}

/** Full-text search of the proposals the public sees (the shared ranked search): one statement a page, two from the end. */
export function searchProposals(ctx: RequestContext, query: string, processId: string | undefined, page: PageRequest) {
  const schema = ctx.em.config.get("schema")!;
  return rankedSearch<Record<string, unknown>, ProposalSearchHit>(ctx.em, query, page, proposalSource(schema, processId), async (ranked, terms) =>
    ranked.map((h) => {
      const proposal = ctx.em.map(ProposalEntity, h.row);
      return { proposal, rank: h.rank, excerpt: highlight(`${proposal.title}\n\n${proposal.body}`, terms.text) };
    }),
  );
}
