import { foldText } from "@contagem/schema";
import { sha256Bytes } from "./document.hash";
import type { EntityManager } from "@mikro-orm/postgresql";
import { extractPdfText, mediaTypeOf } from "./document.content";
import type { DocumentStorage } from "./document.storage";

/** What an upload answers: the content's hash (to attach it with attachDocument), type and size. */
export interface UploadedContent {
  sha256: string;
  mediaType: string;
  byteSize: number;
  /** Whether text was found in it (a PDF with a text layer): only then does search reach it. */
  searchable: boolean;
}

/**
 * Stores an uploaded content once: type checked by its bytes (BAD_USER_INPUT otherwise), text extracted from a PDF
 * (bounded), bytes put in the storage and the content's facts and search vector written, in one transaction. The
 * same bytes uploaded again are answered from what is stored, without a second extraction.
 */
export async function storeContent(em: EntityManager, storage: DocumentStorage, bytes: Buffer): Promise<UploadedContent & { created: boolean }> {
  const mediaType = await mediaTypeOf(bytes);
  const sha256 = sha256Bytes(bytes);
  const schema = em.config.get("schema");
  const known = async () => {
    const [row] = await em.execute<{ media_type: string; byte_size: number; text: string | null }[]>(
      `select media_type, byte_size, text from "${schema}".document_content where sha256 = ?`,
      [sha256],
    );
    return row && { sha256, mediaType: row.media_type, byteSize: Number(row.byte_size), searchable: row.text != null };
  };
  const existing = await known();
  if (existing) return { ...existing, created: false };
  // Outside any transaction: reading a PDF takes time, and no connection should be held meanwhile.
  const text = mediaType === "application/pdf" ? await extractPdfText(bytes) : null;
  const document = text ? foldText(text) : null;
  await em.transactional(async (tx) => {
    const t = tx as EntityManager;
    await storage.put(t, sha256, bytes);
    await t.execute(
      `insert into "${schema}".document_content (sha256, media_type, byte_size, text, search_document, search_vector)
       values (?, ?, ?, ?, ?, to_tsvector('portuguese', coalesce(?, ''))) on conflict (sha256) do nothing`,
      [sha256, mediaType, bytes.length, text, document, document],
    );
  });
  return { sha256, mediaType, byteSize: bytes.length, searchable: text != null, created: true };
}
