/** The connection arguments every list takes, as the probes pass them (variables, so any may be absent). */
export const PAGE_ARGS = ["first", "after", "last", "before"] as const;
export const PAGE_VARIABLES = "$first: Int, $after: String, $last: Int, $before: String";
export type PageVariables = Partial<Record<"first" | "last", number> & Record<"after" | "before", string>>;

interface WalkedPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: unknown }[];
}

/** Pages of about a third of the list (at most 100): several steps each way, page boundaries apart where they can be. */
function stepOf(total: number): number {
  let step = Math.min(100, Math.max(1, Math.ceil(total / 3)));
  while (step > 1 && step + 1 < total && total % step === 0) step--;
  return step;
}

/**
 * Pages a whole list forward (`first`/`after`) and backward (`last`/`before`) with `fetch`, and says what went wrong:
 * the two walks must give the same edges in the same order, each as many as `totalCount` (the same on every page),
 * with `hasPreviousPage`/`hasNextPage` as the Relay specification defines them, at both ends and in between.
 */
export async function walkBothWays(fetch: (page: PageVariables) => Promise<WalkedPage | null>, total: number): Promise<string[]> {
  const step = stepOf(total);
  const failures: string[] = [];
  const walk = async (backward: boolean) => {
    const edges: WalkedPage["edges"] = [];
    let cursor: string | undefined;
    for (let turn = 0; turn <= total / step + 1; turn++) {
      const page = await fetch(backward ? { last: step, before: cursor } : { first: step, after: cursor });
      const where = `${backward ? "backward" : "forward"} page ${turn + 1} (${step} a page)`;
      if (!page) return failures.push(`${where} failed`) && null;
      if (page.totalCount !== total) failures.push(`${where}: totalCount ${page.totalCount}, not ${total}`);
      // Paging forward: more after this page, and items at or before `after` once there is one; backward, mirrored.
      const [toward, behind] = backward ? [page.pageInfo.hasPreviousPage, page.pageInfo.hasNextPage] : [page.pageInfo.hasNextPage, page.pageInfo.hasPreviousPage];
      if (behind !== (turn > 0)) failures.push(`${where}: ${backward ? "hasNextPage" : "hasPreviousPage"} is ${behind}`);
      const ends = [page.edges[0]?.cursor ?? null, page.edges.at(-1)?.cursor ?? null];
      if (page.pageInfo.startCursor !== ends[0] || page.pageInfo.endCursor !== ends[1]) failures.push(`${where}: start/end cursors are not its edges'`);
      // Every page full but the last, which holds the rest: never an empty page after a flag said more follow.
      if (page.edges.length !== (toward ? step : total - edges.length) || !page.edges.length) {
        failures.push(`${where}: ${page.edges.length} items, and ${toward ? "more" : "no more"} said to follow`);
      }
      if (backward) edges.unshift(...page.edges);
      else edges.push(...page.edges);
      if (!toward) return edges;
      cursor = backward ? page.pageInfo.startCursor! : page.pageInfo.endCursor!;
    }
    return failures.push(`${backward ? "backward" : "forward"}: never reached the end`) && null;
  };
  const forward = await walk(false);
  const backward = await walk(true);
  if (forward && backward) {
    if (forward.length !== total) failures.push(`forward gave ${forward.length} items of ${total}`);
    if (JSON.stringify(forward) !== JSON.stringify(backward)) failures.push("backward gave other items, or in another order, than forward");
  }
  return failures;
}
