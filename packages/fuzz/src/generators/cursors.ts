import { BAD_CURSORS, FIRSTS } from "../corpus";
import { OperationBuilder } from "../operation";
import { connectionSites } from "../paths";
import { jsonPost, type Draft } from "../request";
import type { GenContext } from "./context";

const PAGE = ["totalCount", "edges { cursor node { __typename } }", "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"];

/** A bad cursor as `after` (and `before`, where a connection has it) of a connection field, root or nested. */
export function badCursor(ctx: GenContext): Draft {
  const { rnd, target } = ctx;
  const site = rnd.pick(connectionSites(target.schema));
  const builder = new OperationBuilder(rnd, rnd.pick([0, 1]));
  const args: string[] = [];
  const shown: string[] = [];
  const cursorArgs = site.field.args.filter((a) => a.name === "after" || a.name === "before");
  for (const arg of cursorArgs) {
    if (arg.name === "before" && !rnd.chance(0.5)) continue;
    // Now and then a cursor of the wrong GraphQL type: an Int, an object.
    const value = rnd.chance(0.05) ? rnd.pick([1, { a: 1 }]) : rnd.pick(BAD_CURSORS);
    args.push(builder.arg(arg.name, arg.type, value));
    shown.push(`${arg.name}=${describeCursor(value)}`);
  }
  // A page size forward or backward (now and then both, which no list takes).
  for (const size of site.field.args.filter((a) => a.name === "first" || a.name === "last")) {
    if (rnd.chance(size.name === "first" ? 0.4 : 0.3)) args.push(builder.arg(size.name, size.type, rnd.pick(FIRSTS)));
  }
  // Arguments a connection requires besides its page (`searchMinutes(query:)`, `participants(purpose:)`).
  for (const arg of site.field.args) {
    if (arg.type.toString().endsWith("!") && arg.defaultValue === undefined && !args.some((a) => a.startsWith(`${arg.name}:`))) {
      args.push(builder.arg(arg.name, arg.type, arg.name === "query" ? "conselho municipal" : arg.name === "purpose" ? "auditoria" : "1"));
    }
  }
  const page = rnd.sample(PAGE, rnd.int(1, 3)).join(" ");
  const selection = site.wrap(`${site.field.name}(${args.join(", ")}) { ${page} }`);
  const query = builder.document("query", selection);
  return jsonPost("cursor", `bad cursor on ${site.owner}.${site.field.name}: ${shown.join(" ")}`, builder.hasVariables() ? { query, variables: builder.variables } : { query });
}

/** How a cursor reads in a report: the JSON it decodes to, when it does. */
export function describeCursor(value: unknown): string {
  if (typeof value !== "string") return JSON.stringify(value);
  const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…(${text.length})` : text);
  const decoded = Buffer.from(value, "base64url").toString("utf8");
  const isBase64url = /^[A-Za-z0-9_-]+$/.test(value);
  return isBase64url && /^[[{"n0-9-]/.test(decoded) ? `base64url(${clip(decoded)})` : `raw(${clip(JSON.stringify(value))})`;
}
