import { Button, FieldError, Form, Input, Label, TextField } from "react-aria-components";
import { useWriteForm } from "../form-state";
import { graphql } from "../gql";
import { BOARD_ROLE, MANDATE_ROLE, SECTOR } from "../labels";
import { ChoiceField } from "../choice";
import { FormMessages } from "../messages";

const AppointMandate = graphql(`
  mutation ConsoleAppointMandate($input: AppointMandateInput!) {
    appointMandate(input: $input) {
      mandate {
        id
        role
        person {
          displayName
        }
      }
    }
  }
`);

export interface SeatView {
  id: string;
  position: number;
  sector: string;
  segment?: string | null;
}

/** Appoints a member (titular or suplente) to a seat of the current term, by name as the appointment act writes it. */
export function AppointMandateForm({ seats, onAppointed }: { seats: SeatView[]; onAppointed: () => void }) {
  const form = useWriteForm({ seatId: seats[0]?.id ?? "", personName: "", role: "FULL_MEMBER", boardRole: "", startsOn: "" }, AppointMandate, ["personName", "startsOn"]);
  const { values, change, fields, general } = form;
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!values.personName.trim()) return form.refuse("personName", "Informe o nome como consta do ato de nomeação.");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.startsOn)) return form.refuse("startsOn", "Informe a data de início do mandato.");
    const data = await form.submit(
      (idempotencyKey) => ({
        input: {
          seatId: values.seatId,
          personName: values.personName.trim(),
          role: values.role as never,
          boardRole: (values.boardRole || null) as never,
          startsOn: values.startsOn,
          idempotencyKey,
        },
      }),
      (d) => `${d.appointMandate.mandate.person.displayName} nomeado(a) como ${MANDATE_ROLE[d.appointMandate.mandate.role].toLowerCase()}.`,
    );
    if (data) onAppointed();
  };
  return (
    <section aria-labelledby="appoint-title" className="card">
      <h2 id="appoint-title">Nomear membro</h2>
      <Form onSubmit={submit} validationErrors={fields} validationBehavior="aria">
        <div className="row">
          <div className="field">
            <label htmlFor="appoint-seat">Assento</label>
            <select id="appoint-seat" value={values.seatId} onChange={(e) => change({ seatId: e.target.value })}>
              {seats.map((seat) => (
                <option key={seat.id} value={seat.id}>
                  {seat.position}. {SECTOR[seat.sector]}
                  {seat.segment ? ` — ${seat.segment}` : ""}
                </option>
              ))}
            </select>
          </div>
          <ChoiceField id="appoint-role" label="Papel" value={values.role} labels={MANDATE_ROLE} onChange={(role) => change({ role })} />
          <ChoiceField id="appoint-board" label="Cargo na mesa diretora" value={values.boardRole} labels={BOARD_ROLE} none="Nenhum" onChange={(boardRole) => change({ boardRole })} />
        </div>
        <div className="row">
          <TextField name="personName" className="field" value={values.personName} onChange={(personName) => change({ personName })} maxLength={200} isRequired>
            <Label>Nome</Label>
            <Input />
            <FieldError className="error" />
          </TextField>
          <TextField name="startsOn" className="field" value={values.startsOn} onChange={(startsOn) => change({ startsOn })} isRequired>
            <Label>Início do mandato</Label>
            <Input type="date" />
            <FieldError className="error" />
          </TextField>
        </div>
        <FormMessages general={general} done={form.done} />
        <Button type="submit" isDisabled={form.fetching || seats.length === 0}>
          {form.fetching ? "Nomeando…" : "Nomear"}
        </Button>
      </Form>
    </section>
  );
}
