import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
  type InputValueDefinitionNode,
  type NamedTypeNode,
  type ObjectTypeDefinitionNode,
  parse,
} from "graphql";
import { argumentId, globalId, isNodeType, NODE_TYPES, PLAIN_IDS_NOTE, type SubgraphName } from "@contagem/common";

/** Id names whose record type is not their own name (`legalBasisId` names a LegalAct); "*" for any record. */
const ALIASES: Record<string, string[] | "*"> = {
  Process: ["ParticipatoryProcess"],
  Person: ["PublicPerson"],
  LegalBasis: ["LegalAct"],
  AppointmentAct: ["LegalAct"],
  Parent: ["Territory"],
  Entity: "*",
  Record: "*",
};

/** Ids of records that are not public Nodes (ADMIN's webhook subscriptions and deliveries): plain integers, left as they are. */
const NOT_NODES: ReadonlySet<string> = new Set(["WebhookSubscription", "Subscription", "WebhookDelivery", "Delivery"]);

/**
 * The record types an ID argument, input field or output field names, from its name: `councilId`, `meetingIds`,
 * `convenedByMandateId` (the longest known suffix), or `id` inside an input named for its type (`UpdateCouncilInput`).
 * null: not a record of a Node type (a participant's id). Unknown names fail the build, so no new id escapes.
 */
export function idTargets(name: string, owner: string): string[] | "*" | null {
  const base = name === "id" ? owner.replace(/Input$/, "") : name.replace(/Ids?$/, "");
  const word = base.charAt(0).toUpperCase() + base.slice(1);
  for (let i = 0; i < word.length; i++) {
    if (i > 0 && !/[A-Z]/.test(word[i])) continue;
    const suffix = word.slice(i);
    if (isNodeType(suffix)) return [suffix];
    if (ALIASES[suffix]) return ALIASES[suffix];
    if (NOT_NODES.has(suffix)) return null;
  }
  if (name === "id") return null; // the id of a type that is not a Node (a participant's): left as it is
  throw new Error(`No record type for the ID "${name}" of ${owner}: name it after its type, or add an alias in relay-ids.ts.`);
}

const NODE_INTERFACE = `
"""A public record that \`node(id:)\` fetches by its global id (Relay's Global Object Identification)."""
interface Node @key(fields: "id") {
  """The record's global id: opaque, names its type; accepted wherever an id is taken."""
  id: ID!
}

type Query {
  """The record with this global id, of any type, or null when none exists (or the viewer may not see it). A malformed id is BAD_USER_INPUT."""
  node("""A global id (\`Node.id\`).""" id: ID!): Node
  """The records with these global ids (at most 100), in order, null where none exists. Malformed ids are BAD_USER_INPUT."""
  nodes("""Global ids (\`Node.id\`), at most 100.""" ids: [ID!]!): [Node]
}
`;

const DATABASE_ID = (parse(`type T {
  """The record's integer id of before global ids, for clients migrating to \`id\` (GitHub's \`databaseId\`)."""
  databaseId: Int!
}`).definitions[0] as ObjectTypeDefinitionNode).fields![0];

const KEY = (parse(`type T @key(fields: "id") { id: ID! }`).definitions[0] as ObjectTypeDefinitionNode).directives![0];
const NODE: NamedTypeNode = { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: "Node" } };
const hasKey = (def: ObjectTypeDefinitionNode) => def.directives?.some((d) => d.name.value === "key");

/**
 * The subgraph's SDL with Relay's global object identification: each record type it owns is an entity with a
 * `databaseId`; each ID argument and input field naming a record says that plain ids are still accepted; and the
 * subgraph that hosts `node` (participation, which already asks both peers) declares the `Node` entity interface,
 * every Node type implementing it (stubs of the other subgraphs' types), and `node`/`nodes`.
 */
export function relaySdl(sdl: DocumentNode, subgraph: SubgraphName, host: boolean): DocumentNode {
  const seen = new Set<string>();
  const describe = (value: InputValueDefinitionNode, owner: string): InputValueDefinitionNode => {
    if (getNamedTypeName(value.type) !== "ID" || !idTargets(value.name.value, owner)) return value;
    const text = value.description?.value ? `${value.description.value.replace(/\s*$/, "")} ${PLAIN_IDS_NOTE}` : PLAIN_IDS_NOTE;
    return { ...value, description: { kind: Kind.STRING, value: text, block: true } };
  };
  const definitions = sdl.definitions.map((def) => {
    if (def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) return { ...def, fields: def.fields?.map((f) => describe(f, def.name.value)) };
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) return def;
    const fields = def.fields?.map((f): FieldDefinitionNode => ({ ...f, arguments: f.arguments?.map((a) => describe(a, def.name.value)) }));
    if (!isNodeType(def.name.value)) return { ...def, fields };
    seen.add(def.name.value);
    const owned = NODE_TYPES[def.name.value] === subgraph;
    return {
      ...def,
      directives: owned && !hasKey(def) ? [KEY, ...(def.directives ?? [])] : def.directives,
      interfaces: host ? [...(def.interfaces ?? []), NODE] : def.interfaces,
      fields: owned ? [...(fields ?? []).slice(0, 1), DATABASE_ID, ...(fields ?? []).slice(1)] : fields,
    };
  });
  if (!host) return { ...sdl, definitions };
  const stubs = Object.keys(NODE_TYPES)
    .filter((type) => !seen.has(type))
    .map((type) => `type ${type} implements Node @key(fields: "id") { id: ID! }`);
  const extra = parse(`${NODE_INTERFACE}\n${stubs.join("\n")}`).definitions;
  const query = extra.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Query") as ObjectTypeDefinitionNode;
  return {
    ...sdl,
    definitions: [
      ...definitions.map((def) =>
        def.kind === Kind.OBJECT_TYPE_DEFINITION && def.name.value === "Query" ? { ...def, fields: [...(def.fields ?? []), ...query.fields!] } : def,
      ),
      ...extra.filter((d) => d !== query),
    ],
  };
}

function getNamedTypeName(type: InputValueDefinitionNode["type"]): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : getNamedTypeName(type.type);
}

type Decode = (value: unknown, path: string) => unknown;

/**
 * At the boundary of the finished schema: every Node type's `id` (and every output `…Id` naming one) answers its
 * global id, `databaseId` the integer; every ID argument and input field naming a record takes a global id of its
 * type, or a plain id during the deprecation window, and the resolver receives the database id as before.
 */
export function relayResolvers(schema: GraphQLSchema): void {
  const decoders = new Map<string, Decode | null>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (type === schema.getQueryType() && (field.name === "node" || field.name === "nodes")) continue; // they decode their own
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? ((source) => (source as Record<string, unknown>)[field.name]);
      if (getNamedType(field.type).name === "ID" && !field.args.length && isNodeType(type.name) && field.name === "id") {
        field.resolve = (source, args, ctx, info) => then(resolve(source, args, ctx, info), (value) => encode(type.name, value));
      } else if (field.name === "entityId" && type.getFields().entityType) {
        // An audit entry names its record by type and id: a global id when the type is a Node (not a participant).
        field.resolve = (source, args, ctx, info) => {
          const entityType = (source as { entityType?: string }).entityType ?? "";
          return then(resolve(source, args, ctx, info), (value) => (isNodeType(entityType) ? encode(entityType, value) : value));
        };
      } else if (getNamedType(field.type).name === "ID" && !field.args.length && field.name !== "id") {
        const targets = idTargets(field.name, type.name);
        if (Array.isArray(targets) && targets.length === 1) {
          const [target] = targets;
          field.resolve = (source, args, ctx, info) => then(resolve(source, args, ctx, info), (value) => encode(target, value));
        }
      } else if (field.name === "databaseId" && isNodeType(type.name)) {
        field.resolve = (source) => Number((source as { id: unknown }).id);
      }
      const decode = argumentsDecoder(field.args, type.name, field.name, getNamedType(field.type).name, decoders);
      if (!decode) continue;
      const inner = field.resolve ?? resolve;
      field.resolve = (source, args, ctx, info) => inner(source, decode(args, "") as Record<string, unknown>, ctx, info);
    }
  }
}

/**
 * `f` of a resolver's value, synchronously when the value is not a promise: an `id` that returned a promise made
 * every object carrying one asynchronous, which graphql-js then completes field by field through promises (a figures
 * list of 1,000 rows spent most of its time there).
 */
const then = (value: unknown, f: (value: unknown) => unknown): unknown =>
  value !== null && typeof value === "object" && typeof (value as PromiseLike<unknown>).then === "function" ? (value as PromiseLike<unknown>).then(f) : f(value);

const encode = (type: string, value: unknown): unknown => {
  if (value == null) return value;
  if (Array.isArray(value)) return value.map((v) => encode(type, v));
  return globalId(type, value as string | number);
};

function argumentsDecoder(
  args: readonly { name: string; type: GraphQLInputType }[],
  owner: string,
  fieldName: string,
  returns: string,
  decoders: Map<string, Decode | null>,
): Decode | null {
  const parts: [string, Decode][] = [];
  for (const arg of args) {
    // `council(id:)` names a Council: an `id` argument names the type its field returns.
    const decode = decoderOf(arg.type, arg.name, arg.name === "id" ? returns : `${owner}.${fieldName}`, decoders);
    if (decode) parts.push([arg.name, decode]);
  }
  if (!parts.length) return null;
  return (value) => {
    const args = { ...(value as Record<string, unknown>) };
    // Inside `input`, fields are named as such (`councilId`, `votes[1].mandateId`), as the services name them.
    for (const [name, decode] of parts) if (args[name] != null) args[name] = decode(args[name], name === "input" ? "" : name);
    return args;
  };
}

function decoderOf(type: GraphQLInputType, name: string, owner: string, decoders: Map<string, Decode | null>): Decode | null {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = decoderOf(nullable.ofType, name, owner, decoders);
    return item && ((value, path) => (Array.isArray(value) ? value.map((v, i) => (v == null ? v : item(v, `${path}[${i}]`))) : item(value, path)));
  }
  if (isInputObjectType(nullable)) {
    if (!decoders.has(nullable.name)) {
      decoders.set(nullable.name, null); // a recursive input finds itself undecided, then decided below
      const fields = Object.values(nullable.getFields()).flatMap((f): [string, Decode][] => {
        const decode = decoderOf(f.type, f.name, nullable.name, decoders);
        return decode ? [[f.name, decode]] : [];
      });
      decoders.set(
        nullable.name,
        fields.length
          ? (value, path) => {
              if (typeof value !== "object" || value === null) return value;
              const copy = { ...(value as Record<string, unknown>) };
              for (const [f, decode] of fields) if (copy[f] != null) copy[f] = decode(copy[f], path ? `${path}.${f}` : f);
              return copy;
            }
          : null,
      );
    }
    const decode = decoders.get(nullable.name);
    return decode ? (value, path) => decoders.get(nullable.name)!(value, path) : null;
  }
  if (nullable.name !== "ID") return null;
  const targets = idTargets(name, owner);
  if (!targets || (Array.isArray(targets) && !targets.every(isNodeType))) return null;
  return (value, path) => argumentId(value, path || name, targets);
}
