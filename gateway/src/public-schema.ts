import { Supergraph } from "@apollo/federation-internals";
import { printSchema, type GraphQLSchema } from "graphql";

/**
 * The client-facing schema of a supergraph: what clients can query, without federation's join and link machinery
 * (Apollo's API schema). It is what the gateway's introspection answers, published at /schema.graphql and committed
 * as schema/public.graphql, the contract the breaking-change check guards.
 */
export function publicSchema(supergraph: string): GraphQLSchema {
  // The security features (@authenticated, @requiresScopes) are enforced by the subgraphs, not by this reading.
  return Supergraph.build(supergraph, { supportedFeatures: null }).apiSchema().toGraphQLJSSchema();
}

/** The client-facing SDL, as published. */
export function publicSdl(supergraph: string): string {
  return `${printSchema(publicSchema(supergraph))}\n`;
}
