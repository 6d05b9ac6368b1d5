import { makePdf } from "@contagem/testkit";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { extractPdfText, mediaTypeOf, TEXT_LIMITS } from "./document.content";

/** PDFs are hostile input: the type is read from the bytes, and reading the text is bounded. */
describe("document content", () => {
  it("reads the type from the bytes, whatever the name: a PDF is a PDF, a text or a bare zip is refused", async () => {
    expect(await mediaTypeOf(await makePdf(["Convocação"]))).toBe("application/pdf");
    await expect(mediaTypeOf(Buffer.from("Só o nome diz ata.pdf"))).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    // A zip that is no office document (no OpenDocument or OOXML part) is not accepted for being a zip.
    const zip = Buffer.from("504b03041400000000000000000000000000000000000000000005000000612e74787461", "hex");
    await expect(mediaTypeOf(zip)).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
  });

  it("extracts the text of a PDF with its accents, and stops at the page bound", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (const word of ["primeira", "segunda", "terceira"]) pdf.addPage().drawText(`Página ${word}: deliberação`, { x: 50, y: 700, font });
    const bytes = Buffer.from(await pdf.save());
    expect(await extractPdfText(bytes)).toMatch(/Página primeira: deliberação[\s\S]*Página terceira/);
    const bounded = await extractPdfText(bytes, { ...TEXT_LIMITS, maxPages: 2 });
    expect(bounded).toContain("Página segunda");
    expect(bounded).not.toContain("terceira");
    // Out of time, the worker reading it is stopped: no text, and nothing left running.
    expect(await extractPdfText(bytes, { ...TEXT_LIMITS, maxMillis: 1 })).toBeNull();
  });

  it("stores no text, without failing, for a file that only starts like a PDF", async () => {
    const broken = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(4096, 0x41)]);
    expect(await mediaTypeOf(broken)).toBe("application/pdf");
    expect(await extractPdfText(broken)).toBeNull();
  });
});
