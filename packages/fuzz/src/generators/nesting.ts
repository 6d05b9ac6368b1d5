import type { Draft } from "../request";
import type { GenContext } from "./context";

/**
 * Deep JSON where a server parses it and then walks it: `variables` and `extensions`, in a POST body and in a GET
 * query string, and representations at a subgraph. JSON.parse copes with any depth; what walks the result
 * recursively (a cache key, a log line, variable coercion, a depth check) may overflow the stack. Bodies stay under
 * the 1 MiB body limit (200,000 objects deep is 1,000,001 bytes), so they reach the parser instead of a 413; query
 * strings past the header limit must get a JSON 431.
 */
const DEPTHS = [
  [2, 100],
  [2, 10_000],
  [1, 200_000],
] as const;
const QUERY = "{ __typename }";

/** `[[[…1…]]]` (2 bytes a level) or `{"":{"":…1…}}` (5 bytes a level). */
export function nested(depth: number, shape: "array" | "object"): string {
  return shape === "array" ? `${"[".repeat(depth)}1${"]".repeat(depth)}` : `${'{"":'.repeat(depth)}1${"}".repeat(depth)}`;
}

export function deepNesting(ctx: GenContext): Draft {
  const { rnd, target } = ctx;
  const depth = rnd.weighted(DEPTHS);
  const shape = rnd.pick(["array", "object"] as const);
  const deep = nested(depth, shape);
  const deepObject = shape === "object" ? deep : `{"v":${deep}}`;
  const entities = Object.keys(target.entities);
  const places: [string, Record<string, string>][] = [
    ["a variable", { variables: `{"v":${deep}}` }],
    ["variables", { variables: deepObject }],
    ["a declared variable", { query: "query($v: [String]) { __typename }", variables: `{"v":${deep}}` }],
    ["an extension", { extensions: `{"x":${deep}}` }],
    ["extensions", { extensions: deepObject }],
    ["extensions.persistedQuery", { extensions: `{"persistedQuery":${deepObject}}` }],
  ];
  if (entities.length) {
    const typename = rnd.pick(entities);
    places.push([
      "a representation",
      { query: "query($r: [_Any!]!) { _entities(representations: $r) { __typename } }", variables: `{"r":[{"__typename":"${typename}","id":${deep}}]}` },
    ]);
  }
  const [where, parts] = rnd.pick(places);
  const query = parts.query ?? QUERY;
  const label = `${depth}-deep ${shape} in ${where}`;
  if (rnd.chance(0.6)) {
    const fields = [`"query":${JSON.stringify(query)}`, ...["variables", "extensions"].filter((k) => parts[k]).map((k) => `"${k}":${parts[k]}`)];
    return {
      category: "nesting",
      label: `POST ${label}`,
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
      body: `{${fields.join(",")}}`,
      expectsJson: true,
    };
  }
  // In a query string the brackets go raw half the time (as a browser's address bar sends them), else encoded.
  const raw = rnd.chance(0.5);
  const encode = (text: string) => (raw ? text.replace(/[%&#+ ]/g, encodeURIComponent) : encodeURIComponent(text));
  const params = [["query", query], ...["variables", "extensions"].filter((k) => parts[k]).map((k) => [k, parts[k]])];
  return {
    category: "nesting",
    label: `GET ${label}${raw ? "" : " (percent-encoded)"}`,
    method: "GET",
    search: `?${params.map(([k, v]) => `${k}=${encode(v)}`).join("&")}`,
    headers: { accept: "application/graphql-response+json, application/json" },
    expectsJson: true,
  };
}
