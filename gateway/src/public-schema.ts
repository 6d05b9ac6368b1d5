import { filterInternalFieldsAndTypes, getStitchedSchemaFromSupergraphSdl } from "@graphql-tools/federation";
import { extendSchema, parse, printSchema, type GraphQLSchema } from "graphql";
import { rateLimitTypeDefs } from "./rate-limit-field";

/**
 * The client-facing schema of a supergraph: what clients can query, without federation's join and link machinery
 * (`join__*`, `link__*`, `_entities`, `_service`). It is built by the library the gateway runtime serves the
 * supergraph with, so it is exactly what the gateway's introspection answers (a test holds them equal); it is published
 * at /schema.graphql and committed as schema/public.graphql, the contract the breaking-change check guards. It keeps
 * the definitions of the security directives @authenticated and @requiresScopes, which the gateway declares (the
 * subgraphs enforce them), and the fields the gateway answers itself (`Query.rateLimit`), which composition never sees.
 */
export function publicSchema(supergraph: string): GraphQLSchema {
  return extendSchema(filterInternalFieldsAndTypes(getStitchedSchemaFromSupergraphSdl({ supergraphSdl: supergraph })), parse(rateLimitTypeDefs));
}

/** The client-facing SDL, as published. */
export function publicSdl(supergraph: string): string {
  return `${printSchema(publicSchema(supergraph))}\n`;
}
