import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import type { GraphiQLOptions } from "graphql-yoga";
import { createHash } from "node:crypto";

const pages = new Map<string, string>();

/** The IDE's first query: real data of the default seed (Contagem's public record), not an empty answer. */
export const DEFAULT_QUERY = `# Contagem Participation Graph: the public record of Contagem's participation bodies.
# The Conselho Municipal do Idoso (COMIC)'s meetings at the Casa dos Conselhos, with their agendas and sources:
{
  council(slug: "comic") {
    acronym
    name
    meetings(first: 5) {
      totalCount
      edges {
        node {
          sequenceLabel
          startsAt
          place
          recordedFrom
          agenda { position title }
          sources { url }
        }
      }
    }
  }
}
`;
const scriptHashes = new Set<string>();

/**
 * The IDE page with GraphiQL's scripts, styles and workers inlined from the installed npm package: it loads
 * nothing from another host (no CDN), so it works offline and on closed city networks. Rendered once per options.
 */
export function offlineGraphiQL(options?: GraphiQLOptions): string {
  const key = JSON.stringify(options ?? {});
  let page = pages.get(key);
  if (!page) {
    page = renderGraphiQL({ defaultQuery: DEFAULT_QUERY, ...options });
    pages.set(key, page);
    for (const [, script] of page.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
      scriptHashes.add(`'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`);
    }
  }
  return page;
}

/**
 * The IDE's Content-Security-Policy: only the page's own inline scripts (by hash) run, it talks only to this origin,
 * and no other site may frame it. Styles are inline in the bundle; workers come from blobs it creates.
 */
export function ideContentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `script-src ${[...scriptHashes].join(" ") || "'none'"}`,
    "style-src 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}
