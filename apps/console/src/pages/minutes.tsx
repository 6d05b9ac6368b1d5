import { diffLines } from "diff";
import { useEffect, useRef, useState } from "react";
import { Button, FieldError, Form, Input, Label, TextArea, TextField } from "react-aria-components";
import { useMutation, useQuery } from "urql";
import { newIdempotencyKey } from "../client";
import { showCivil, showDate } from "../civil-time";
import { DocumentList, SignedMinutesForm } from "../documents";
import { describeErrors, type ShownError } from "../errors";
import { useWriteForm } from "../form-state";
import { graphql } from "../gql";
import { FormMessages } from "../messages";

const MinutesOfMeeting = graphql(`
  query ConsoleMinutes($meetingId: ID!) {
    meeting(id: $meetingId) {
      id
      startsAt
      council {
        id
        meetings(first: 20) {
          edges {
            node {
              id
              sequenceLabel
              status
              startsAt
            }
          }
        }
      }
      minutes {
        id
        label
        status
        version
        approvedAtMeeting {
          sequenceLabel
        }
        gazette {
          edition
          pages
          date
        }
        versions {
          id
          number
          body
          sha256
          authorRole
          changeNote
          published
          createdAt
          documents {
            id
            title
            filename
            mediaType
            byteSize
            sha256
            url
          }
        }
      }
    }
  }
`);

const Draft = graphql(`
  mutation ConsoleDraftMinutes($input: DraftMinutesInput!) {
    draftMinutes(input: $input) {
      minutes {
        id
        version
      }
    }
  }
`);

const Revise = graphql(`
  mutation ConsoleReviseMinutes($input: ReviseMinutesDraftInput!) {
    reviseMinutesDraft(input: $input) {
      minutes {
        id
        version
      }
    }
  }
`);

const Approve = graphql(`
  mutation ConsoleApproveMinutes($input: ApproveMinutesInput!) {
    approveMinutes(input: $input) {
      minutes {
        id
        status
      }
    }
  }
`);

const Publish = graphql(`
  mutation ConsolePublishMinutes($input: PublishMinutesInput!) {
    publishMinutes(input: $input) {
      minutes {
        id
        status
      }
    }
  }
`);

const Amend = graphql(`
  mutation ConsoleAmendMinutes($input: AmendMinutesInput!) {
    amendMinutes(input: $input) {
      minutes {
        id
        status
      }
    }
  }
`);

type MinutesView = NonNullable<NonNullable<NonNullable<ReturnType<typeof useMinutes>[0]["data"]>["meeting"]>["minutes"]>;
const useMinutes = (meetingId: string) => useQuery({ query: MinutesOfMeeting, variables: { meetingId } });

/** How long the editor waits after the last keystroke before saving the draft. */
export const AUTOSAVE_MS = 2000;

const MINUTES_STATUS: Record<string, string> = { DRAFT: "Rascunho", APPROVED: "Aprovada", PUBLISHED: "Publicada" };

/** The minutes of a held meeting: the draft editor (autosaved), its versions with SHA-256 and diffs, approval, publication, amendment. */
export function MinutesSection({ meetingId }: { meetingId: string }) {
  const [{ data, error }, refetch] = useMinutes(meetingId);
  const reload = () => refetch({ requestPolicy: "network-only" });
  if (error) return <p role="alert">Não foi possível carregar a ata.</p>;
  if (!data?.meeting) return null;
  const minutes = data.meeting.minutes;
  const later = (data.meeting.council?.meetings?.edges ?? [])
    .map((e) => e.node)
    .filter((m) => m.status === "HELD" && m.startsAt > data.meeting!.startsAt);
  return (
    <section aria-labelledby="minutes-title" className="card">
      <h2 id="minutes-title">Ata{minutes ? ` — ${minutes.label} (${MINUTES_STATUS[minutes.status]})` : ""}</h2>
      {(!minutes || minutes.status === "DRAFT") && <DraftEditor meetingId={meetingId} minutes={minutes ?? null} onSaved={reload} />}
      {minutes && minutes.status !== "PUBLISHED" && (
        <SignedMinutesForm minutesVersionId={minutes.versions[minutes.versions.length - 1]!.id} label={minutes.label} onDone={reload} />
      )}
      {minutes && minutes.status === "DRAFT" && <ApproveForm minutes={minutes} later={later} onDone={reload} />}
      {minutes && minutes.status === "APPROVED" && <PublishForm minutes={minutes} onDone={reload} />}
      {minutes && minutes.status === "PUBLISHED" && (
        <>
          <p>
            Publicada no Diário Oficial de Contagem, edição {minutes.gazette?.edition}
            {minutes.gazette?.pages ? `, p. ${minutes.gazette.pages}` : ""}
            {minutes.gazette?.date ? `, de ${showDate(minutes.gazette.date)}` : ""}; aprovada na {minutes.approvedAtMeeting?.sequenceLabel}.
          </p>
          <AmendForm minutes={minutes} onDone={reload} />
        </>
      )}
      {minutes && <Versions minutes={minutes} onChanged={reload} />}
    </section>
  );
}

/**
 * The draft editor (plain text or Markdown). The first save drafts the minutes, later ones revise them (each a
 * version); it saves by itself 2 s after the last keystroke, and on "Salvar rascunho". A change made elsewhere
 * meanwhile (a stale version) stops the autosave and asks to reload, never overwriting the other text.
 */
function DraftEditor({ meetingId, minutes, onSaved }: { meetingId: string; minutes: MinutesView | null; onSaved: () => void }) {
  const current = minutes?.versions[minutes.versions.length - 1]?.body ?? "";
  const [body, setBody] = useState(current);
  const [saved, setSaved] = useState(current);
  const [state, setState] = useState<{ saving: boolean; errors: ShownError[]; at: string | null }>({ saving: false, errors: [], at: null });
  const [, draft] = useMutation(Draft);
  const [, revise] = useMutation(Revise);
  const key = useRef(newIdempotencyKey());
  const version = useRef(minutes?.version ?? null);
  const minutesId = useRef(minutes?.id ?? null);
  const saving = useRef(false);

  const save = async () => {
    if (saving.current || body === saved || !body.trim() || state.errors.some((e) => e.code === "CONFLICT")) return;
    saving.current = true;
    setState((s) => ({ ...s, saving: true }));
    const sent = body;
    // The first save drafts the minutes, the next ones revise them; either answers the minutes' id and version.
    const answer = minutesId.current
      ? await revise({ input: { minutesId: minutesId.current, expectedVersion: version.current!, body: sent, idempotencyKey: key.current } }).then((r) => ({ error: r.error, minutes: r.data?.reviseMinutesDraft.minutes }))
      : await draft({ input: { meetingId, body: sent, idempotencyKey: key.current } }).then((r) => ({ error: r.error, minutes: r.data?.draftMinutes.minutes }));
    saving.current = false;
    if (answer.error || !answer.minutes) return setState({ saving: false, errors: answer.error ? describeErrors(answer.error) : [], at: null });
    const written = answer.minutes;
    minutesId.current = written.id;
    version.current = written.version;
    key.current = newIdempotencyKey();
    setSaved(sent);
    setState({ saving: false, errors: [], at: new Date().toISOString() });
    onSaved();
  };

  useEffect(() => {
    if (body === saved) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  });

  return (
    <div>
      <TextField className="field" value={body} onChange={setBody}>
        <Label>Texto da ata (texto simples ou Markdown)</Label>
        <TextArea rows={14} className="editor" />
      </TextField>
      <p role="status" aria-live="polite" className="note">
        {state.saving ? "Salvando…" : body !== saved ? "Alterações não salvas" : state.at ? `Rascunho salvo às ${showCivil(state.at).split(", ")[1]}` : minutesId.current ? "Rascunho salvo" : ""}
      </p>
      <FormMessages general={state.errors} done={null} />
      <Button onPress={() => void save()} isDisabled={state.saving || body === saved}>
        Salvar rascunho
      </Button>
    </div>
  );
}

/** Records the approval of the draft at a later meeting of the council that was held (its approval-of-minutes item). */
function ApproveForm({ minutes, later, onDone }: { minutes: MinutesView; later: { id: string; sequenceLabel: string; startsAt: string }[]; onDone: () => void }) {
  const form = useWriteForm({ meetingId: later[0]?.id ?? "" }, Approve, ["meetingId"]);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form.values.meetingId) return form.refuse("meetingId", "Escolha a reunião em que a ata foi aprovada.");
    const data = await form.submit((idempotencyKey) => ({ input: { minutesId: minutes.id, expectedVersion: minutes.version, meetingId: form.values.meetingId, idempotencyKey } }), () => "Ata aprovada.");
    if (data) onDone();
  };
  return (
    <Form onSubmit={submit} validationErrors={form.fields} validationBehavior="aria" className="subform">
      <h3>Aprovação</h3>
      {later.length === 0 ? (
        <p className="note">A ata é aprovada numa reunião posterior já realizada; ainda não há nenhuma.</p>
      ) : (
        <div className="field">
          <label htmlFor="approve-meeting">Aprovada na reunião</label>
          <select id="approve-meeting" value={form.values.meetingId} onChange={(e) => form.change({ meetingId: e.target.value })}>
            {later.map((m) => (
              <option key={m.id} value={m.id}>
                {m.sequenceLabel} ({showCivil(m.startsAt)})
              </option>
            ))}
          </select>
        </div>
      )}
      <FormMessages general={form.general} done={form.done} />
      <Button type="submit" isDisabled={form.fetching || later.length === 0}>
        Registrar aprovação
      </Button>
    </Form>
  );
}

/** Publishes the approved minutes with the Diário Oficial de Contagem's edition, pages and date. */
function PublishForm({ minutes, onDone }: { minutes: MinutesView; onDone: () => void }) {
  const form = useWriteForm({ gazetteEdition: "", gazettePages: "", gazetteDate: "" }, Publish, ["gazetteEdition", "gazettePages", "gazetteDate"]);
  const v = form.values;
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const edition = Number(v.gazetteEdition);
    if (!Number.isInteger(edition) || edition < 1) return form.refuse("gazetteEdition", "Informe o número da edição do Diário Oficial.");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.gazetteDate)) return form.refuse("gazetteDate", "Informe a data da edição.");
    const data = await form.submit(
      (idempotencyKey) => ({ input: { minutesId: minutes.id, expectedVersion: minutes.version, gazetteEdition: edition, gazettePages: v.gazettePages.trim() || null, gazetteDate: v.gazetteDate, idempotencyKey } }),
      () => "Ata publicada.",
    );
    if (data) onDone();
  };
  return (
    <Form onSubmit={submit} validationErrors={form.fields} validationBehavior="aria" className="subform">
      <h3>Publicação no Diário Oficial</h3>
      <div className="row">
        <TextField name="gazetteEdition" className="field" value={v.gazetteEdition} onChange={(gazetteEdition) => form.change({ gazetteEdition })} isRequired>
          <Label>Edição</Label>
          <Input type="number" min={1} className="count" />
          <FieldError className="error" />
        </TextField>
        <TextField name="gazettePages" className="field" value={v.gazettePages} onChange={(gazettePages) => form.change({ gazettePages })} maxLength={50}>
          <Label>Páginas</Label>
          <Input />
          <FieldError className="error" />
        </TextField>
        <TextField name="gazetteDate" className="field" value={v.gazetteDate} onChange={(gazetteDate) => form.change({ gazetteDate })} isRequired>
          <Label>Data da edição</Label>
          <Input type="date" />
          <FieldError className="error" />
        </TextField>
      </div>
      <FormMessages general={form.general} done={form.done} />
      <Button type="submit" isDisabled={form.fetching}>
        Publicar ata
      </Button>
    </Form>
  );
}

/** Amends published minutes: a new published version, with the reason the record shows. */
function AmendForm({ minutes, onDone }: { minutes: MinutesView; onDone: () => void }) {
  const last = minutes.versions[minutes.versions.length - 1]?.body ?? "";
  const form = useWriteForm({ body: last, reason: "" }, Amend, ["body", "reason"]);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (form.values.body === last) return form.refuse("body", "O texto não mudou.");
    if (form.values.reason.trim().length < 3) return form.refuse("reason", "Informe o motivo da retificação.");
    const data = await form.submit(
      (idempotencyKey) => ({ input: { minutesId: minutes.id, expectedVersion: minutes.version, body: form.values.body, reason: form.values.reason.trim(), idempotencyKey } }),
      () => "Retificação publicada.",
    );
    if (data) onDone();
  };
  return (
    <Form onSubmit={submit} validationErrors={form.fields} validationBehavior="aria" className="subform">
      <h3>Retificar</h3>
      <TextField name="body" className="field" value={form.values.body} onChange={(body) => form.change({ body })}>
        <Label>Texto retificado</Label>
        <TextArea rows={8} className="editor" />
        <FieldError className="error" />
      </TextField>
      <TextField name="reason" className="field" value={form.values.reason} onChange={(reason) => form.change({ reason })} maxLength={2000} isRequired>
        <Label>Motivo da retificação</Label>
        <Input />
        <FieldError className="error" />
      </TextField>
      <FormMessages general={form.general} done={form.done} />
      <Button type="submit" isDisabled={form.fetching}>
        Publicar retificação
      </Button>
    </Form>
  );
}

/** Every version with its SHA-256 (anyone can check a published text), and the difference between two of them. */
function Versions({ minutes, onChanged }: { minutes: MinutesView; onChanged: () => void }) {
  const versions = minutes.versions;
  // Until the secretary picks two versions, the last two are compared (a new version moves the comparison along).
  const [picked, setPicked] = useState<{ from: number; to: number } | null>(null);
  const from = picked?.from ?? Math.max(0, versions.length - 2);
  const to = picked?.to ?? versions.length - 1;
  const setFrom = (n: number) => setPicked({ from: n, to });
  const setTo = (n: number) => setPicked({ from, to: n });
  const a = versions[Math.min(from, versions.length - 1)];
  const b = versions[Math.min(to, versions.length - 1)];
  return (
    <div className="subform">
      <h3>Versões</h3>
      <table>
        <caption>Cada versão com o SHA-256 do seu texto</caption>
        <thead>
          <tr>
            <th scope="col">Versão</th>
            <th scope="col">Data</th>
            <th scope="col">Autor</th>
            <th scope="col">Nota</th>
            <th scope="col">SHA-256</th>
            <th scope="col">Documentos</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id}>
              <th scope="row">
                {v.number}
                {v.published ? " (publicada)" : ""}
              </th>
              <td>{showCivil(v.createdAt)}</td>
              <td>{v.authorRole}</td>
              <td>{v.changeNote ?? "—"}</td>
              <td>
                <code className="hash">{v.sha256}</code>
              </td>
              <td>{v.documents.length ? <DocumentList documents={v.documents} canWithdraw={!v.published && minutes.status !== "PUBLISHED"} onChanged={onChanged} /> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {versions.length > 1 && a && b && (
        <>
          <div className="row">
            <div className="field">
              <label htmlFor="diff-from">Comparar a versão</label>
              <select id="diff-from" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
                {versions.map((v, i) => (
                  <option key={v.id} value={i}>
                    {v.number}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="diff-to">com a versão</label>
              <select id="diff-to" value={to} onChange={(e) => setTo(Number(e.target.value))}>
                {versions.map((v, i) => (
                  <option key={v.id} value={i}>
                    {v.number}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <pre className="diff" aria-label={`Diferenças entre as versões ${a.number} e ${b.number}`}>
            {diffLines(a.body, b.body).map((part, i) => (
              <span key={i} className={part.added ? "added" : part.removed ? "removed" : undefined}>
                {part.added ? <ins>{part.value}</ins> : part.removed ? <del>{part.value}</del> : part.value}
              </span>
            ))}
          </pre>
        </>
      )}
    </div>
  );
}
