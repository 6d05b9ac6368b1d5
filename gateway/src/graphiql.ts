import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import type { GraphiQLOptions } from "graphql-yoga";

const pages = new Map<string, string>();

/**
 * The IDE page with GraphiQL's scripts, styles and workers inlined from the installed npm package: it loads
 * nothing from another host (no CDN), so it works offline and on closed city networks. Rendered once per options.
 */
export function offlineGraphiQL(options?: GraphiQLOptions): string {
  const key = JSON.stringify(options ?? {});
  let page = pages.get(key);
  if (!page) {
    page = renderGraphiQL(options);
    pages.set(key, page);
  }
  return page;
}
