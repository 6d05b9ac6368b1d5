import { filterInternalFieldsAndTypes, getStitchedSchemaFromSupergraphSdl } from "@graphql-tools/federation";
import { printSchema, type GraphQLSchema } from "graphql";

/**
 * The client-facing schema of a supergraph: what clients can query, without federation's join and link machinery
 * (`join__*`, `link__*`, `_entities`, `_service`). It is built by the library the gateway runtime serves the
 * supergraph with, so it is exactly what the gateway's introspection answers (a test holds them equal); it is published
 * at /schema.graphql and committed as schema/public.graphql, the contract the breaking-change check guards. It keeps
 * the definitions of the security directives @authenticated and @requiresScopes, which the gateway declares (the
 * subgraphs enforce them).
 */
export function publicSchema(supergraph: string): GraphQLSchema {
  return filterInternalFieldsAndTypes(getStitchedSchemaFromSupergraphSdl({ supergraphSdl: supergraph }));
}

/** The client-facing SDL, as published. */
export function publicSdl(supergraph: string): string {
  return `${printSchema(publicSchema(supergraph))}\n`;
}
