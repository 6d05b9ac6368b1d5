import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  parse,
  type ConstDirectiveNode,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { badInput } from "@contagem/common";

type Entity = GraphQLObjectType | GraphQLInterfaceType;
type Representation = Record<string, unknown>;
type Entities = Map<string, { type: Entity; keys: SelectionSetNode[]; external: string[] }>;
/** A key's value read from a representation, coerced to its field's type; NO_MATCH when it does not fit. */
const NO_MATCH = Symbol("no match");

/**
 * `_entities` is an entry point like any root field, and anyone can call it on a subgraph reached directly. A
 * representation reaches a reference resolver only when it is an object naming an entity this subgraph resolves
 * (a `@key` not marked `resolvable: false`), with every field of one of that entity's keys, each of the key field's
 * type (an ID given as an integer becomes its string, as GraphQL coerces it), and every `@external` field it carries
 * (what a `@requires` reads) of that field's type too (an enum value the type does not have is refused, never read as
 * "some other value"). Anything else is the caller's mistake
 * (BAD_USER_INPUT on `representations[i]`), before any reference resolver runs. Types that are not entities — every
 * private type — stay unresolvable; what a reference resolver returns (null for a record hidden from the caller) is
 * left as it is.
 */
export function guardEntities(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field?.resolve) return;
  const entities = resolvableKeys(schema);
  const resolve = field.resolve;
  field.resolve = (source, args, context, info) => {
    const representations = args.representations as unknown[];
    return resolve(source, { ...args, representations: representations.map((r, i) => checked(r, i, entities)) }, context, info);
  };
}

function checked(representation: unknown, index: number, entities: Entities): Representation {
  const field = `representations[${index}]`;
  if (typeof representation !== "object" || representation === null || Array.isArray(representation)) {
    throw badInput(field, `"${field}" must be an object with \`__typename\` and the fields of one of the entity's keys.`);
  }
  const record = representation as Representation;
  const { __typename } = record;
  if (typeof __typename !== "string") throw badInput(field, `"${field}" has no \`__typename\` naming an entity.`);
  const entity = entities.get(__typename);
  if (!entity) throw badInput(field, `"${field}": "${__typename}" is not an entity this subgraph resolves.`);
  for (const key of entity.keys) {
    const coerced = keyValues(record, entity.type, key);
    if (coerced !== NO_MATCH) return externalValues(coerced, entity.type, entity.external, field);
  }
  const wanted = entity.keys.map((key) => JSON.stringify(describe(entity.type, key))).join(" or ");
  throw badInput(field, `"${field}": a ${entity.type.name} representation needs the fields of a key, each of its type: ${wanted}.`);
}

/** The key's fields of `value` coerced to their types (the same object when nothing changed), or NO_MATCH. */
function keyValues(value: Representation, type: Entity, key: SelectionSetNode): Representation | typeof NO_MATCH {
  let changed: Representation | undefined;
  for (const selection of key.selections) {
    if (selection.kind !== Kind.FIELD) return NO_MATCH;
    const name = selection.name.value;
    const fieldType = type.getFields()[name]?.type;
    const given = value[name];
    if (!fieldType || given == null) return NO_MATCH;
    const coerced = valueOf(given, fieldType, selection.selectionSet);
    if (coerced === NO_MATCH) return NO_MATCH;
    if (coerced !== given) (changed ??= {})[name] = coerced;
  }
  return changed ? { ...value, ...changed } : value;
}

function valueOf(given: unknown, type: GraphQLOutputType, selections: SelectionSetNode | undefined): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(given)) return NO_MATCH;
    const items = given.map((item) => (item == null ? item : valueOf(item, nullable.ofType, selections)));
    return items.includes(NO_MATCH) ? NO_MATCH : items;
  }
  if (isLeafType(nullable)) {
    try {
      const parsed = nullable.parseValue(given);
      return parsed === undefined || parsed === null ? NO_MATCH : parsed;
    } catch {
      return NO_MATCH;
    }
  }
  if (!selections || !(isObjectType(nullable) || isInterfaceType(nullable))) return NO_MATCH;
  if (typeof given !== "object" || Array.isArray(given)) return NO_MATCH;
  return keyValues(given as Representation, nullable, selections);
}

/** The `@external` fields a representation carries, each coerced to its type; one that does not fit is BAD_USER_INPUT. */
function externalValues(record: Representation, type: Entity, external: string[], field: string): Representation {
  let changed: Representation | undefined;
  for (const name of external) {
    const given = record[name];
    if (given == null) continue;
    const fieldType = type.getFields()[name].type;
    const coerced = valueOf(given, fieldType, undefined);
    if (coerced === NO_MATCH) throw badInput(`${field}.${name}`, `"${field}.${name}" must be a ${String(getNullableType(fieldType))}.`);
    if (coerced !== given) (changed ??= {})[name] = coerced;
  }
  return changed ? { ...record, ...changed } : record;
}

/** `id: ID` or `council { id: ID }`: a key as a client would have to send it. */
function describe(type: Entity, key: SelectionSetNode): string {
  return key.selections
    .map((selection) => {
      if (selection.kind !== Kind.FIELD) return "";
      const fieldType = type.getFields()[selection.name.value]?.type;
      const named = fieldType && getNamedType(fieldType);
      if (selection.selectionSet && named && (isObjectType(named) || isInterfaceType(named))) {
        return `${selection.name.value} { ${describe(named, selection.selectionSet)} }`;
      }
      return `${selection.name.value}: ${fieldType ? String(fieldType).replace(/!$/, "") : "?"}`;
    })
    .join(", ");
}

/** Entity type name → the selection sets of its resolvable `@key`s, read from the subgraph's SDL. */
function resolvableKeys(schema: GraphQLSchema): Entities {
  const entities: Entities = new Map();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const directives = [type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []);
    const keys = directives.filter(isResolvableKey).map(keyFields);
    const external = Object.values(type.getFields())
      .filter((f) => f.astNode?.directives?.some((d) => d.name.value === "external" || d.name.value === "federation__external"))
      .filter((f) => isLeafType(getNamedType(f.type)))
      .map((f) => f.name);
    if (keys.length) entities.set(type.name, { type, keys, external });
  }
  return entities;
}

function isResolvableKey(directive: ConstDirectiveNode): boolean {
  if (directive.name.value !== "key" && directive.name.value !== "federation__key") return false;
  const resolvable = directive.arguments?.find((arg) => arg.name.value === "resolvable")?.value;
  return !(resolvable?.kind === Kind.BOOLEAN && !resolvable.value);
}

function keyFields(directive: ConstDirectiveNode): SelectionSetNode {
  const fields = directive.arguments?.find((arg) => arg.name.value === "fields")?.value;
  const text = fields?.kind === Kind.STRING ? fields.value : "";
  return (parse(`{ ${text} }`).definitions[0] as OperationDefinitionNode).selectionSet;
}
