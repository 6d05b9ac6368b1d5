import { PDFDocument, StandardFonts } from "pdf-lib";

/** A real, small PDF with these lines of (Portuguese) text on one page, made with pdf-lib. */
export async function makePdf(lines: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 20, size: 12, font }));
  // A fixed date: the same lines make the same bytes, so a test can name a content by its hash.
  pdf.setCreationDate(new Date("2026-01-01T00:00:00Z"));
  pdf.setModificationDate(new Date("2026-01-01T00:00:00Z"));
  return Buffer.from(await pdf.save());
}

/** POSTs bytes to the gateway's `/documents` as a client would (curl --data-binary), answering the status and JSON body. */
export async function upload(gatewayUrl: string, bytes: Buffer, token?: string, contentType = "application/pdf") {
  const headers: Record<string, string> = { "content-type": contentType };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(new URL("/documents", gatewayUrl), { method: "POST", headers, body: new Uint8Array(bytes) });
  return { status: res.status, body: (await res.json()) as any };
}

/** GETs a document's path through the gateway: status, headers and the exact bytes. */
export async function download(gatewayUrl: string, path: string, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(new URL(path, gatewayUrl), { headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
