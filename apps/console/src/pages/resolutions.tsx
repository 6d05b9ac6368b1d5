import { Button, FieldError, Form, Input, Label, TextArea, TextField } from "react-aria-components";
import { useQuery } from "urql";
import { civilDateOf, showDate } from "../civil-time";
import { useWriteForm } from "../form-state";
import { graphql } from "../gql";
import { FormMessages } from "../messages";

const ResolutionsOfMeeting = graphql(`
  query ConsoleResolutions($meetingId: ID!) {
    meeting(id: $meetingId) {
      id
      startsAt
      deliberations {
        id
        text
        agendaItem {
          position
        }
      }
      resolutions {
        id
        label
        status
        date
        summary
        deliberation {
          id
        }
        amends {
          label
        }
        revokes {
          label
        }
        amendedBy {
          label
        }
        revokedBy {
          label
        }
      }
      council {
        id
        resolutions(first: 100) {
          edges {
            node {
              id
              label
              status
              version
            }
          }
        }
      }
    }
  }
`);

const Adopt = graphql(`
  mutation ConsoleAdoptResolution($input: AdoptResolutionInput!) {
    adoptResolution(input: $input) {
      resolution {
        id
        label
      }
    }
  }
`);

const AmendResolution = graphql(`
  mutation ConsoleAmendResolution($input: ChangeResolutionInput!) {
    amendResolution(input: $input) {
      resolution {
        id
        label
      }
    }
  }
`);

const RevokeResolution = graphql(`
  mutation ConsoleRevokeResolution($input: ChangeResolutionInput!) {
    revokeResolution(input: $input) {
      resolution {
        id
        label
      }
    }
  }
`);

const RESOLUTION_STATUS: Record<string, string> = { IN_FORCE: "Em vigor", AMENDED: "Alterada", REVOKED: "Revogada" };

/**
 * The resolutions a held meeting adopted, with their links both ways (what each amends or revokes, and what amended or
 * revoked it), and the form that adopts one from a deliberation — a new one, or one amending or revoking an earlier
 * resolution of the council in force.
 */
export function ResolutionsSection({ meetingId }: { meetingId: string }) {
  const [{ data, error }, refetch] = useQuery({ query: ResolutionsOfMeeting, variables: { meetingId } });
  const meeting = data?.meeting;
  if (error) return <p role="alert">Não foi possível carregar as resoluções.</p>;
  if (!meeting) return null;
  const inForce = (meeting.council?.resolutions?.edges ?? []).map((e) => e.node).filter((r) => r.status === "IN_FORCE");
  const reload = () => refetch({ requestPolicy: "network-only" });
  return (
    <section aria-labelledby="resolutions-title" className="card">
      <h2 id="resolutions-title">Resoluções</h2>
      {meeting.resolutions.length === 0 ? (
        <p className="note">Nenhuma resolução adotada nesta reunião.</p>
      ) : (
        <ul>
          {meeting.resolutions.map((r) => (
            <li key={r.id}>
              <strong>{r.label}</strong>, de {showDate(r.date)} ({RESOLUTION_STATUS[r.status]}): {r.summary}
              {r.amends && <> — altera a {r.amends.label}</>}
              {r.revokes && <> — revoga a {r.revokes.label}</>}
              {r.amendedBy.length > 0 && <> — alterada pela {r.amendedBy.map((a) => a.label).join(", ")}</>}
              {r.revokedBy.length > 0 && <> — revogada pela {r.revokedBy.map((a) => a.label).join(", ")}</>}
            </li>
          ))}
        </ul>
      )}
      <AdoptForm meetingId={meeting.id} date={civilDateOf(meeting.startsAt)} deliberations={meeting.deliberations} inForce={inForce} onDone={reload} />
    </section>
  );
}

function AdoptForm(props: {
  meetingId: string;
  date: string;
  deliberations: { id: string; text: string; agendaItem: { position: number } }[];
  inForce: { id: string; label: string; version: number }[];
  onDone: () => void;
}) {
  const blank = { action: "ADOPT", target: "", deliberationId: props.deliberations[0]?.id ?? "", date: props.date, summary: "", body: "" };
  const adopt = useWriteForm(blank, Adopt, ["deliberationId", "date", "summary", "body"]);
  const amend = useWriteForm(blank, AmendResolution, []);
  const revoke = useWriteForm(blank, RevokeResolution, []);
  const v = adopt.values;
  // The resolution chosen to amend or revoke; until one is chosen, the first in force (the list changes as they are adopted).
  const target = props.inForce.find((r) => r.id === v.target) ?? props.inForce[0];
  // One set of values, three possible writes: every change renews each one's idempotency key.
  const change = (next: Partial<typeof blank>) => [adopt, amend, revoke].forEach((form) => form.change(next));
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!v.summary.trim()) return adopt.refuse("summary", "Escreva a ementa.");
    if (!v.body.trim()) return adopt.refuse("body", "Escreva o texto da resolução.");
    const common = { meetingId: props.meetingId, deliberationId: v.deliberationId || null, date: v.date || null, summary: v.summary.trim(), body: v.body };
    const done = (label: string) => `Resolução ${label} adotada.`;
    let data: unknown = null;
    if (v.action === "ADOPT") data = await adopt.submit((idempotencyKey) => ({ input: { ...common, idempotencyKey } }), (d) => done(d.adoptResolution.resolution.label));
    else {
      if (!target) return adopt.refuse("summary", "Escolha a resolução em vigor que esta altera ou revoga.");
      const input = (idempotencyKey: string) => ({ input: { ...common, resolutionId: target.id, expectedVersion: target.version, idempotencyKey } });
      data =
        v.action === "AMEND"
          ? await amend.submit(input, (d) => done(d.amendResolution.resolution.label))
          : await revoke.submit(input, (d) => done(d.revokeResolution.resolution.label));
    }
    if (data) props.onDone();
  };
  const general = [...adopt.general, ...amend.general, ...revoke.general];
  const fields = { ...adopt.fields, ...amend.fields, ...revoke.fields };
  const fetching = adopt.fetching || amend.fetching || revoke.fetching;
  return (
    <Form onSubmit={submit} validationErrors={fields} validationBehavior="aria" className="subform">
      <h3>Adotar resolução</h3>
      <div className="row">
        <div className="field">
          <label htmlFor="resolution-action">A resolução</label>
          <select id="resolution-action" value={v.action} onChange={(e) => change({ action: e.target.value })}>
            <option value="ADOPT">é nova</option>
            <option value="AMEND" disabled={props.inForce.length === 0}>
              altera outra
            </option>
            <option value="REVOKE" disabled={props.inForce.length === 0}>
              revoga outra
            </option>
          </select>
        </div>
        {v.action !== "ADOPT" && (
          <div className="field">
            <label htmlFor="resolution-target">Resolução em vigor</label>
            <select id="resolution-target" value={target?.id ?? ""} onChange={(e) => change({ target: e.target.value })}>
              {props.inForce.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="resolution-deliberation">Da deliberação</label>
          <select id="resolution-deliberation" value={v.deliberationId} onChange={(e) => change({ deliberationId: e.target.value })}>
            <option value="">Nenhuma</option>
            {props.deliberations.map((d) => (
              <option key={d.id} value={d.id}>
                Item {d.agendaItem.position}: {d.text.slice(0, 60)}
              </option>
            ))}
          </select>
        </div>
        <TextField name="date" className="field" value={v.date} onChange={(date) => change({ date })}>
          <Label>Data</Label>
          <Input type="date" />
          <FieldError className="error" />
        </TextField>
      </div>
      <TextField name="summary" className="field" value={v.summary} onChange={(summary) => change({ summary })} maxLength={1000} isRequired>
        <Label>Ementa</Label>
        <Input />
        <FieldError className="error" />
      </TextField>
      <TextField name="body" className="field" value={v.body} onChange={(body) => change({ body })} isRequired>
        <Label>Texto</Label>
        <TextArea rows={6} className="editor" />
        <FieldError className="error" />
      </TextField>
      <FormMessages general={general} done={adopt.done ?? amend.done ?? revoke.done} />
      <Button type="submit" isDisabled={fetching}>
        Adotar resolução
      </Button>
    </Form>
  );
}
