import { ErrorCode } from "@contagem/common";
import { useAPQ, type APQStore } from "@graphql-yoga/plugin-apq";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import type { Plugin } from "graphql-yoga";
import { LRUCache } from "lru-cache";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse } from "graphql";

/**
 * Persisted documents at the gateway: automatic persisted queries (Apollo's APQ protocol: `extensions.persistedQuery
 * {version: 1, sha256Hash}`, an unknown hash answered `PERSISTED_QUERY_NOT_FOUND` so that the client resends it with
 * the document) and trusted documents (a manifest of the city's own apps' operations, known by hash without
 * registration). Both by GraphQL Yoga's plugins; only the store and the manifest are ours.
 */

/** Characters of registered documents the APQ store may hold (two bytes each): hostile clients cannot grow it. */
export const APQ_STORE_MAX_CHARS = 8 * 1024 * 1024;

export interface PersistedDocumentsOptions {
  /** The trusted documents, by the SHA-256 (hex) of their text. */
  trusted?: ReadonlyMap<string, string>;
  /** Refuse every document that is not trusted (APQ registration included). */
  trustedOnly?: boolean;
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * Reads a manifest of trusted documents: GraphQL Code Generator's client preset `persisted-documents.json`
 * (`{"<sha256>": "<document>"}`, with `hashAlgorithm: "sha256"`) or Apollo's persisted query manifest
 * (`{"format": "apollo-persisted-query-manifest", "version": 1, "operations": [{"id", "body", …}]}`). Every id must
 * be the SHA-256 of its document (so that an APQ client's hash finds it); anything else fails the start.
 */
export function readTrustedDocuments(path: string): Map<string, string> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`TRUSTED_DOCUMENTS: cannot read ${path} as JSON (${(error as Error).message}).`);
  }
  return trustedDocumentsOf(manifest, path);
}

export function trustedDocumentsOf(manifest: unknown, source = "the manifest"): Map<string, string> {
  if (!manifest || typeof manifest !== "object" || Array.isArray(manifest)) throw new Error(`TRUSTED_DOCUMENTS: ${source} is not a JSON object.`);
  const record = manifest as Record<string, unknown>;
  const entries: [unknown, unknown][] =
    record.format === "apollo-persisted-query-manifest"
      ? (Array.isArray(record.operations) ? record.operations : []).map((op: { id?: unknown; body?: unknown }) => [op?.id, op?.body])
      : Object.entries(record);
  const documents = new Map<string, string>();
  for (const [id, body] of entries) {
    if (typeof id !== "string" || typeof body !== "string") throw new Error(`TRUSTED_DOCUMENTS: ${source} has an entry without a string id and document.`);
    const hash = sha256(body);
    if (id.toLowerCase() !== hash) throw new Error(`TRUSTED_DOCUMENTS: in ${source}, ${JSON.stringify(id)} is not the SHA-256 of its document (${hash}).`);
    documents.set(hash, body);
  }
  if (!documents.size) throw new Error(`TRUSTED_DOCUMENTS: ${source} lists no document.`);
  return documents;
}

const parses = (query: string): boolean => {
  try {
    parse(query);
    return true;
  } catch {
    return false;
  }
};

/** Registered documents bounded in characters (the document limit bounds each one), trusted ones always found. */
function apqStore(trusted: ReadonlyMap<string, string>): APQStore {
  const registered = new LRUCache<string, string>({ maxSize: APQ_STORE_MAX_CHARS, sizeCalculation: (query, hash) => query.length + hash.length });
  return {
    get: (hash) => trusted.get(hash) ?? registered.get(hash) ?? null,
    set: (hash, query) => {
      // A document that does not parse is answered GRAPHQL_PARSE_FAILED and never kept: junk cannot fill the store,
      // and its hash alone stays PERSISTED_QUERY_NOT_FOUND, as Apollo's clients expect.
      if (trusted.has(hash) || !parses(query)) return;
      registered.set(hash, query);
    },
  };
}

const badRequest = (message: string) => ({ message, extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } } });

/** The plugins, to run after the document length limit (a document too long is never registered). */
export function persistedDocumentPlugins(options: PersistedDocumentsOptions): Plugin[] {
  const trusted = options.trusted ?? new Map<string, string>();
  if (!options.trustedOnly) return [useAPQ({ store: apqStore(trusted) }) as Plugin];
  return [
    usePersistedOperations({
      getPersistedOperation: (hash) => trusted.get(hash) ?? null,
      allowArbitraryOperations: false,
      customErrors: {
        notFound: { message: "PersistedQueryNotFound", extensions: { code: ErrorCode.PERSISTED_QUERY_NOT_FOUND, trustedOnly: true } },
        keyNotFound: badRequest("Only trusted documents are accepted: send extensions.persistedQuery {version: 1, sha256Hash} of one."),
        persistedQueryOnly: badRequest("Only trusted documents are accepted here: send the document's hash, not its text."),
      },
    }) as Plugin,
  ];
}
