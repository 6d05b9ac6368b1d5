import { createHash } from "node:crypto";

/** SHA-256 (hex) of bytes: a document's name in the storage, its ETag and the hash the graph publishes. */
export const sha256Bytes = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");
