import { readUrl, type Env } from "@contagem/common";

/** The subgraphs the gateway serves, with where each listens unless configured otherwise. */
export const SUBGRAPHS = [
  { name: "councils", defaultPort: 4001 },
  { name: "meetings", defaultPort: 4002 },
  { name: "participation", defaultPort: 4003 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]["name"];
export type SubgraphUrls = Record<string, string>;

/** `COUNCILS_URL`, … override where the gateway finds each subgraph. */
export function readSubgraphUrls(env: Env): SubgraphUrls {
  return Object.fromEntries(
    SUBGRAPHS.map(({ name, defaultPort }) => [
      name,
      readUrl(env, `${name.toUpperCase()}_URL`, ["http:", "https:"], `http://127.0.0.1:${defaultPort}/graphql`),
    ]),
  );
}
