import type { EntityManager } from "@mikro-orm/postgresql";

/** What a store knows of a content it holds. */
export interface StoredBlob {
  sha256: string;
  byteSize: number;
}

/**
 * Where documents' bytes live, addressed by their SHA-256 (hex): a content is stored once however often it is
 * uploaded, and never changes. PostgreSQL (bytea) here; an S3-compatible bucket for scale (README, "Documents").
 * `em` is the caller's: inside a transaction, the bytes commit or roll back with the rows that name them.
 */
export interface DocumentStorage {
  /** Stores the bytes under their hash; storing the same bytes again is a no-op. */
  put(em: EntityManager, sha256: string, bytes: Buffer): Promise<StoredBlob>;
  /** The bytes, or null when nothing is stored under that hash. */
  get(em: EntityManager, sha256: string): Promise<Buffer | null>;
  /** Size without the bytes, or null. */
  stat(em: EntityManager, sha256: string): Promise<StoredBlob | null>;
}

const table = (em: EntityManager) => `"${em.config.get("schema")}".document_blob`;

/** The default store: a bytea column in the subgraph's own schema, deduplicated by the primary key. */
export const postgresDocumentStorage: DocumentStorage = {
  async put(em, sha256, bytes) {
    await em.execute(
      `insert into ${table(em)} (sha256, byte_size, content) values (?, ?, ?) on conflict (sha256) do nothing`,
      [sha256, bytes.length, bytes],
    );
    return { sha256, byteSize: bytes.length };
  },
  async get(em, sha256) {
    const [row] = await em.execute<{ content: Buffer }[]>(`select content from ${table(em)} where sha256 = ?`, [sha256]);
    return row ? Buffer.from(row.content) : null;
  },
  async stat(em, sha256) {
    const [row] = await em.execute<{ byte_size: number }[]>(`select byte_size from ${table(em)} where sha256 = ?`, [sha256]);
    return row ? { sha256, byteSize: Number(row.byte_size) } : null;
  },
};
