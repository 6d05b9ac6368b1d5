import { EdgeRejection, ErrorCode, refusedUnlessRead, noneMatch, OPEN_DATA_SNAPSHOT, OPEN_DATA_ZIP, parseChecksums, sendRejection } from "@contagem/common";
import { createHash } from "node:crypto";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { basename, join } from "node:path";
import send from "send";

/** Where the gateway serves the open-data package: `/open-data/` (index), `/open-data/latest/…`, `/open-data/<date>/…`. */
export const OPEN_DATA_PATH = "/open-data";

const SNAPSHOT = OPEN_DATA_SNAPSHOT;
const FILE = /^[a-z0-9_]{1,64}\.csv$|^datapackage\.json$|^README\.md$|^SHA256SUMS$|^[a-z0-9-]{1,64}\.zip$/;

const CONTENT_TYPES: Record<string, string> = {
  ".csv": "text/csv; charset=utf-8; header=present",
  ".json": "application/json; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".zip": "application/zip",
  "": "text/plain; charset=utf-8",
};

/** How long `latest` and today's snapshot may be kept before revalidating (a new export replaces them). */
const FRESH_SECONDS = 300;

/**
 * Serves the snapshots `npm run export` (and the stack's daily export) write under `dir`. Only files a snapshot's
 * SHA256SUMS lists are served, each with its SHA-256 as a strong ETag. Only the newest snapshot can still be
 * replaced (a second export the same day): older ones are cached for a year (immutable), the newest and `latest` for
 * 5 minutes. Streams from disk (`send`: HEAD, ranges, 304s).
 */
export function createOpenDataRoutes(dir: string | undefined) {
  const sums = new Map<string, Map<string, string>>();

  /**
   * The snapshot's SHA256SUMS, parsed once per version of the file: a second export the same day replaces the
   * directory, so the cache is keyed by the file's inode and change time, not by its path.
   */
  const checksums = async (snapshot: string): Promise<Map<string, string> | null> => {
    const path = join(dir!, snapshot, "SHA256SUMS");
    const info = await stat(path).catch(() => null);
    if (!info) return null;
    const key = `${info.dev}:${info.ino}:${info.ctimeMs}`;
    const cached = sums.get(key);
    if (cached) return cached;
    const text = await readFile(path, "utf8").catch(() => null);
    if (text === null) return null;
    const map = parseChecksums(text);
    // SHA256SUMS lists every file but itself: its own digest, for its ETag.
    map.set("SHA256SUMS", createHash("sha256").update(text).digest("hex"));
    if (sums.size > 100) sums.clear();
    sums.set(key, map);
    return map;
  };

  const newest = async (): Promise<string | null> => {
    const name = dir ? await realpath(join(dir, "latest")).then(basename, () => null) : null;
    return name && SNAPSHOT.test(name) ? name : null;
  };

  const index = async () => {
    const names = dir ? (await readdir(dir).catch(() => [] as string[])).filter((name) => SNAPSHOT.test(name)).sort().reverse() : [];
    const latest = await newest();
    return {
      latest,
      descriptor: latest ? `${OPEN_DATA_PATH}/latest/datapackage.json` : null,
      snapshots: names.map((version) => ({
        version,
        descriptor: `${OPEN_DATA_PATH}/${version}/datapackage.json`,
        readme: `${OPEN_DATA_PATH}/${version}/README.md`,
        zip: `${OPEN_DATA_PATH}/${version}/${OPEN_DATA_ZIP}`,
      })),
    };
  };

  return async (req: IncomingMessage, res: ServerResponse, path: string, requestId: string): Promise<boolean> => {
    if (path !== OPEN_DATA_PATH && !path.startsWith(`${OPEN_DATA_PATH}/`)) return false;
    const notFound = (message: string) => sendRejection(req, res, new EdgeRejection(404, ErrorCode.NOT_FOUND, message), requestId);
    const malformed = () =>
      sendRejection(req, res, new EdgeRejection(404, ErrorCode.BAD_REQUEST, `Not found: snapshots are ${OPEN_DATA_PATH}/latest/ and ${OPEN_DATA_PATH}/YYYY-MM-DD/.`), requestId);
    if (refusedUnlessRead(req, res, requestId)) return true;
    if (path === OPEN_DATA_PATH || path === `${OPEN_DATA_PATH}/`) {
      const body = JSON.stringify(await index());
      res.statusCode = 200;
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.setHeader("cache-control", `public, max-age=${FRESH_SECONDS}, must-revalidate`);
      res.end(req.method === "HEAD" ? undefined : body);
      return true;
    }
    const [snapshot, file, ...rest] = path.slice(OPEN_DATA_PATH.length + 1).split("/");
    if ((snapshot !== "latest" && !SNAPSHOT.test(snapshot)) || rest.length) return void malformed(), true;
    if (file === undefined) {
      // The descriptor's paths are relative to the snapshot's directory: a client must be in it.
      res.statusCode = 301;
      res.setHeader("location", `${OPEN_DATA_PATH}/${snapshot}/`);
      res.end();
      return true;
    }
    if (!dir) return void notFound("This gateway serves no open data (OPEN_DATA_DIR is not set)."), true;
    const files = await checksums(snapshot);
    if (!files) return void notFound(`No open-data snapshot ${snapshot} (see ${OPEN_DATA_PATH}/).`), true;
    const name = file || "datapackage.json";
    const sha256 = FILE.test(name) ? files.get(name) : undefined;
    if (!sha256) return void notFound(`No file ${name} in snapshot ${snapshot} (see its datapackage.json).`), true;
    const latest = await newest();
    const immutable = snapshot !== "latest" && latest !== null && snapshot < latest;
    res.setHeader("content-type", CONTENT_TYPES[name.includes(".") ? name.slice(name.lastIndexOf(".")) : ""]);
    res.setHeader("cache-control", immutable ? "public, max-age=31536000, immutable" : `public, max-age=${FRESH_SECONDS}, must-revalidate`);
    const etag = `"sha256-${sha256}"`;
    res.setHeader("etag", etag);
    if (noneMatch(req, etag)) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    // No Last-Modified is sent, so If-Unmodified-Since is ignored (RFC 9110 §13.1.4); `send` would answer 412.
    delete req.headers["if-unmodified-since"];
    await new Promise<void>((resolve) => {
      send(req, join(snapshot, name), { root: dir, etag: false, lastModified: false, dotfiles: "deny", index: false })
        .on("error", (error: { status?: number }) => {
          if (error.status === 404) notFound(`No file ${name} in snapshot ${snapshot}.`);
          else if (error.status === 416) sendRejection(req, res, new EdgeRejection(416, ErrorCode.BAD_REQUEST, "The range asked for is not in the file."), requestId);
          else sendRejection(req, res, new EdgeRejection(error.status ?? 500, error.status && error.status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR, "The file could not be read."), requestId);
          resolve();
        })
        .on("end", resolve)
        .pipe(res);
      res.once("close", resolve);
    });
    return true;
  };
}
