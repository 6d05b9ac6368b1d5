import type { UnifiedGraphHandler } from "@graphql-mesh/fusion-runtime";
import {
  execute,
  extendSchema,
  getOperationAST,
  Kind,
  parse,
  type DefinitionNode,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";
import { rateLimitTypeDefs } from "./rate-limit-field";

type Executor = NonNullable<Awaited<ReturnType<UnifiedGraphHandler>>["executor"]>;

/**
 * Fields the gateway answers itself (`Query.rateLimit`: the budget lives here), added to the client-facing schema
 * around whichever query planner serves the supergraph. The runtime's `additionalTypeDefs` are honoured only by its
 * JavaScript planner (the Rust planner plans the whole document against the supergraph and knows nothing else), so the
 * gateway's fields are split off the document for it: the planner gets the rest, graphql-js answers them over the
 * extended schema, and the two results are joined. Composition never sees them.
 */
export function withGatewayFields(handler: UnifiedGraphHandler, resolveRateLimit: GraphQLFieldResolver<unknown, unknown>): UnifiedGraphHandler {
  return async (opts) => {
    const additionalResolvers = [...(opts.additionalResolvers ? [opts.additionalResolvers].flat() : []), { Query: { rateLimit: resolveRateLimit } }];
    const additionalTypeDefs = [...(opts.additionalTypeDefs ? [opts.additionalTypeDefs].flat() : []), rateLimitTypeDefs];
    const inner = await handler({ ...opts, additionalTypeDefs, additionalResolvers });
    // The JavaScript planner stitches them into the schema it executes: nothing more to do.
    if (inner.unifiedGraph.getQueryType()?.getFields().rateLimit) return inner;
    const unifiedGraph = extendSchema(inner.unifiedGraph, parse(rateLimitTypeDefs));
    unifiedGraph.getQueryType()!.getFields().rateLimit.resolve = resolveRateLimit;
    const executor = inner.executor;
    if (!executor) throw new Error("The query planner neither added the gateway's fields nor gave an executor.");
    const withFields = async (request: Parameters<Executor>[0]) => {
      const operation = getOperationAST(request.document, request.operationName);
      if (!operation || operation.operation !== "query") return executor(request);
      const local = (document: DocumentNode) =>
        execute({ schema: unifiedGraph, document, variableValues: request.variables, operationName: request.operationName, contextValue: request.context, rootValue: {} }) as Promise<ExecutionResult>;
      // Introspection is answered over the extended schema (the planner's own answer would not know these fields).
      if (operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith("__"))) return local(request.document);
      const own = keepRoot(request.document, operation, (name) => name === "rateLimit");
      if (!own) return executor(request);
      const rest = keepRoot(request.document, operation, (name) => name !== "rateLimit");
      const [ours, theirs] = await Promise.all([local(own), rest ? executor({ ...request, document: rest }) : Promise.resolve({ data: {} })]);
      if (Symbol.asyncIterator in (theirs as object)) return theirs;
      const planned = theirs as ExecutionResult;
      const errors = [...(planned.errors ?? []), ...(ours.errors ?? [])];
      const data = planned.data === null ? null : { ...(ours.data ?? {}), ...(planned.data ?? {}) };
      return { ...planned, data, ...(errors.length ? { errors } : {}) };
    };
    return { ...inner, unifiedGraph, executor: withFields as unknown as Executor };
  };
}

/**
 * The document with only the root fields `keep` accepts (in the operation and in fragments on the root type), or
 * null when none is left.
 */
function keepRoot(document: DocumentNode, operation: OperationDefinitionNode, keep: (name: string) => boolean): DocumentNode | null {
  const rootType = "Query";
  const filter = (set: SelectionSetNode): SelectionSetNode => ({
    ...set,
    selections: set.selections.flatMap((selection): SelectionNode[] => {
      if (selection.kind === Kind.FIELD) return selection.name.value.startsWith("__") || keep(selection.name.value) ? [selection] : [];
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = filter(selection.selectionSet);
        return inner.selections.length ? [{ ...selection, selectionSet: inner }] : [];
      }
      return [selection];
    }),
  });
  const kept = filter(operation.selectionSet);
  const meaningful = (set: SelectionSetNode): boolean =>
    set.selections.some((s) => (s.kind === Kind.FIELD ? !s.name.value.startsWith("__") : s.kind === Kind.INLINE_FRAGMENT ? meaningful(s.selectionSet) : true));
  const definitions: DefinitionNode[] = document.definitions.map((definition) => {
    if (definition === operation) return { ...operation, selectionSet: kept };
    if (definition.kind === Kind.FRAGMENT_DEFINITION && definition.typeCondition.name.value === rootType) {
      const selectionSet = filter(definition.selectionSet);
      // A fragment left empty is not valid GraphQL: keep its __typename.
      return { ...definition, selectionSet: selectionSet.selections.length ? selectionSet : { ...selectionSet, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } }] } };
    }
    return definition;
  });
  return meaningful(kept) ? { ...document, definitions } : null;
}
