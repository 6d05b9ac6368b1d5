import { useRef, useState } from "react";
import { Button, Form, Input, Label, TextField, FieldError } from "react-aria-components";
import { useMutation } from "urql";
import { newIdempotencyKey } from "./client";
import { describeErrors, MESSAGES, type ShownError } from "./errors";
import { useWriteForm } from "./form-state";
import { graphql } from "./gql";
import { FormMessages } from "./messages";
import { getSession } from "./session";

/** What `POST /documents` answers for a stored upload (README, Documents). */
export interface Upload {
  sha256: string;
  mediaType: string;
  byteSize: number;
}

/** The upload's refusals as a secretary reads them: by HTTP status, since the server's sentences are English. */
const UPLOAD_MESSAGES: Record<number, string> = {
  400: "O arquivo não é de um tipo aceito: envie o PDF da ata assinada (ou um documento ODF ou Office Open XML).",
  413: "O arquivo passa do limite de tamanho do sistema (20 MiB).",
};

/**
 * Sends a file's bytes to `/documents` with the session's token (the first of the two steps of attaching it); answers
 * its SHA-256, media type and size, or the errors to show. The type is read by the server from the bytes, never the name.
 */
export async function uploadDocument(file: Blob): Promise<Upload | ShownError[]> {
  const session = getSession();
  let response: Response;
  try {
    response = await fetch("/documents", {
      method: "POST",
      headers: { "content-type": file.type || "application/octet-stream", ...(session ? { authorization: `Bearer ${session.token}` } : {}) },
      body: file,
    });
  } catch {
    return [{ code: "NETWORK", message: MESSAGES.NETWORK }];
  }
  const answer = (await response.json().catch(() => null)) as (Upload & { errors?: { extensions?: { code?: string; requestId?: string } }[] }) | null;
  if (response.ok && answer?.sha256) return answer;
  const error = answer?.errors?.[0]?.extensions ?? {};
  const code = error.code ?? "INTERNAL_SERVER_ERROR";
  const message = UPLOAD_MESSAGES[response.status] ?? MESSAGES[code] ?? MESSAGES.INTERNAL_SERVER_ERROR;
  return [{ code, message, field: response.status === 400 || response.status === 413 ? "file" : undefined, requestId: error.requestId }];
}

/** A document as the console lists it. */
export interface DocumentView {
  id: string;
  title: string;
  filename: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  url: string;
}

export const showSize = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("pt-BR")} KiB` : `${(bytes / 1024 / 1024).toLocaleString("pt-BR", { maximumFractionDigits: 1 })} MiB`;

/**
 * Downloads a document with the session's token (a draft's documents are only the council's to read, so a plain link
 * would answer 404 to the browser), saved under its file name.
 */
async function download(document: DocumentView): Promise<string | null> {
  const session = getSession();
  // The token goes only to this origin's /documents/, whatever URL an answer names.
  const url = new URL(document.url, window.location.origin);
  if (url.origin !== window.location.origin || !url.pathname.startsWith("/documents/")) return MESSAGES.NOT_FOUND!;
  const response = await fetch(url, { headers: session ? { authorization: `Bearer ${session.token}` } : {} }).catch(() => null);
  if (!response?.ok) return response ? MESSAGES[response.status === 404 ? "NOT_FOUND" : "INTERNAL_SERVER_ERROR"]! : MESSAGES.NETWORK!;
  const link = window.document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = document.filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return null;
}

const Withdraw = graphql(`
  mutation ConsoleWithdrawDocument($input: WithdrawDocumentInput!) {
    withdrawDocument(input: $input) {
      document {
        id
      }
    }
  }
`);

/** A record's documents: title, size, SHA-256, a download; those of a draft can be withdrawn (`canWithdraw`). */
export function DocumentList({ documents, canWithdraw, onChanged }: { documents: DocumentView[]; canWithdraw: boolean; onChanged: () => void }) {
  const [error, setError] = useState<ShownError[]>([]);
  const [, withdraw] = useMutation(Withdraw);
  if (documents.length === 0) return null;
  return (
    <>
      <ul className="documents">
        {documents.map((d) => (
          <li key={d.id}>
            <Button className="link" onPress={() => void download(d).then((message) => setError(message ? [{ code: "DOWNLOAD", message }] : []))}>
              {d.title}
            </Button>{" "}
            <span className="note">
              ({d.filename}, {showSize(d.byteSize)}) SHA-256 <code className="hash">{d.sha256}</code>
            </span>
            {canWithdraw && (
              <Button
                className="secondary"
                aria-label={`Retirar ${d.title}`}
                onPress={() =>
                  void withdraw({ input: { documentId: d.id, idempotencyKey: newIdempotencyKey() } }).then((r) => (r.error ? setError(describeErrors(r.error)) : onChanged()))
                }
              >
                Retirar
              </Button>
            )}
          </li>
        ))}
      </ul>
      <FormMessages general={error} done={null} />
    </>
  );
}

const Attach = graphql(`
  mutation ConsoleAttachDocument($input: AttachDocumentInput!) {
    attachDocument(input: $input) {
      document {
        id
        sha256
      }
    }
  }
`);

/**
 * Attaches the signed ata (a PDF) to a minutes version that is not yet published: the file is uploaded, then attached
 * by the SHA-256 the upload answered, with one idempotency key per submission (a retry attaches once).
 */
export function SignedMinutesForm({ minutesVersionId, label, onDone }: { minutesVersionId: string; label: string; onDone: () => void }) {
  const form = useWriteForm({ title: `${label} assinada`, file: "" }, Attach, ["title", "filename", "sha256", "file"]);
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) return form.refuse("file", "Escolha o arquivo PDF da ata assinada.");
    if (!form.values.title.trim()) return form.refuse("title", "Informe o título do documento.");
    setUploading(true);
    const upload = await uploadDocument(file);
    setUploading(false);
    if (Array.isArray(upload)) return form.refuse(upload[0]!.field ?? "file", upload[0]!.message);
    const data = await form.submit(
      (idempotencyKey) => ({ input: { minutesVersionId, sha256: upload.sha256, kind: "SIGNED_MINUTES" as const, title: form.values.title.trim(), filename: file.name.slice(-120), idempotencyKey } }),
      () => "Ata assinada anexada.",
    );
    if (data) {
      setFile(null);
      if (input.current) input.current.value = "";
      onDone();
    }
  };
  const fileError = form.fields.file;
  return (
    <Form onSubmit={submit} validationErrors={form.fields} validationBehavior="aria" className="subform">
      <h3>Ata assinada (PDF)</h3>
      <div className="field">
        <label htmlFor="signed-file">Arquivo</label>
        <input
          id="signed-file"
          ref={input}
          type="file"
          accept="application/pdf,.pdf"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? "signed-file-error" : undefined}
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            form.change({ file: chosen?.name ?? "" });
          }}
        />
        {fileError && (
          <p id="signed-file-error" className="error">
            {fileError}
          </p>
        )}
      </div>
      <TextField name="title" className="field" value={form.values.title} onChange={(title) => form.change({ title })} maxLength={200} isRequired>
        <Label>Título</Label>
        <Input />
        <FieldError className="error" />
      </TextField>
      <FormMessages general={form.general} done={form.done} />
      <Button type="submit" isDisabled={uploading || form.fetching}>
        {uploading ? "Enviando…" : "Anexar ata assinada"}
      </Button>
    </Form>
  );
}
