import type { ProposalEntity } from "../proposals/proposal.entity";

/**
 * An imported vote's results: its projects (options) with the confirmed votes Decidim states, most voted first. Null
 * when it has no projects or Decidim hides any of their counts (a partial count is not shown as a result).
 */
export function importedVoteResults(options: ProposalEntity[]) {
  const projects = options.filter((o) => o.importedFrom?.type === "Project");
  if (!projects.length || projects.some((p) => p.statedVotes == null)) return null;
  return {
    ballots: 0,
    options: projects.map((option) => ({ option, votes: option.statedVotes! })).sort((a, b) => b.votes - a.votes || a.option.id - b.option.id),
  };
}
