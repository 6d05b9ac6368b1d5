import {
  defaultFieldResolver,
  getArgumentValues,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { badInput } from "@contagem/common";
import { NullNormalisers } from "./input-nulls";
import { InputViolation, StringChecks, type ValueCheck } from "./input-strings";

type Field = GraphQLField<unknown, unknown>;
type ArgumentChecks = [name: string, check: ValueCheck][];

/**
 * Every argument of every field, checked once at the subgraph's boundary, whoever calls it (the gateway, a peer
 * subgraph, a client reaching the subgraph directly):
 * - strings (NUL, lone surrogates, over-long values) anywhere in the arguments of a root field's whole selection,
 *   before that root field's resolver runs — so nothing below it runs either, and one bad argument of a nested
 *   field is one error, not one per item of a list;
 * - an explicit null of a nullable argument (or of a nullable input-object field) made absent, on each field that
 *   can receive one, before type-graphql turns the arguments into input classes.
 * Fields whose arguments need neither (e.g. `excerpt(length: Int! = 280)`) keep their resolver untouched.
 */
export function guardArguments(schema: GraphQLSchema, limits: ReadonlyMap<string, number> = new Map()): void {
  const strings = new StringChecks(limits);
  const nulls = new NullNormalisers(schema);
  const checks = new Map<Field, ArgumentChecks>();
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(isObjectType(type) || isInterfaceType(type)) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      checks.set(field, field.args.flatMap((arg) => {
        const check = strings.of(arg.type, limits.get(`${type.name}.${field.name}(${arg.name}:)`));
        return check ? [[arg.name, check] as [string, ValueCheck]] : [];
      }));
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const root = roots.has(type);
    for (const field of Object.values(type.getFields())) {
      const normalise = nulls.forArguments(field.args);
      if (!root && !normalise) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const own = checks.get(field)!;
      field.resolve = root
        ? (source, args, context, info) => {
            checkArguments(own, args, undefined);
            checkSelections(info, checks);
            normalise?.(args);
            return resolve(source, args, context, info);
          }
        : (source, args, context, info) => {
            normalise!(args);
            return resolve(source, args, context, info);
          };
    }
  }
}

function checkArguments(checks: ArgumentChecks, values: Record<string, unknown>, coordinate: string | undefined): void {
  for (const [name, check] of checks) {
    const value = values[name];
    if (value == null) continue;
    try {
      check(value, [name]);
    } catch (error) {
      if (!(error instanceof InputViolation)) throw error;
      // Below the root, say which field the argument belongs to: the error's `path` is the root field's.
      throw badInput(error.field, coordinate ? `${error.message.replace(/\.$/, "")} (argument of ${coordinate}).` : error.message);
    }
  }
}

/**
 * The arguments written anywhere under the root field (literals and variables; fragments walked once each). A
 * field the operation skips (`@skip`, `@include`) is checked too: its argument is in the request all the same.
 */
function checkSelections(info: GraphQLResolveInfo, checks: Map<Field, ArgumentChecks>): void {
  const seen = new Set<string>();
  const walk = (type: GraphQLNamedType | undefined, selectionSet: SelectionSetNode | undefined): void => {
    if (!type || !selectionSet) return;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
        if (!field) continue;
        if (selection.arguments?.length) checkField(type, field, selection);
        walk(getNamedType(field.type), selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.typeCondition ? info.schema.getType(selection.typeCondition.name.value) : type, selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        walk(fragment && info.schema.getType(fragment.typeCondition.name.value), fragment?.selectionSet);
      }
    }
  };
  const checkField = (type: GraphQLNamedType, field: Field, node: FieldNode) => {
    const own = checks.get(field);
    if (!own?.length) return;
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(field, node, info.variableValues);
    } catch {
      return; // not coercible: execution reports it on the field itself
    }
    checkArguments(own, values, `${type.name}.${field.name}`);
  };
  for (const node of info.fieldNodes) walk(info.returnType && getNamedType(info.returnType), node.selectionSet);
}
