import type { Draft, Expectation } from "../request";
import type { GenContext } from "./context";

/**
 * Media types and Accept headers as real clients spell them, each with the status the protocol decides: names are
 * case-insensitive (RFC 9110 §8.3.1), JSON is UTF-8 (RFC 8259 §8.1; GraphQL over HTTP: another charset is 415,
 * bytes that are not UTF-8 are a malformed request, 400, never silently U+FFFD), and an Accept the server cannot
 * meet gets 406 or, as GraphQL over HTTP allows, application/json regardless; never a type the client excluded with
 * `q=0`. An error status always has a JSON body (the oracle checks that for every request).
 */
const QUERY = '{ council(slug: "compur") { id name } }';
const BODY = JSON.stringify({ query: QUERY });
const JSON_TYPE = /^application\/(graphql-response\+)?json\b/i;
const PLAIN_JSON = /^application\/json\b/i;

const ok = (why: string, contentType = JSON_TYPE): Expectation => ({ statuses: [200], contentType, why });
const refused = (status: number, why: string): Expectation => ({ statuses: [status], why });
const negotiated = (why: string, contentType = JSON_TYPE): Expectation => ({ statuses: [200, 406], contentType, why });

function post(label: string, headers: Record<string, string>, expect: Expectation, body = BODY, encoding?: Draft["encoding"]): Draft {
  return { category: "media", label, method: "POST", headers, body, encoding, expectsJson: false, expect };
}

const CASE = "media types are case-insensitive (RFC 9110 §8.3.1)";
const UTF8_ONLY = "GraphQL over HTTP reads UTF-8 JSON only: another charset is 415";
const NOT_UTF8 = "JSON is UTF-8 (RFC 8259 §8.1): bytes that are not are a malformed request, not U+FFFD";
const ACCEPT = "an Accept the server cannot meet: 406, or application/json regardless (GraphQL over HTTP)";

/** Bodies with bytes that are not UTF-8, written as latin1 text (one char, one byte). */
const INVALID_UTF8: [string, string][] = [
  ["a lone 0xFF", "a\u00ffb"],
  ["an overlong '/' (0xC0 0xAF)", "\u00c0\u00af"],
  ["a UTF-8-encoded surrogate (0xED 0xA0 0x80)", "\u00ed\u00a0\u0080"],
  ["a lone continuation byte", "\u0080"],
  ["a truncated sequence", "\u00e2\u0082"],
];

function variants(ctx: GenContext): [string, () => Draft][] {
  const { rnd } = ctx;
  const json = { "content-type": "application/json" };
  const latin1Body = JSON.stringify({ query: QUERY, variables: { nome: "reunião ordinária" } });
  return [
    ["APPLICATION/JSON", () => post("content-type APPLICATION/JSON", { "content-type": "APPLICATION/JSON" }, ok(CASE))],
    ["Charset=UTF-8", () => post("content-type Application/Json; Charset=UTF-8", { "content-type": "Application/Json; Charset=UTF-8" }, ok(CASE))],
    ['charset="utf-8"', () => post('content-type application/json; charset="utf-8"', { "content-type": 'application/json; charset="utf-8"' }, ok("a quoted parameter value is the same value (RFC 9110 §5.6.6)"))],
    ["charset=latin1", () => post("application/json; charset=latin1, latin1 bytes", { "content-type": "application/json; charset=latin1" }, refused(415, UTF8_ONLY), latin1Body, "latin1")],
    ["charset=iso-8859-1", () => post("application/json; charset=iso-8859-1, latin1 bytes", { "content-type": "application/json; charset=iso-8859-1" }, refused(415, UTF8_ONLY), latin1Body, "latin1")],
    ["charset=utf-16", () => post("application/json; charset=utf-16, UTF-16LE bytes", { "content-type": "application/json; charset=utf-16" }, refused(415, UTF8_ONLY), `\ufeff${BODY}`, "utf16le")],
    [
      "invalid UTF-8",
      () => {
        const [what, bytes] = rnd.pick(INVALID_UTF8);
        const where = rnd.pick(["variables", "query"] as const);
        const body = where === "query" ? JSON.stringify({ query: `{ council(slug: "${bytes}") { id } }` }) : JSON.stringify({ query: QUERY, variables: { x: bytes } });
        return post(`invalid UTF-8 in the ${where}: ${what}`, json, refused(400, NOT_UTF8), body, "latin1");
      },
    ],
    ["accept text/html", () => post("POST with accept text/html", { ...json, accept: "text/html" }, negotiated(ACCEPT))],
    ["accept image/png", () => post("POST with accept image/png", { ...json, accept: "image/png" }, negotiated(ACCEPT))],
    [
      "accept q=0",
      () => post("accept application/graphql-response+json;q=0", { ...json, accept: "application/graphql-response+json;q=0" }, negotiated("q=0 excludes the type (RFC 9110 §12.4.2): 406, or application/json", PLAIN_JSON)),
    ],
    [
      "accept q=0 and json",
      () =>
        post(
          "accept application/graphql-response+json;q=0, application/json",
          { ...json, accept: "application/graphql-response+json;q=0, application/json" },
          ok("q=0 excludes the type, application/json is acceptable", PLAIN_JSON),
        ),
    ],
    ["accept empty", () => post("empty accept", { ...json, accept: "" }, ok("no acceptable type named: treated as application/json (GraphQL over HTTP)"))],
    ["accept APPLICATION/JSON", () => post("accept APPLICATION/JSON", { ...json, accept: "APPLICATION/JSON" }, ok(CASE, PLAIN_JSON))],
    ["accept */*", () => post("accept */*", { ...json, accept: "*/*" }, ok("*/* accepts anything"))],
    [
      "GET accept image/png",
      () => {
        // A subgraph refuses a GET without a preflight header (Apollo's CSRF prevention, 400) before reading Accept.
        const expect = ctx.target.name === "gateway" ? negotiated(ACCEPT) : { ...negotiated(ACCEPT), statuses: [200, 400, 406] };
        return { category: "media", label: "GET with accept image/png", method: "GET", search: `?query=${encodeURIComponent(QUERY)}`, headers: { accept: "image/png" }, expectsJson: false, expect };
      },
    ],
  ];
}

export function mediaTypes(ctx: GenContext): Draft {
  return ctx.rnd.pick(variants(ctx))[1]();
}
