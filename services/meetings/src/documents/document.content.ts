import { badInput } from "@contagem/schema";

/**
 * The formats a council's documents come in, recognised by their bytes (magic numbers), never by name or declared
 * type: PDF (the signed minutes, notices; PDF/A is the archival standard), the OpenDocument formats (open standards,
 * ISO/IEC 26300, which LAI art. 8 §3 asks for) and the Office Open XML ones (ISO/IEC 29500, what the city's offices
 * write). No executable, script, HTML or legacy binary Office format (macros) is ever served from our origin.
 */
export const ACCEPTED_TYPES: Readonly<Record<string, string>> = {
  "application/pdf": "pdf",
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.presentation": "odp",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
};

/** The media type the bytes are, by file-type's reading of their signature; BAD_USER_INPUT for anything not accepted. */
export async function mediaTypeOf(bytes: Buffer): Promise<string> {
  // file-type is an ES module: loaded on first use (our build emits CommonJS and keeps dynamic imports as they are).
  const { fileTypeFromBuffer } = await import("file-type");
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !Object.hasOwn(ACCEPTED_TYPES, detected.mime)) {
    const what = detected ? `${detected.mime} content` : "content of no recognised format";
    throw badInput("file", `Refused: the file is ${what}. Accepted, by content: PDF, ODT, ODS, ODP, DOCX, XLSX, PPTX.`);
  }
  return detected.mime;
}

/** Bounds on reading a PDF's text: a PDF is hostile input (a page bomb, a parser stall, megabytes of text). */
export const TEXT_LIMITS = { maxPages: 300, maxMillis: 15_000, maxChars: 2_000_000, maxHeapMb: 256 };

/**
 * The worker's program (plain JavaScript, so that it runs the same from the build and from the tests' sources): reads
 * the text page by page with unpdf, up to the page and length bounds, and posts it (null when the file cannot be read).
 */
const EXTRACTOR = `
const { parentPort, workerData } = require("node:worker_threads");
const { pathToFileURL } = require("node:url");
(async () => {
  const { unpdf, bytes, maxPages, maxChars } = workerData;
  try {
    const { getDocumentProxy } = await import(pathToFileURL(unpdf).href);
    const pdf = await getDocumentProxy(bytes, { stopAtErrors: false, verbosity: 0 });
    const pages = [];
    let length = 0;
    for (let n = 1; n <= Math.min(pdf.numPages, maxPages) && length < maxChars; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\\n" : " ") : "")).join("");
      pages.push(text);
      length += text.length;
    }
    parentPort.postMessage(pages.join("\\n"));
  } catch {
    parentPort.postMessage(null);
  }
})();
`;

/**
 * The text of a PDF, read with unpdf (Mozilla's PDF.js, serverless build: no binary) in a worker thread of its own,
 * so that a hostile file can neither block the subgraph's event loop nor take its memory: the worker is stopped at the
 * time bound, and its heap is capped. null when nothing could be read in time (a scan has no text layer; a broken
 * file has none either): the document is still stored, it is just not found by search.
 */
export async function extractPdfText(bytes: Buffer, limits = TEXT_LIMITS): Promise<string | null> {
  const { Worker } = await import("node:worker_threads");
  const worker = new Worker(EXTRACTOR, {
    eval: true,
    // A copy: PDF.js takes ownership of (detaches) the buffer it is given, and the caller still stores these bytes.
    workerData: { unpdf: require.resolve("unpdf"), bytes: new Uint8Array(bytes), maxPages: limits.maxPages, maxChars: limits.maxChars },
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
    stdout: true,
    stderr: true,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const text = await new Promise<string | null>((resolve) => {
      timer = setTimeout(() => resolve(null), limits.maxMillis);
      worker.once("message", (message: string | null) => resolve(message));
      worker.once("error", () => resolve(null));
      worker.once("exit", () => resolve(null));
    });
    const cleaned = text?.replace(/[ \t]+/g, " ").trim().slice(0, limits.maxChars);
    return cleaned || null;
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
