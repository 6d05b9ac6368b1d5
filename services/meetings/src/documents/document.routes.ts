import {
  AppError,
  EdgeRejection,
  ErrorCode,
  decodeGlobalId,
  globalId,
  noneMatch,
  readBody,
  readInt,
  sendRejection,
  tryParseId,
  type RequestContext,
  type SubgraphRoute,
} from "@contagem/schema";
import type { ServerResponse } from "node:http";
import { minutesVersionById } from "../loaders";
import { writesMeetings } from "../meetings/meeting.policy";
import type { DocumentEntity } from "./document.entity";
import { postgresDocumentStorage, type DocumentStorage } from "./document.storage";
import { storeContent } from "./document.upload";
import { visibleDocumentById } from "./document.visibility";

export const DOCUMENTS_PATH = "/documents";
/** The upload limit unless DOCUMENT_MAX_BYTES says otherwise: 20 MiB, a long signed ata scanned with its annexes. */
export const DEFAULT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
};

/** The public path of a document: its global id and its file name. */
export const documentPath = (document: Pick<DocumentEntity, "id" | "filename">) =>
  `${DOCUMENTS_PATH}/${encodeURIComponent(globalId("Document", document.id))}/${encodeURIComponent(document.filename)}`;

/** DOCUMENT_MAX_BYTES: 1 KiB to 1 GiB (checked at start, see definition.ts). */
export const documentMaxBytes = (settings: Record<string, string>) =>
  readInt(settings, "DOCUMENT_MAX_BYTES", DEFAULT_DOCUMENT_MAX_BYTES, 1024, 1024 * 1024 * 1024);

/** Inline for a PDF (browsers show it), a download for office files; the name is URL-safe ASCII (attachDocument). */
const disposition = (document: DocumentEntity) =>
  `${document.mediaType === "application/pdf" ? "inline" : "attachment"}; filename="${document.filename}"`;

async function upload(ctx: RequestContext, storage: DocumentStorage, req: Parameters<SubgraphRoute>[0], res: ServerResponse) {
  if (!ctx.viewer) throw new AppError(ErrorCode.UNAUTHENTICATED, "Uploads need a bearer token.");
  if (!writesMeetings(ctx.viewer)) throw new AppError(ErrorCode.FORBIDDEN, "Only ADMIN or a council's SECRETARY uploads documents.");
  const bytes = await readBody(req, documentMaxBytes(ctx.settings));
  if (!bytes.length) throw new AppError(ErrorCode.BAD_USER_INPUT, "The request body is empty: send the file's bytes.");
  const stored = await storeContent(ctx.em.fork(), storage, bytes);
  ctx.log.info({ actor: ctx.viewer.sub, sha256: stored.sha256, byteSize: stored.byteSize, created: stored.created }, "document content uploaded");
  const { created, ...answer } = stored;
  res.statusCode = created ? 201 : 200;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify(answer));
}

async function download(ctx: RequestContext, storage: DocumentStorage, req: Parameters<SubgraphRoute>[0], res: ServerResponse, rest: string) {
  const [encodedId, encodedName, extra] = rest.split("/");
  const id = extra === undefined && encodedId ? idOf(decodeURIComponent(encodedId)) : null;
  const document = id === null ? null : await visibleDocumentById(ctx, id);
  if (!document || decodeURIComponent(encodedName ?? "") !== document.filename) {
    throw new AppError(ErrorCode.NOT_FOUND, "No such document.");
  }
  // A draft's document is its council's readers' only: never kept by a shared cache. Anything else never changes.
  const draft = document.minutesVersion ? !(await ctx.loaders.get(minutesVersionById).load(document.minutesVersion.id))?.published : false;
  const etag = `"${document.sha256}"`;
  res.setHeader("etag", etag);
  res.setHeader("cache-control", draft ? "private, no-store" : "public, max-age=31536000, immutable");
  res.setHeader("x-content-type-options", "nosniff");
  // Served from the API's origin: a file is never a page that runs scripts there.
  res.setHeader("content-security-policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  if (noneMatch(req, etag)) {
    res.statusCode = 304;
    return void res.end();
  }
  const bytes = await storage.get(ctx.em, document.sha256);
  if (!bytes) throw new Error(`document ${document.id}: content ${document.sha256} missing from the storage`);
  res.statusCode = 200;
  res.setHeader("content-type", document.mediaType);
  res.setHeader("content-length", bytes.length);
  res.setHeader("content-disposition", disposition(document));
  res.end(req.method === "HEAD" ? undefined : bytes);
}

/** A document's id in a URL: its global id, or (while plain ids are accepted) the database id. */
function idOf(value: string): number | null {
  const decoded = decodeGlobalId(value);
  if (decoded) return decoded.type === "Document" ? Number(decoded.id) : null;
  return tryParseId(value);
}

/**
 * The documents' HTTP resources, which the gateway forwards as they are: `POST /documents` takes a file's bytes
 * (a council's SECRETARY or ADMIN) and answers its SHA-256; `GET /documents/{id}/{filename}` serves a visible
 * document's bytes with its hash as ETag. Refusals carry our error shape (`errors[].extensions.code`).
 */
export function documentRoutes(storage: DocumentStorage = postgresDocumentStorage): SubgraphRoute<RequestContext> {
  return async (req, res, path, requestId, context) => {
    if (path !== DOCUMENTS_PATH && !path.startsWith(`${DOCUMENTS_PATH}/`)) return false;
    const rest = path.slice(DOCUMENTS_PATH.length + 1);
    const uploading = path === DOCUMENTS_PATH || path === `${DOCUMENTS_PATH}/`;
    try {
      if (uploading ? req.method !== "POST" : req.method !== "GET" && req.method !== "HEAD") {
        const allow = uploading ? "POST" : "GET, HEAD";
        throw new EdgeRejection(405, ErrorCode.BAD_REQUEST, `${req.method} is not allowed here: use ${allow}.`, { allow });
      }
      const ctx = await context();
      await (uploading ? upload(ctx, storage, req, res) : download(ctx, storage, req, res, rest));
    } catch (error) {
      if (error instanceof EdgeRejection) sendRejection(req, res, error, requestId);
      else if (error instanceof AppError && STATUS[error.extensions.code as string]) {
        sendRejection(req, res, new EdgeRejection(STATUS[error.extensions.code as string]!, error.extensions.code as ErrorCode, error.message), requestId);
      } else throw error;
    }
    return true;
  };
}
