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
export const TEXT_LIMITS = { maxPages: 300, maxMillis: 15_000, maxChars: 2_000_000 };

/**
 * The text of a PDF, page by page with unpdf (Mozilla's PDF.js, serverless build: no worker, no binary), stopping at
 * the page, time or length bound (what was read so far is kept). null when the PDF cannot be read (a scan has no
 * text layer; a broken file has none either): the document is still stored, it is just not found by search.
 */
export async function extractPdfText(bytes: Buffer, limits = TEXT_LIMITS): Promise<string | null> {
  const { getDocumentProxy } = await import("unpdf");
  const deadline = Date.now() + limits.maxMillis;
  let timer: NodeJS.Timeout | undefined;
  const overtime = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("PDF text extraction timed out")), limits.maxMillis)));
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  try {
    // verbosity 0: PDF.js reports a broken file on the console; we answer "no text" instead. A copy: PDF.js takes ownership of (detaches) the buffer it is given, and the caller still stores these bytes.
    pdf = await Promise.race([getDocumentProxy(new Uint8Array(bytes), { stopAtErrors: false, verbosity: 0 }), overtime]);
    const pages: string[] = [];
    let length = 0;
    for (let n = 1; n <= Math.min(pdf.numPages, limits.maxPages) && Date.now() < deadline && length < limits.maxChars; n++) {
      const page = await Promise.race([pdf.getPage(n), overtime]);
      const content = await Promise.race([page.getTextContent(), overtime]);
      const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : " ") : "")).join("");
      pages.push(text);
      length += text.length;
    }
    const text = pages.join("\n").replace(/[ \t]+/g, " ").trim().slice(0, limits.maxChars);
    return text || null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    await pdf?.loadingTask.destroy().catch(() => undefined);
  }
}
