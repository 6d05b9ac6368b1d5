import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Provider, type Client } from "urql";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fromValue } from "wonka";
import { DocumentList, SignedMinutesForm } from "./documents";
import { setSession } from "./session";

/** A client that records the mutations the form sends and answers `answer`. */
function client(answer: object, sent: { name: string; variables: Record<string, any> }[]) {
  return {
    executeMutation: (op: any) => {
      sent.push({ name: op.query.definitions[0].name.value, variables: op.variables });
      return fromValue({ operation: op, stale: false, hasNext: false, ...answer });
    },
  } as unknown as Client;
}

const pdf = () => new File(["%PDF-1.7 ata"], "ata-006-2026.pdf", { type: "application/pdf" });

describe("attaching the signed minutes", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("uploads the file, then attaches it by the SHA-256 the upload answered", async () => {
    const uploads: RequestInit[] = [];
    vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
      uploads.push(init);
      return new Response(JSON.stringify({ sha256: "a".repeat(64), mediaType: "application/pdf", byteSize: 12, searchable: true }), { status: 201 });
    });
    const sent: { name: string; variables: Record<string, any> }[] = [];
    const done = vi.fn();
    render(
      <Provider value={client({ data: { attachDocument: { document: { id: "d1", sha256: "a".repeat(64) } } } }, sent)}>
        <SignedMinutesForm minutesVersionId="v1" label="Ata 006/2026" onDone={done} />
      </Provider>,
    );
    expect((screen.getByLabelText(/Título/) as HTMLInputElement).value).toBe("Ata 006/2026 assinada");
    fireEvent.change(screen.getByLabelText("Arquivo"), { target: { files: [pdf()] } });
    fireEvent.click(screen.getByRole("button", { name: "Anexar ata assinada" }));
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(uploads[0]!.method).toBe("POST");
    expect((uploads[0]!.headers as Record<string, string>)["content-type"]).toBe("application/pdf");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.variables.input).toMatchObject({ minutesVersionId: "v1", sha256: "a".repeat(64), kind: "SIGNED_MINUTES", title: "Ata 006/2026 assinada", filename: "ata-006-2026.pdf" });
    expect(screen.getByRole("status").textContent).toBe("Ata assinada anexada.");
  });

  it("shows a refused upload beside the file field, in Portuguese, and attaches nothing", async () => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ errors: [{ message: "Not an accepted type", extensions: { code: "BAD_USER_INPUT", requestId: "r1" } }] }), { status: 400 }));
    const sent: { name: string; variables: Record<string, any> }[] = [];
    render(
      <Provider value={client({}, sent)}>
        <SignedMinutesForm minutesVersionId="v1" label="Ata 006/2026" onDone={() => {}} />
      </Provider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Anexar ata assinada" }));
    await waitFor(() => expect(screen.getByText("Escolha o arquivo PDF da ata assinada.")).toBeTruthy());
    fireEvent.change(screen.getByLabelText("Arquivo"), { target: { files: [new File(["<html>"], "ata.pdf", { type: "application/pdf" })] } });
    expect(screen.queryByText("Escolha o arquivo PDF da ata assinada.")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Anexar ata assinada" }));
    await waitFor(() => expect(screen.getByText(/não é de um tipo aceito/)).toBeTruthy());
    expect(screen.getByLabelText("Arquivo").getAttribute("aria-invalid")).toBe("true");
    expect(sent).toHaveLength(0);
  });

  it("sends the session's token to download a document only from this origin's /documents/", async () => {
    const calls: { url: string; auth: string | undefined }[] = [];
    vi.stubGlobal("fetch", async (url: URL, init: RequestInit) => {
      calls.push({ url: String(url), auth: (init.headers as Record<string, string>).authorization });
      return new Response("%PDF-1.7", { status: 200 });
    });
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: () => "blob:x", revokeObjectURL: () => {} }));
    const token = `x.${btoa(JSON.stringify({ sub: "s", exp: Date.now() / 1000 + 600 }))}.y`;
    setSession({ token, subject: "s", roles: ["SECRETARY"], councils: ["compur"], expiresAt: Date.now() / 1000 + 600 });
    const doc = { title: "Ata", filename: "ata.pdf", mediaType: "application/pdf", byteSize: 8, sha256: "a".repeat(64) };
    render(
      <Provider value={client({}, [])}>
        <DocumentList documents={[{ id: "d1", ...doc, title: "Alheia", url: "https://evil.example/documents/d1/ata.pdf" }, { id: "d2", ...doc, url: "/documents/d2/ata.pdf" }]} canWithdraw={false} onChanged={() => {}} />
      </Provider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Alheia" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toMatch(/não encontrado/));
    fireEvent.click(screen.getByRole("button", { name: "Ata" }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({ url: `${window.location.origin}/documents/d2/ata.pdf`, auth: `Bearer ${token}` });
    setSession(null);
  });
});
