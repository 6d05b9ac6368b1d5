import { getNamedType, isInputObjectType, isNonNullType, type GraphQLSchema } from "graphql";
import { databaseIdOf } from "@contagem/schema";
import { gql, type GraphQLResponse, type RequestOptions } from "./client";
import { introspect, literal, type CrawlOptions } from "./crawler";

/**
 * Hidden is missing: a record the viewer may not see must answer every write exactly as an id that does not exist.
 * The writes come from the schema: every mutation whose input names a record of the hidden type by `idField`
 * (`minutesId`, `contributionId`), with the id as `$id` and any valid value for the rest of the input — the record is
 * located before the rest is looked at.
 */
export function mutationsOnId(schema: GraphQLSchema, idField: string, options: CrawlOptions = {}): { mutation: string; document: string }[] {
  const found: { mutation: string; document: string }[] = [];
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const input = field.args.find((a) => a.name === "input");
    const type = input && getNamedType(input.type);
    if (!type || !isInputObjectType(type) || !type.getFields()[idField]) continue;
    const parts = Object.values(type.getFields())
      .filter((f) => f.name === idField || (isNonNullType(f.type) && f.defaultValue === undefined))
      .map((f) => `${f.name}: ${f.name === idField ? "$id" : literal(f.type, f.name, options)}`);
    found.push({ mutation: field.name, document: `mutation($id: ID!) { ${field.name}(input: { ${parts.join(", ")} }) { __typename } }` });
  }
  return found;
}

/** What a client sees of a response, the id it asked about written as `<id>` and the per-request id left out. */
export function asSeen(res: GraphQLResponse, id: string) {
  // The id as sent (a global id) or as the service names it (the database id it decodes to).
  const forms = [id, String(databaseIdOf(id))];
  return {
    data: res.data ?? null,
    errors: (res.errors ?? []).map(({ message, path, extensions = {} }) => {
      const { requestId: _omit, ...rest }: Record<string, unknown> = extensions;
      if (forms.includes(rest.id as string)) rest.id = "<id>";
      return { message: forms.reduce((text, form) => text.replaceAll(JSON.stringify(form), '"<id>"'), message), path, extensions: rest };
    }),
  };
}

/**
 * Each mutation of the schema at `url` that takes an `idField`, on `hidden` and on `unknown`, as the viewer of
 * `options`: the two answers, as the client sees them, side by side. Equal answers are the point; each hidden answer
 * is kept whole to show which it was.
 */
export async function hiddenAndUnknown(url: string, idField: string, ids: { hidden: string; unknown: string }, options: RequestOptions = {}) {
  const answers: Record<string, { hidden: ReturnType<typeof asSeen>; unknown: ReturnType<typeof asSeen> }> = {};
  for (const { mutation, document } of mutationsOnId(await introspect(url, options), idField)) {
    answers[mutation] = {
      hidden: asSeen(await gql(url, document, { id: ids.hidden }, options), ids.hidden),
      unknown: asSeen(await gql(url, document, { id: ids.unknown }, options), ids.unknown),
    };
  }
  return answers;
}
