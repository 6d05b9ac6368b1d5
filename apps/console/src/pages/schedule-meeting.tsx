import { Button, FieldError, Form, Input, Label, TextField } from "react-aria-components";
import { civilToInstant } from "../civil-time";
import { useWriteForm } from "../form-state";
import { ChoiceField, Options } from "../choice";
import { FormMessages } from "../messages";
import { graphql } from "../gql";
import { AGENDA_KIND, MEETING_TYPE, MODALITY } from "../labels";

const ScheduleMeeting = graphql(`
  mutation ConsoleScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) {
      meeting {
        id
        sequenceLabel
        status
        startsAt
      }
    }
  }
`);

interface AgendaRow {
  kind: string;
  title: string;
  /** For an APPROVAL_OF_MINUTES item: the draft minutes it approves. */
  minutesId: string;
}

/** A council's minutes still in draft, which a meeting's approval item can name. */
export interface DraftChoice {
  id: string;
  label: string;
}

const EMPTY = { type: "ORDINARY", modality: "IN_PERSON", startsAt: "", place: "", agenda: [{ kind: "DELIBERATION", title: "", minutesId: "" }] as AgendaRow[] };

/**
 * Schedules a meeting with its ordered agenda. The wall-clock time is Contagem's; each submission carries an
 * idempotency key, kept while the same form is retried (a lost answer writes once) and renewed when the form changes.
 * The server's validation messages appear beside their fields.
 */
export function ScheduleMeetingForm({ councilId, drafts, onScheduled }: { councilId: string; drafts: DraftChoice[]; onScheduled: (label: string) => void }) {
  const form = useWriteForm(EMPTY, ScheduleMeeting, ["startsAt", "place", "agenda"]);
  const { values, change, fields, general } = form;
  const setRow = (index: number, row: Partial<AgendaRow>) => change({ agenda: values.agenda.map((r, i) => (i === index ? { ...r, ...row } : r)) });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (form.fetching) return;
    const startsAt = civilToInstant(values.startsAt);
    if (!startsAt) return form.refuse("startsAt", "Informe a data e a hora da reunião.");
    const agenda = values.agenda
      .filter((r) => r.title.trim())
      .map((r) => ({ kind: r.kind as never, title: r.title.trim(), ...(r.kind === "APPROVAL_OF_MINUTES" && r.minutesId ? { minutesId: r.minutesId } : {}) }));
    const data = await form.submit(
      (idempotencyKey) => ({
        input: { councilId, type: values.type as never, modality: values.modality as never, startsAt, place: values.place.trim() || null, agenda, idempotencyKey },
      }),
      (d) => `Reunião ${d.scheduleMeeting.meeting.sequenceLabel} agendada.`,
    );
    if (data) onScheduled(data.scheduleMeeting.meeting.sequenceLabel);
  };

  const agendaError = Object.entries(fields).find(([f]) => f.startsWith("agenda"));
  return (
    <section aria-labelledby="schedule-title" className="card">
      <h2 id="schedule-title">Agendar reunião</h2>
      <Form onSubmit={submit} validationErrors={fields} validationBehavior="aria">
        <div className="row">
          <ChoiceField id="meeting-type" label="Tipo" value={values.type} labels={MEETING_TYPE} except={["NOT_STATED"]} onChange={(type) => change({ type })} />
          <ChoiceField id="meeting-modality" label="Modalidade" value={values.modality} labels={MODALITY} except={["NOT_STATED"]} onChange={(modality) => change({ modality })} />
        </div>
        <TextField name="startsAt" className="field" value={values.startsAt} onChange={(startsAt) => change({ startsAt })} isRequired>
          <Label>Data e hora (horário de Contagem)</Label>
          <Input type="datetime-local" />
          <FieldError className="error" />
        </TextField>
        <TextField name="place" className="field" value={values.place} onChange={(place) => change({ place })} maxLength={500}>
          <Label>Local</Label>
          <Input placeholder="Casa dos Conselhos" />
          <FieldError className="error" />
        </TextField>
        <fieldset>
          <legend>Pauta (na ordem)</legend>
          <ol className="agenda">
            {values.agenda.map((row, index) => (
              <li key={index}>
                <label htmlFor={`agenda-kind-${index}`} className="visually-hidden">
                  Tipo do item {index + 1}
                </label>
                <select id={`agenda-kind-${index}`} value={row.kind} onChange={(e) => setRow(index, { kind: e.target.value })}>
                  <Options labels={AGENDA_KIND} />
                </select>
                {row.kind === "APPROVAL_OF_MINUTES" && (
                  <>
                    <label htmlFor={`agenda-minutes-${index}`} className="visually-hidden">
                      Ata a aprovar no item {index + 1}
                    </label>
                    <select id={`agenda-minutes-${index}`} value={row.minutesId} onChange={(e) => setRow(index, { minutesId: e.target.value })}>
                      <option value="">{drafts.length ? "Escolha a ata" : "Nenhuma ata em rascunho"}</option>
                      {drafts.map((d) => (
                        <option key={d.id} value={d.id}>
                          {d.label}
                        </option>
                      ))}
                    </select>
                  </>
                )}
                <label htmlFor={`agenda-title-${index}`} className="visually-hidden">
                  Título do item {index + 1}
                </label>
                <input id={`agenda-title-${index}`} value={row.title} maxLength={500} onChange={(e) => setRow(index, { title: e.target.value })} />
                <button type="button" className="secondary" onClick={() => change({ agenda: values.agenda.filter((_, i) => i !== index) })} aria-label={`Remover o item ${index + 1}`}>
                  Remover
                </button>
              </li>
            ))}
          </ol>
          <button type="button" className="secondary" onClick={() => change({ agenda: [...values.agenda, { kind: "DELIBERATION", title: "", minutesId: "" }] })}>
            Adicionar item
          </button>
          {agendaError && (
            <p className="error" role="alert">
              {agendaError[1]}
            </p>
          )}
        </fieldset>
        <FormMessages general={general} done={form.done} />
        <Button type="submit" isDisabled={form.fetching}>
          {form.fetching ? "Agendando…" : "Agendar reunião"}
        </Button>
      </Form>
    </section>
  );
}
