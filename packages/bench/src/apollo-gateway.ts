import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { readFileSync } from "node:fs";

/**
 * @apollo/gateway refuses supergraphs that link SECURITY features (`@authenticated`, `@requiresScopes` are for
 * compiled routers); they are documentation here, enforced in the subgraphs, so they are removed for this peer.
 */
export function withoutSecurityFeatures(supergraph: string): string {
  return supergraph
    .split("\n")
    .filter((line) => !/@link\(url: "https:\/\/specs\.apollo\.dev\/(authenticated|requiresScopes)\//.test(line))
    .filter((line) => !/^directive @(authenticated|requiresScopes)\b/.test(line) && !/^scalar requiresScopes__Scope/.test(line))
    .map((line) => line.replace(/ @requiresScopes\(scopes: \[[^)]*\]\)/g, "").replace(/ @authenticated\b/g, ""))
    .join("\n");
}

/**
 * The peer baseline: @apollo/gateway serving the very same supergraph against the same subgraphs, forwarding the
 * same headers. Started by the benchmark only.
 */
async function main() {
  const urls = JSON.parse(process.env.SUBGRAPH_URLS ?? "{}") as Record<string, string>;
  const gateway = new ApolloGateway({
    supergraphSdl: withoutSecurityFeatures(readFileSync(process.env.SUPERGRAPH_PATH!, "utf8")),
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({
        url: urls[name] ?? url,
        willSendRequest({ request, context }) {
          const auth = (context as { authorization?: string }).authorization;
          if (auth) request.http?.headers.set("authorization", auth);
        },
      }),
  });
  const server = new ApolloServer({ gateway, introspection: true });
  const port = Number(process.env.PORT);
  await startStandaloneServer(server, {
    listen: { port, host: "127.0.0.1" },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  process.once("SIGTERM", () => void server.stop().then(() => process.exit(0)));
}

if (require.main === module) void main();
