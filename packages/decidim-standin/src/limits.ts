/**
 * Decidim's query limits (decidim-api/lib/decidim/api.rb: schema_max_depth 15, schema_max_complexity 5000) computed as
 * graphql-ruby 2.0.21 does (lib/graphql/analysis/ast/query_depth.rb, query_complexity.rb and
 * Schema::Field#calculate_complexity): every field costs 1 plus its children; a connection field costs
 * 1 + pageInfo (1 + its subfields) + 1 per `edges`/`nodes` + `first` (or `last`, or 50) × the rest of its children —
 * `first` is not capped here, so `first: 500` costs ten times `first: 50`; on an abstract type the costliest possible
 * type counts. Errors carry graphql-ruby's messages.
 */
import {
  isAbstractType,
  isObjectType,
  getNamedType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

export const DECIDIM_MAX_DEPTH = 15;
export const DECIDIM_MAX_COMPLEXITY = 5000;
const DEFAULT_PAGE = 50;

/** graphql-ruby's AnalysisError messages for a document over Decidim's limits (empty when within them). */
export function decidimLimitErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
): string[] {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return [];
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const errors: string[] = [];
  const depth = depthOf(operation.selectionSet, fragments, new Set());
  if (depth > DECIDIM_MAX_DEPTH) errors.push(`Query has depth of ${depth}, which exceeds max depth of ${DECIDIM_MAX_DEPTH}`);
  const complexity = complexityOf(schema, operation.selectionSet, root, fragments, variables);
  if (complexity > DECIDIM_MAX_COMPLEXITY) {
    errors.push(`Query has complexity of ${complexity}, which exceeds max complexity of ${DECIDIM_MAX_COMPLEXITY}`);
  }
  return errors;
}

function depthOf(set: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  let max = 0;
  for (const sel of set?.selections ?? []) {
    if (sel.kind === Kind.FIELD) max = Math.max(max, 1 + depthOf(sel.selectionSet, fragments, seen));
    else if (sel.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depthOf(sel.selectionSet, fragments, seen));
    else if (!seen.has(sel.name.value)) {
      const fragment = fragments.get(sel.name.value);
      max = Math.max(max, depthOf(fragment?.selectionSet, fragments, new Set([...seen, sel.name.value])));
    }
  }
  return max;
}

/** The cost of a selection set on `type`: for an abstract type, the costliest of its possible types. */
function complexityOf(
  schema: GraphQLSchema,
  set: SelectionSetNode | undefined,
  type: GraphQLCompositeType,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  if (!set) return 0;
  const concrete: readonly GraphQLObjectType[] = isAbstractType(type) ? schema.getPossibleTypes(type) : [type as GraphQLObjectType];
  let max = 0;
  for (const t of concrete) max = Math.max(max, costOn(schema, set, t, fragments, variables));
  return max;
}

function applies(schema: GraphQLSchema, condition: string | undefined, t: GraphQLObjectType): boolean {
  if (!condition || condition === t.name) return true;
  const cond = schema.getType(condition);
  return !!cond && isAbstractType(cond) && schema.isSubType(cond, t);
}

function costOn(
  schema: GraphQLSchema,
  set: SelectionSetNode,
  t: GraphQLObjectType,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT) {
      if (applies(schema, sel.typeCondition?.name.value, t)) total += costOn(schema, sel.selectionSet, t, fragments, variables);
    } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(sel.name.value);
      if (fragment && applies(schema, fragment.typeCondition.name.value, t)) {
        total += costOn(schema, fragment.selectionSet, t, fragments, variables);
      }
    } else if (sel.name.value === "__typename") {
      total += 1;
    } else {
      const field = t.getFields()[sel.name.value];
      if (!field) continue;
      const named = getNamedType(field.type);
      const children =
        sel.selectionSet && (isObjectType(named) || isAbstractType(named))
          ? complexityOf(schema, sel.selectionSet, named as GraphQLCompositeType, fragments, variables)
          : 0;
      if (!named.name.endsWith("Connection") || !sel.selectionSet) {
        total += 1 + children;
        continue;
      }
      const arg = (name: string): number | null => {
        const node = sel.arguments?.find((a) => a.name.value === name);
        const def = field.args.find((a) => a.name === name);
        const value = node && def ? valueFromAST(node.value, def.type, variables) : null;
        return typeof value === "number" ? value : null;
      };
      const first = arg("first");
      const last = arg("last");
      const page = Math.max(first ?? 0, last ?? 0) || (first === null && last === null ? DEFAULT_PAGE : 0);
      let metadata = 0;
      let nodesEdges = 0;
      for (const child of sel.selectionSet.selections) {
        if (child.kind !== Kind.FIELD) continue;
        if (child.name.value === "pageInfo") metadata += 1 + (child.selectionSet?.selections.length ?? 0);
        if (child.name.value === "edges" || child.name.value === "nodes") nodesEdges += 1;
      }
      total += 1 + page * (children - metadata - nodesEdges) + metadata + nodesEdges;
    }
  }
  return total;
}
