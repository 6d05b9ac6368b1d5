import { buildASTSchema, Kind, parse, type DocumentNode, type GraphQLSchema, type ObjectTypeDefinitionNode, type StringValueNode } from "graphql";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";

/** The repository root, from `src/` (jest) and from `dist/` (the CLI) alike. */
export const ROOT = resolve(__dirname, "..", "..", "..");

/** Where requests go, and the schema they are generated from. */
export interface Target {
  /** `gateway`, or the subgraph's name. */
  name: string;
  url: string;
  schema: GraphQLSchema;
  /** Entity types and their key fields (subgraphs only: what `_entities` takes). */
  entities: Record<string, string[][]>;
}

/**
 * The API schema of a supergraph: what a client of the gateway sees. The join/link machinery is left out (a client
 * cannot select it) and so is anything `@inaccessible`.
 */
export function supergraphSchema(sdl: string): GraphQLSchema {
  const doc = parse(sdl);
  const definitions = doc.definitions
    // Directive definitions go too: a client cannot use @join__field or @link, and they name the types left out.
    .filter((d) => d.kind !== Kind.DIRECTIVE_DEFINITION && !("name" in d && d.name && /^(join__|link__|requiresScopes__)/.test(d.name.value)))
    .map((d) =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.INTERFACE_TYPE_DEFINITION || d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION
        ? { ...d, fields: (d.fields as readonly { directives?: readonly { name: { value: string } }[] }[] | undefined)?.filter((f) => !f.directives?.some((x) => x.name.value === "inaccessible")) }
        : d,
    );
  return buildASTSchema({ ...doc, definitions } as DocumentNode, { assumeValidSDL: true });
}

/**
 * A subgraph's schema as a caller reaching it directly sees it: its SDL plus what `@apollo/subgraph` adds
 * (`_entities`, `_service`), because those federation entry points are reachable by anyone who can reach the port.
 */
export function subgraphSchema(sdl: string): { schema: GraphQLSchema; entities: Record<string, string[][]> } {
  const doc = parse(sdl);
  const entities: Record<string, string[][]> = {};
  for (const d of doc.definitions) {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const directive of (d as ObjectTypeDefinitionNode).directives ?? []) {
      if (directive.name.value !== "key") continue;
      const fields = directive.arguments?.find((a) => a.name.value === "fields")?.value as StringValueNode | undefined;
      const resolvable = directive.arguments?.find((a) => a.name.value === "resolvable")?.value;
      if (!fields || (resolvable?.kind === Kind.BOOLEAN && !resolvable.value)) continue;
      (entities[d.name.value] ??= []).push(fields.value.split(/\s+/).filter(Boolean));
    }
  }
  const names = Object.keys(entities);
  const federation = `
    scalar _Any
    type _Service { sdl: String }
    ${names.length ? `union _Entity = ${names.join(" | ")}` : ""}
    extend type Query {
      ${names.length ? "_entities(representations: [_Any!]!): [_Entity]!" : ""}
      _service: _Service!
    }`;
  const own = doc.definitions.filter((d) => d.kind !== Kind.SCHEMA_EXTENSION);
  const schema = buildASTSchema({ kind: Kind.DOCUMENT, definitions: [...own, ...parse(federation).definitions] }, { assumeValidSDL: true });
  return { schema, entities };
}

/** The committed supergraph and subgraph SDL files, by name (subgraphs in the gateway's order: alphabetical). */
export async function readSchemas(root = ROOT): Promise<{ supergraph: string; subgraphs: Record<string, string> }> {
  const supergraph = await readFile(join(root, "gateway", "supergraph.graphql"), "utf8");
  const subgraphs: Record<string, string> = {};
  for (const name of (await readdir(join(root, "services"))).sort()) {
    const sdl = await readFile(join(root, "services", name, "schema.graphql"), "utf8").catch(() => null);
    if (sdl) subgraphs[name] = sdl;
  }
  return { supergraph, subgraphs };
}

/** Targets for a run: the gateway, and each subgraph given a URL. */
export async function loadTargets(urls: { gateway?: string; subgraphs?: Record<string, string> }, root = ROOT): Promise<Target[]> {
  const { supergraph, subgraphs } = await readSchemas(root);
  const targets: Target[] = [];
  if (urls.gateway) targets.push({ name: "gateway", url: urls.gateway, schema: supergraphSchema(supergraph), entities: {} });
  for (const [name, url] of Object.entries(urls.subgraphs ?? {})) {
    const sdl = subgraphs[name];
    if (!sdl) throw new Error(`No services/${name}/schema.graphql: known subgraphs are ${Object.keys(subgraphs).join(", ")}.`);
    targets.push({ name, url, ...subgraphSchema(sdl) });
  }
  return targets;
}
