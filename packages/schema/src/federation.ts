import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLSchema, parse, print } from "graphql";
import { buildSchema, createResolversMap, getMetadataStorage, type BuildSchemaOptions } from "type-graphql";
import { Doc } from "./docs";
import { guardEntities } from "./entities-boundary";
import type { SubgraphName } from "@contagem/common";
import { guardArguments } from "./input-boundary";
import { describeConnections } from "./pagination";
import { decodeRepresentations, nodeResolvers } from "./node-field";
import { relayResolvers, relaySdl } from "./relay-ids";
import { scalarsMap } from "./scalars";
import { declaredLimits } from "./string-limits";

/** Federation 2.7: v2.8/2.9 fail common compatibility checks; 2.5+ brings @authenticated/@requiresScopes. */
export const FEDERATION_VERSION = "v2.7";
export const FEDERATION_IMPORTS = [
  "@key",
  "@shareable",
  "@external",
  "@requires",
  "@provides",
  "@inaccessible",
  "@tag",
  "@override",
  "@interfaceObject",
  "@authenticated",
  "@requiresScopes",
  "@composeDirective",
];

export const federationLink = `extend schema @link(url: "https://specs.apollo.dev/federation/${FEDERATION_VERSION}", import: [${FEDERATION_IMPORTS.map((d) => JSON.stringify(d)).join(", ")}])`;

/**
 * A custom directive the supergraph keeps (Federation's `@composeDirective`): its definition is given to type-graphql
 * (`directives` of the build options, applied with `@Directive`), and `url` names its specification, whose version
 * must agree across subgraphs, e.g. `https://specs.contagem.mg.gov.br/audience/v1.0` for `@audience`.
 */
export interface ComposedDirective {
  url: string;
  /** With its `@`, e.g. `@audience`. */
  name: string;
}

/** The schema extension that imports and composes custom directives, or "" when there are none. */
export function composeDirectivesSdl(directives: readonly ComposedDirective[]): string {
  return directives
    .map(({ url, name }) => {
      if (!/^@[_A-Za-z][_0-9A-Za-z]*$/.test(name)) throw new Error(`A composed directive's name starts with @: got ${JSON.stringify(name)}.`);
      return `extend schema @link(url: ${JSON.stringify(url)}, import: [${JSON.stringify(name)}]) @composeDirective(name: ${JSON.stringify(name)})`;
    })
    .join("\n");
}

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL, with its federation directives and @link: what is committed as schema.graphql. */
  sdl: string;
}

export type ReferenceResolvers = GraphQLResolverMap<unknown>;

/**
 * type-graphql classes → a Federation 2 subgraph schema. type-graphql's own validation of the schema is skipped
 * because federation directives (@key, …) are only defined once @apollo/subgraph reads the @link.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, "skipCheck" | "scalarsMap">,
  referenceResolvers: ReferenceResolvers,
  relay: { subgraph: SubgraphName; hostsNode?: boolean },
  composeDirectives: readonly ComposedDirective[] = [],
): Promise<FederatedSchema> {
  // No middleware or auth checker runs on plain fields here (policies live in services and field resolvers), so
  // they read the property directly instead of through type-graphql's middleware chain: far less work per field.
  for (const objectType of getMetadataStorage().objectTypes) objectType.simpleResolvers ??= true;
  describeConnections();
  const typeSchema = await buildSchema({ ...options, scalarsMap, skipCheck: true });
  // type-graphql has no way to describe the root types; every subgraph gives them the same words, which compose.
  for (const [root, description] of [[typeSchema.getQueryType(), Doc.QUERY], [typeSchema.getMutationType(), Doc.MUTATION]] as const) {
    if (root) root.description ??= description;
  }
  for (const field of Object.values(typeSchema.getMutationType()?.getFields() ?? {})) {
    for (const arg of field.args) if (arg.name === "input") arg.description ??= Doc.MUTATION_INPUT(String(arg.type));
  }
  // Relay's global object identification is added to the SDL, so the committed schema shows it as any field.
  const typeDefs = relaySdl(parse(`${federationLink}\n${composeDirectivesSdl(composeDirectives)}\n\n${printSchemaWithDirectives(typeSchema).trim()}\n`), relay.subgraph, relay.hostsNode ?? false);
  const sdl = `${print(typeDefs)}\n`;
  const resolvers = createResolversMap(typeSchema) as GraphQLResolverMap<unknown>;
  const built: { schema?: GraphQLSchema } = {};
  const node = relay.hostsNode ? nodeResolvers(relay.subgraph, built) : {};
  for (const [typeName, fieldResolvers] of Object.entries({ ...referenceResolvers, ...node })) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(fieldResolvers as object) } as never;
  }
  const schema = buildSubgraphSchema({ typeDefs, resolvers });
  built.schema = schema;
  // The boundary wraps the finished resolvers, so it runs before type-graphql's own (which build input classes);
  // the argument checks wrap last, to run first: a representation's strings are checked before its shape, its
  // shape before its global id is decoded.
  relayResolvers(schema);
  decodeRepresentations(schema);
  guardEntities(schema);
  guardArguments(schema, declaredLimits(typeSchema));
  return { schema, sdl };
}
