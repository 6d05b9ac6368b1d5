import {
  getNamedType,
  getNullableType,
  getOperationAST,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { AppError, ErrorCode } from "./errors";
import { DEFAULT_PAGE } from "./limits";

/**
 * What an operation can make a server fetch, counted before it runs (GitHub's node limit): each connection (a field
 * of a `…Connection` type taking `first`) returns up to `first` items (20 when absent) for each item above it, and a
 * list sized by a list argument (`nodes(ids:)`) as many items as the argument holds, so a query's nodes are the sum,
 * over its connections and such lists, of the product of the sizes along the way. At a subgraph,
 * `_entities` multiplies what is under it by the number of representations, and those are counted too. Linear in
 * the document: a fragment is measured once, however often it is spread.
 */
export interface OperationSize {
  nodes: number;
  representations: number;
}

type Variables = Record<string, unknown> | null | undefined;
const ZERO: OperationSize = { nodes: 0, representations: 0 };

export function measureOperation(schema: GraphQLSchema, document: DocumentNode, variables: Variables, operationName?: string | null): OperationSize {
  const operation = getOperationAST(document, operationName);
  if (!operation) return ZERO;
  const root = operation.operation === "query" ? schema.getQueryType() : operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return ZERO;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const measured = new Map<string, OperationSize>();
  const value = (node: ValueNode | undefined): unknown => (node?.kind === Kind.VARIABLE ? variableValue(operation, node.name.value, variables) : node);

  const fragment = (name: string): OperationSize => {
    const known = measured.get(name);
    if (known) return known;
    measured.set(name, ZERO); // a cycle (invalid anyway) counts nothing
    const definition = fragments.get(name);
    const size = definition ? selections(schema.getType(definition.typeCondition.name.value), definition.selectionSet) : ZERO;
    measured.set(name, size);
    return size;
  };

  const selections = (type: GraphQLNamedType | undefined, set: SelectionSetNode | undefined): OperationSize => {
    const total = { nodes: 0, representations: 0 };
    if (!type || !set) return total;
    for (const selection of set.selections) {
      const size =
        selection.kind === Kind.FIELD
          ? field(type, selection)
          : selection.kind === Kind.INLINE_FRAGMENT
            ? selections(selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type, selection.selectionSet)
            : fragment(selection.name.value);
      total.nodes += size.nodes;
      total.representations += size.representations;
    }
    return total;
  };

  const field = (parent: GraphQLNamedType, node: FieldNode): OperationSize => {
    const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
    if (!definition) return ZERO;
    const below = selections(getNamedType(definition.type), node.selectionSet);
    const argument = (name: string) => value(node.arguments?.find((a) => a.name.value === name)?.value);
    if (node.name.value === "_entities" && parent === schema.getQueryType()) {
      const count = listLength(argument("representations"));
      return { nodes: count * below.nodes, representations: count + below.representations };
    }
    // A list whose length a list argument sets (`nodes(ids:)`): each element weighs what is under it, and counts.
    const sizedBy = definition.args.find((a) => isListType(getNullableType(a.type)));
    if (sizedBy && isListType(getNullableType(definition.type))) {
      const count = listLength(argument(sizedBy.name));
      return { nodes: count * (1 + below.nodes), representations: below.representations };
    }
    if (!isConnection(definition)) return below;
    const page = pageOf(argument("first") ?? argument("last"));
    return { nodes: page * (1 + below.nodes), representations: below.representations };
  };

  return selections(root, operation.selectionSet);
}

const isConnection = (field: GraphQLField<unknown, unknown>) =>
  getNamedType(field.type).name.endsWith("Connection") && field.args.some((a) => a.name === "first" || a.name === "last");

/** A page's size: the number asked for, or the default page when it is absent (or not a page size at all). */
function pageOf(value: unknown): number {
  const n = value && typeof value === "object" && (value as ValueNode).kind === Kind.INT ? Number((value as { value: string }).value) : value;
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 1 ? n : DEFAULT_PAGE;
}

function listLength(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value && typeof value === "object" && (value as ValueNode).kind === Kind.LIST) return (value as { values: unknown[] }).values.length;
  return value == null ? 0 : 1;
}

function variableValue(operation: OperationDefinitionNode, name: string, variables: Variables): unknown {
  if (variables && Object.hasOwn(variables, name)) return variables[name];
  return operation.variableDefinitions?.find((d) => d.variable.name.value === name)?.defaultValue;
}

/** The QUERY_TOO_COMPLEX error of an operation beyond the node or representation limit, or null. */
export function operationTooLarge(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Variables,
  operationName: string | null | undefined,
  limits: { nodes: number; representations?: number },
  extensions: Record<string, unknown> = {},
): AppError | null {
  const { nodes, representations } = measureOperation(schema, document, variables, operationName);
  const figure = (n: number) => n.toLocaleString("en-US");
  if (limits.representations !== undefined && representations > limits.representations) {
    return new AppError(ErrorCode.QUERY_TOO_COMPLEX, `The operation has ${figure(representations)} entity representations; the limit is ${figure(limits.representations)}.`, extensions);
  }
  if (nodes > limits.nodes) {
    return new AppError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `The operation may return ${figure(nodes)} nodes (the product of the page sizes, \`first\` or \`last\`, along nested connections, 20 when absent); the limit is ${figure(limits.nodes)}.`,
      extensions,
    );
  }
  return null;
}

/** The node and representation limits at an Apollo subgraph, checked once the operation is known, before it runs. */
export function apolloNodeLimit(limits: { nodes: number; representations: number }) {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(context: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; request: { variables?: Variables } }) {
          const error = operationTooLarge(context.schema, context.document, context.request.variables, context.operationName, limits, { http: { status: 400 } });
          if (error) throw error;
        },
      };
    },
  };
}
