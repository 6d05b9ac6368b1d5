import { Button, FieldError, Form, Input, Label, TextField } from "react-aria-components";
import { Temporal } from "temporal-polyfill";
import { useWriteForm } from "../form-state";
import { graphql } from "../gql";
import { SECTOR } from "../labels";
import { Options } from "../choice";
import { FormMessages } from "../messages";

const OpenTerm = graphql(`
  mutation ConsoleOpenTerm($input: OpenTermInput!) {
    openTerm(input: $input) {
      term {
        id
        label
      }
    }
  }
`);

export interface SeatRuleView {
  sector: string;
  segment?: string | null;
  fullMemberSeats: number;
}

interface SeatRow {
  sector: string;
  segment: string;
  count: string;
}

/** The day before the same date `years` later: a term of N years (its last day inclusive). */
export function termEnd(startsOn: string, years: number): string | null {
  try {
    return Temporal.PlainDate.from(startsOn, { overflow: "reject" }).add({ years }).subtract({ days: 1 }).toString();
  } catch {
    return null;
  }
}

/**
 * Opens the council's term (gestão) with its seats: one per full member of each segment, prefilled from the
 * council's legal composition (`seatRules`) when it is recorded, otherwise typed from the appointment act. The end
 * follows the council's term length; a different length needs the reason the server asks for.
 */
export function OpenTermForm({ councilId, termLengthYears, seatRules, onOpened }: { councilId: string; termLengthYears: number | null; seatRules: SeatRuleView[]; onOpened: () => void }) {
  const fromRules: SeatRow[] = seatRules.map((r) => ({ sector: r.sector, segment: r.segment ?? "", count: String(r.fullMemberSeats) }));
  const form = useWriteForm(
    { startsOn: "", endsOn: "", label: "", termLengthOverrideReason: "", seats: fromRules.length ? fromRules : [{ sector: "GOVERNMENT", segment: "", count: "1" }] },
    OpenTerm,
    ["startsOn", "endsOn", "label", "termLengthOverrideReason", "seats"],
  );
  const { values, change, fields, general } = form;
  const setRow = (index: number, row: Partial<SeatRow>) => change({ seats: values.seats.map((r, i) => (i === index ? { ...r, ...row } : r)) });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.startsOn)) return form.refuse("startsOn", "Informe o primeiro dia da gestão.");
    const endsOn = values.endsOn || (termLengthYears ? termEnd(values.startsOn, termLengthYears) : null);
    if (!endsOn) return form.refuse("endsOn", "Informe o último dia da gestão.");
    const counts = values.seats.map((r) => Number(r.count));
    if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > 100)) return form.refuse("seats", "Cada segmento tem de 1 a 100 assentos.");
    const seats = values.seats.flatMap((r, i) => Array.from({ length: counts[i] }, () => ({ sector: r.sector as never, segment: r.segment.trim() || null })));
    const data = await form.submit(
      (idempotencyKey) => ({
        input: { councilId, startsOn: values.startsOn, endsOn, label: values.label.trim() || null, seats, termLengthOverrideReason: values.termLengthOverrideReason.trim() || null, idempotencyKey },
      }),
      (d) => `Gestão ${d.openTerm.term.label} aberta.`,
    );
    if (data) onOpened();
  };
  return (
    <section aria-labelledby="open-term-title" className="card">
      <h2 id="open-term-title">Abrir gestão</h2>
      <Form onSubmit={submit} validationErrors={fields} validationBehavior="aria">
        <div className="row">
          <TextField name="startsOn" className="field" value={values.startsOn} onChange={(startsOn) => change({ startsOn })} isRequired>
            <Label>Primeiro dia</Label>
            <Input type="date" />
            <FieldError className="error" />
          </TextField>
          <TextField name="endsOn" className="field" value={values.endsOn} onChange={(endsOn) => change({ endsOn })}>
            <Label>Último dia{termLengthYears ? ` (vazio: ${termLengthYears} anos)` : ""}</Label>
            <Input type="date" />
            <FieldError className="error" />
          </TextField>
        </div>
        <TextField name="label" className="field" value={values.label} onChange={(label) => change({ label })} maxLength={100}>
          <Label>Nome da gestão (opcional, ex.: 2026–2028)</Label>
          <Input />
          <FieldError className="error" />
        </TextField>
        <TextField name="termLengthOverrideReason" className="field" value={values.termLengthOverrideReason} onChange={(termLengthOverrideReason) => change({ termLengthOverrideReason })} maxLength={1000}>
          <Label>Motivo, se a duração difere da lei</Label>
          <Input />
          <FieldError className="error" />
        </TextField>
        <fieldset aria-describedby="seats-note">
          <legend>Assentos (titulares por segmento)</legend>
          <p id="seats-note" className="note">
            {fromRules.length ? "Conforme a composição legal registrada do conselho." : "A composição legal deste conselho não está registrada: informe-a conforme o ato de nomeação."}
          </p>
          <ol className="agenda">
            {values.seats.map((row, index) => (
              <li key={index}>
                <label htmlFor={`seat-sector-${index}`} className="visually-hidden">
                  Setor do grupo {index + 1}
                </label>
                <select id={`seat-sector-${index}`} value={row.sector} onChange={(e) => setRow(index, { sector: e.target.value })}>
                  <Options labels={SECTOR} />
                </select>
                <label htmlFor={`seat-segment-${index}`} className="visually-hidden">
                  Segmento do grupo {index + 1} (opcional)
                </label>
                <input id={`seat-segment-${index}`} placeholder="segmento (opcional)" value={row.segment} maxLength={200} onChange={(e) => setRow(index, { segment: e.target.value })} />
                <label htmlFor={`seat-count-${index}`} className="visually-hidden">
                  Assentos do grupo {index + 1}
                </label>
                <input id={`seat-count-${index}`} type="number" min={1} max={100} className="count" value={row.count} onChange={(e) => setRow(index, { count: e.target.value })} />
                <button type="button" className="secondary" onClick={() => change({ seats: values.seats.filter((_, i) => i !== index) })} aria-label={`Remover o grupo ${index + 1}`}>
                  Remover
                </button>
              </li>
            ))}
          </ol>
          <button type="button" className="secondary" onClick={() => change({ seats: [...values.seats, { sector: "CIVIL_SOCIETY", segment: "", count: "1" }] })}>
            Adicionar grupo de assentos
          </button>
          {Object.entries(fields)
            .filter(([f]) => f === "seats" || f.startsWith("seats."))
            .map(([f, message]) => (
              <p key={f} className="error" role="alert">
                {message}
              </p>
            ))}
        </fieldset>
        <FormMessages general={general} done={form.done} />
        <Button type="submit" isDisabled={form.fetching}>
          {form.fetching ? "Abrindo…" : "Abrir gestão"}
        </Button>
      </Form>
    </section>
  );
}
