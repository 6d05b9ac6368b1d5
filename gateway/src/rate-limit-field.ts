import { AppError, ErrorCode, measureOperation } from "@contagem/common";
import { getOperationAST, Kind, type DocumentNode, type SelectionSetNode } from "graphql";
import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import { NODES_PER_POINT, type RateLimit } from "./rate-limit";

/**
 * `Query.rateLimit`: the budget lives in the gateway, so the gateway answers it (no subgraph knows it). Added to the
 * client-facing schema only, never to the supergraph: composition does not see it.
 */
export const rateLimitTypeDefs = /* GraphQL */ `
  """
  A client's request budget at the gateway, in points per minute (GitHub's model). Every request costs at least 1
  point; a query costs its nodes (the product of the page sizes along nested connections, the figure the node
  limit counts) divided by ${NODES_PER_POINT} and rounded up. The same figures come in every response's
  \`X-RateLimit-Limit\`, \`X-RateLimit-Remaining\`, \`X-RateLimit-Used\` and \`X-RateLimit-Reset\` headers. Over the
  budget, requests are refused with HTTP 429 \`RATE_LIMITED\` and \`Retry-After\`.
  """
  type RateLimit {
    "Points a client may spend per window of 60 seconds (\`RATE_LIMIT_PER_MINUTE\`)."
    limit: Int!
    "Points this request cost (at least 1)."
    cost: Int!
    "Nodes this request's operation may return, counted before it ran (what its cost is computed from)."
    nodeCount: Int!
    "Points spent in the current window, this request included."
    used: Int!
    "Points left in the current window, after this request (limit − used)."
    remaining: Int!
    "When the current window ends and the budget is whole again (RFC 3339 instant, UTC)."
    resetAt: DateTime!
  }

  extend type Query {
    """
    The caller's request budget after this request (counted per client address), and what this request cost.
    \`null\` when the gateway enforces no limit (\`RATE_LIMIT_PER_MINUTE=0\`). Never answered from a cache: a
    query that selects it is neither cached by the gateway nor cacheable by a CDN.
    """
    rateLimit: RateLimit
  }
`;

interface ServerContext {
  req?: IncomingMessage;
}

/** The value of `Query.rateLimit` for a request's context. */
export function resolveRateLimit(rateLimit: RateLimit) {
  return (_root: unknown, _args: unknown, context: unknown) => {
    const req = (context as ServerContext | undefined)?.req;
    const budget = req ? rateLimit.budgetOf(req) : undefined;
    return budget ? { ...budget, resetAt: budget.resetAt.toISOString() } : null;
  };
}

/** Whether an operation selects `rateLimit` at its root (directly, in an inline fragment or a named one). */
export function selectsRateLimit(document: DocumentNode, operationName?: string | null): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== "query") return false;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])));
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): boolean =>
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === "rateLimit";
      if (selection.kind === Kind.INLINE_FRAGMENT) return walk(selection.selectionSet);
      if (seen.has(selection.name.value)) return false;
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      return fragment ? walk(fragment) : false;
    });
  return walk(operation.selectionSet);
}

/**
 * Charges an operation's cost once it is known (after the node limit refused what is too large) and before it runs
 * or is answered from the cache: a query the budget cannot pay is refused whole, 429 `RATE_LIMITED`.
 */
export function useRateLimitCost(rateLimit: RateLimit): Plugin {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const req = (args.contextValue as ServerContext).req;
      if (!req) return;
      const { nodes } = measureOperation(args.schema, args.document, args.variableValues, args.operationName);
      const retryAfter = await rateLimit.charge(req, nodes);
      if (retryAfter === null) return;
      const budget = rateLimit.budgetOf(req);
      const message = `This operation costs ${Math.ceil(nodes / NODES_PER_POINT)} points (${nodes} nodes); ${budget?.remaining ?? 0} are left. Retry in ${retryAfter} s, or ask for smaller pages.`;
      setResultAndStopExecution({
        errors: [new AppError(ErrorCode.RATE_LIMITED, message, { retryAfter, http: { status: 429, headers: { "retry-after": String(retryAfter) } } })],
      });
    },
  };
}
