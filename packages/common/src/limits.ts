import { ApolloArmor } from "@escape.tech/graphql-armor";
import { readInt, type Env } from "./config";
import { AppError, ErrorCode, tokenLimitMessage } from "./errors";
import { countTokens } from "./tokens";

/**
 * What one query may weigh: the public limits, the same at the gateway and at every subgraph (a subgraph reached
 * directly is exactly as safe as through the gateway). Beyond them: QUERY_TOO_COMPLEX, before anything runs.
 */
export interface QueryLimits {
  /** Nesting of fields. */
  depth: number;
  /** Aliased fields in one document. */
  aliases: number;
  /** Lexical tokens of the document. */
  tokens: number;
  /** graphql-armor's cost: each field costs 1, objects 2, multiplied by their depth. */
  cost: number;
  /**
   * Characters of the document itself. Every runtime caches parsed documents by their text (the gateway keeps
   * about 1,000, each costing several times its size): long values belong in variables, which are never cached.
   */
  chars: number;
  /** Nodes the operation may return: the product of page sizes along nested connections, summed (./node-limit). */
  nodes: number;
  /** Representations one `_entities` call may carry (a subgraph's limit; the gateway sends them, it never takes them). */
  representations: number;
}

/** A page of a connection: `first` 1..100, 20 when absent. */
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

/**
 * The gateway asks a subgraph for the entities of one level of a query in one `_entities` call. Full pages nest as
 * 100, 10,000, 1,000,000 nodes: the deepest level of full pages the node limit admits is what a subgraph must take.
 */
export function defaultMaxRepresentations(nodes: number): number {
  let level = MAX_PAGE;
  while (level * MAX_PAGE <= nodes) level *= MAX_PAGE;
  return level;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  depth: 12,
  aliases: 30,
  tokens: 3000,
  cost: 50_000,
  chars: 16_384,
  nodes: 50_000,
  representations: defaultMaxRepresentations(50_000),
};

/** QUERY_MAX_DEPTH, QUERY_MAX_ALIASES, QUERY_MAX_TOKENS, QUERY_MAX_COST, QUERY_MAX_CHARS, QUERY_MAX_NODES, MAX_ENTITY_REPRESENTATIONS. */
export function readQueryLimits(env: Env): QueryLimits {
  const nodes = readInt(env, "QUERY_MAX_NODES", DEFAULT_QUERY_LIMITS.nodes, 1, 100_000_000);
  return {
    nodes,
    representations: readInt(env, "MAX_ENTITY_REPRESENTATIONS", defaultMaxRepresentations(nodes), 1, 10_000_000),
    depth: readInt(env, "QUERY_MAX_DEPTH", DEFAULT_QUERY_LIMITS.depth, 1, 100),
    aliases: readInt(env, "QUERY_MAX_ALIASES", DEFAULT_QUERY_LIMITS.aliases, 1, 1000),
    tokens: readInt(env, "QUERY_MAX_TOKENS", DEFAULT_QUERY_LIMITS.tokens, 10, 1_000_000),
    cost: readInt(env, "QUERY_MAX_COST", DEFAULT_QUERY_LIMITS.cost, 10, 100_000_000),
    chars: readInt(env, "QUERY_MAX_CHARS", DEFAULT_QUERY_LIMITS.chars, 256, 1_048_576),
  };
}

/** The QUERY_TOO_COMPLEX error of a document longer than the limit, or null. */
export function documentTooLong(query: unknown, maxChars: number, extensions: Record<string, unknown> = {}): AppError | null {
  if (typeof query !== "string" || query.length <= maxChars) return null;
  return new AppError(
    ErrorCode.QUERY_TOO_COMPLEX,
    `The document has ${query.length} characters; the limit is ${maxChars}. Pass long values as variables.`,
    extensions,
  );
}

/**
 * The QUERY_TOO_COMPLEX error of a document of more than `maxTokens` lexical tokens, or null, with the count: the
 * parsers' own limits say only "Syntax Error: Document contains more than N tokens" (the gateway counts first; at a
 * subgraph, maskError rewrites the parser's message).
 */
export function tooManyTokens(query: unknown, maxTokens: number, extensions: Record<string, unknown> = {}): AppError | null {
  const tokens = typeof query === "string" ? countTokens(query) : null;
  if (tokens === null || tokens <= maxTokens) return null;
  return new AppError(ErrorCode.QUERY_TOO_COMPLEX, tokenLimitMessage(tokens, maxTokens), extensions);
}

/**
 * graphql-armor's settings for the limits. The gateway's query planner adds `__typename` and key fields to what it
 * sends a subgraph, so a subgraph counts tokens and cost with that allowance (`planner`), never less than the
 * gateway's own limits.
 */
export function armorConfig(limits: QueryLimits, planner = 1) {
  return {
    // Depth counts fields only: fragments are how the query planner (and clients) group a selection, not nesting.
    maxDepth: { n: limits.depth, flattenFragments: true },
    maxAliases: { n: limits.aliases },
    maxTokens: { n: limits.tokens * planner },
    costLimit: { maxCost: limits.cost * planner },
    maxDirectives: { n: 50 },
    // The schema is public and documented: "did you mean…" suggestions help developers and reveal nothing.
    blockFieldSuggestion: { enabled: false },
  };
}

/**
 * The limits for a subgraph's Apollo Server. Tokens are counted by graphql-js's own parser (`maxTokens`), which
 * fails as a parse error; graphql-armor's Apollo token plugin throws from a hook Apollo treats as a crash (HTTP 500).
 */
export function apolloLimits(limits: QueryLimits) {
  const config = armorConfig(limits, 2);
  const { plugins, validationRules } = new ApolloArmor({ ...config, maxTokens: { enabled: false } }).protect();
  return { plugins, validationRules, parseOptions: { maxTokens: config.maxTokens.n }, maxChars: limits.chars * 2 };
}

/**
 * How deep brackets may nest in a document (selections, lists, input objects) and in variables. The parsers and
 * value coercion of every runtime recurse once per level: a few thousand levels of `[[[…]]]` overflow the stack.
 * Real operations stay far below it (selections are limited to `depth`, inputs nest a few levels).
 */
export const MAX_NESTING = 64;

/** The QUERY_TOO_COMPLEX error of a document or variables nested deeper than MAX_NESTING, or null. */
export function nestingTooDeep(query: unknown, variables: unknown, extensions: Record<string, unknown> = {}): AppError | null {
  const where = typeof query === "string" && documentNesting(query) > MAX_NESTING ? "The document" : valueNesting(variables) > MAX_NESTING ? "The variables" : null;
  if (!where) return null;
  return new AppError(ErrorCode.QUERY_TOO_COMPLEX, `${where} nest deeper than ${MAX_NESTING} levels.`, extensions);
}

/** The deepest bracket nesting of a GraphQL document, outside strings and comments. */
function documentNesting(query: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === "#") {
      while (i < query.length && query[i] !== "\n" && query[i] !== "\r") i++;
    } else if (c === '"') {
      const block = query.startsWith('"""', i);
      const end = block ? '"""' : '"';
      i += end.length;
      while (i < query.length && !query.startsWith(end, i)) i += query[i] === "\\" ? 2 : 1;
      i += end.length - 1;
    } else if (c === "{" || c === "[" || c === "(") {
      deepest = Math.max(deepest, ++depth);
    } else if (c === "}" || c === "]" || c === ")") {
      depth--;
    }
  }
  return deepest;
}

/** The deepest nesting of a JSON value, walked without recursion (the value may be hostile). */
function valueNesting(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, level] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    deepest = Math.max(deepest, level + 1);
    if (deepest > MAX_NESTING) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, level + 1]);
  }
  return deepest;
}
