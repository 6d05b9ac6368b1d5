import { quorumOf, givenNoticeHours, noticeRespected, requiredNoticeHours } from "@contagem/rules";
import { Button, FieldError, Form, Input, Label, TextField } from "react-aria-components";
import { useQuery } from "urql";
import { Link } from "wouter";
import { Options } from "../choice";
import { civilDateOf, civilToInstant, instantToCivil, showCivil } from "../civil-time";
import { useWriteForm } from "../form-state";
import { graphql } from "../gql";
import { AGENDA_KIND, ATTENDANCE_STATUS, MANDATE_ROLE, MEETING_STATUS, MEETING_TYPE, MODALITY, OUTCOME, SECTOR } from "../labels";
import { FormMessages } from "../messages";
import { namesCouncil, type Session } from "../session";
import { MinutesSection } from "./minutes";
import { ResolutionsSection } from "./resolutions";

const MeetingDetail = graphql(`
  query ConsoleMeeting($id: ID!) {
    meeting(id: $id) {
      id
      version
      sequenceLabel
      type
      modality
      status
      statusReason
      startsAt
      place
      council {
        id
        databaseId
        slug
        acronym
        name
        rules {
          ordinaryNoticeDays
          extraordinaryNoticeHours
          quorumRule
        }
      }
      term {
        seats {
          id
          position
          sector
          segment
          mandates {
            id
            role
            startsOn
            endsOn
            person {
              displayName
            }
          }
        }
      }
      agenda {
        id
        position
        kind
        title
      }
      convocation {
        convenedAt
        requiredNoticeHours
        givenNoticeHours
        noticeRespected
      }
      attendance {
        status
        mandate {
          id
        }
        substitute {
          id
        }
      }
      quorum {
        rule
        seats
        required
        present
        achieved
      }
      deliberations {
        id
        text
        votesFor
        votesAgainst
        abstentions
        outcome
        agendaItem {
          position
        }
      }
    }
  }
`);

const Convene = graphql(`
  mutation ConsoleConvene($input: ConveneMeetingInput!) {
    conveneMeeting(input: $input) {
      meeting {
        id
        status
      }
    }
  }
`);

const Cancel = graphql(`
  mutation ConsoleCancel($input: CancelMeetingInput!) {
    cancelMeeting(input: $input) {
      meeting {
        id
        status
      }
    }
  }
`);

const RecordAttendance = graphql(`
  mutation ConsoleRecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      meeting {
        id
        status
        quorum {
          achieved
        }
      }
    }
  }
`);

const RecordDeliberation = graphql(`
  mutation ConsoleRecordDeliberation($input: RecordDeliberationInput!) {
    recordDeliberation(input: $input) {
      deliberation {
        id
        outcome
      }
    }
  }
`);

type MeetingView = NonNullable<NonNullable<ReturnType<typeof useMeeting>[0]["data"]>["meeting"]>;
const useMeeting = (id: string) => useQuery({ query: MeetingDetail, variables: { id } });

/** One meeting as its secretary runs it: convene (notice checked), cancel or postpone, attendance and quorum, deliberations. */
export function MeetingPage({ id, session }: { id: string; session: Session }) {
  const [{ data, fetching, error }, refetch] = useMeeting(id);
  const reload = () => refetch({ requestPolicy: "network-only" });
  const meeting = data?.meeting;
  if (fetching && !data) return <p aria-busy="true">Carregando…</p>;
  if (error) return <p role="alert">Não foi possível carregar a reunião.</p>;
  if (!meeting || !meeting.council) return <h1>Reunião não encontrada</h1>;
  const council = meeting.council;
  const mayWrite = namesCouncil(session, council);
  const started = new Date(meeting.startsAt) <= new Date();
  return (
    <article aria-labelledby="meeting-title">
      <nav aria-label="Trilha">
        <Link href="/">Seus conselhos</Link> › <Link href={`/conselhos/${council.slug}`}>{council.acronym ?? council.name}</Link> ›{" "}
        <span aria-current="page">{meeting.sequenceLabel}</span>
      </nav>
      <h1 id="meeting-title">{meeting.sequenceLabel}</h1>
      <dl className="facts card">
        <dt>Tipo</dt>
        <dd>{MEETING_TYPE[meeting.type]}</dd>
        <dt>Data e hora</dt>
        <dd>{showCivil(meeting.startsAt)}</dd>
        <dt>Modalidade e local</dt>
        <dd>
          {MODALITY[meeting.modality]}
          {meeting.place ? ` — ${meeting.place}` : ""}
        </dd>
        <dt>Situação</dt>
        <dd>
          {MEETING_STATUS[meeting.status]}
          {meeting.statusReason ? ` (${meeting.statusReason})` : ""}
        </dd>
        {meeting.convocation && (
          <>
            <dt>Convocação</dt>
            <dd>
              {showCivil(meeting.convocation.convenedAt)}, com {meeting.convocation.givenNoticeHours} h de antecedência
              {meeting.convocation.noticeRespected === false ? ` — abaixo das ${meeting.convocation.requiredNoticeHours} h exigidas` : ""}
            </dd>
          </>
        )}
        {meeting.quorum.achieved !== null && (
          <>
            <dt>Quórum</dt>
            <dd>
              {meeting.quorum.present} de {meeting.quorum.seats} assentos ocupados; exigidos {meeting.quorum.required} —{" "}
              {meeting.quorum.achieved ? "quórum atingido" : "sem quórum"}
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">Pauta</h2>
        <ol>
          {meeting.agenda.map((item) => (
            <li key={item.id}>
              {item.title} <span className="note">({AGENDA_KIND[item.kind]})</span>
            </li>
          ))}
        </ol>
      </section>
      {meeting.deliberations.length > 0 && (
        <section aria-labelledby="deliberations-title">
          <h2 id="deliberations-title">Deliberações</h2>
          <ul>
            {meeting.deliberations.map((d) => (
              <li key={d.id}>
                Item {d.agendaItem.position}: {d.text} — {OUTCOME[d.outcome]} ({d.votesFor} a favor, {d.votesAgainst} contra, {d.abstentions} abstenções)
              </li>
            ))}
          </ul>
        </section>
      )}
      {mayWrite && meeting.status === "SCHEDULED" && <ConveneForm meeting={meeting} onDone={reload} />}
      {mayWrite && (meeting.status === "CONVENED" || meeting.status === "HELD") && started && <AttendanceForm key={meeting.version} meeting={meeting} onDone={reload} />}
      {mayWrite && meeting.status === "CONVENED" && !started && (
        <p className="note card">A presença é registrada a partir do início da reunião ({showCivil(meeting.startsAt)}).</p>
      )}
      {mayWrite && meeting.status === "HELD" && meeting.quorum.achieved !== false && <DeliberationForm meeting={meeting} onDone={reload} />}
      {mayWrite && meeting.status === "HELD" && <ResolutionsSection meetingId={meeting.id} />}
      {mayWrite && meeting.status === "HELD" && <MinutesSection meetingId={meeting.id} />}
      {mayWrite && ["SCHEDULED", "CONVENED", "POSTPONED"].includes(meeting.status) && <CancelForm meeting={meeting} onDone={reload} />}
    </article>
  );
}

/** Convenes the meeting; before sending, shows whether the notice meets the council's rule, as the server will judge it. */
function ConveneForm({ meeting, onDone }: { meeting: MeetingView; onDone: () => void }) {
  const form = useWriteForm({ convenedAt: instantToCivil(new Date().toISOString()) }, Convene, ["convenedAt"]);
  const at = civilToInstant(form.values.convenedAt);
  const required = requiredNoticeHours(meeting.council!.rules, meeting.type);
  const given = at ? givenNoticeHours(new Date(meeting.startsAt), new Date(at)) : null;
  const respected = given === null ? null : noticeRespected(required, given);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!at) return form.refuse("convenedAt", "Informe quando a convocação foi feita.");
    const data = await form.submit((idempotencyKey) => ({ input: { meetingId: meeting.id, expectedVersion: meeting.version, convenedAt: at, idempotencyKey } }), () => "Reunião convocada.");
    if (data) onDone();
  };
  return (
    <section aria-labelledby="convene-title" className="card">
      <h2 id="convene-title">Convocar</h2>
      <Form onSubmit={submit} validationErrors={form.fields} validationBehavior="aria">
        <TextField name="convenedAt" className="field" value={form.values.convenedAt} onChange={(convenedAt) => form.change({ convenedAt })} isRequired>
          <Label>Convocação feita em (horário de Contagem)</Label>
          <Input type="datetime-local" />
          <FieldError className="error" />
        </TextField>
        <p className={respected === false ? "error" : "note"} id="notice-check">
          {given === null
            ? ""
            : required === null
              ? `Antecedência: ${given} h. O regimento deste conselho não está registrado: não há prazo a conferir.`
              : respected
                ? `Antecedência de ${given} h: cumpre as ${required} h exigidas.`
                : `Antecedência de ${given} h: abaixo das ${required} h exigidas pelo regimento. A convocação será registrada como fora do prazo.`}
        </p>
        <FormMessages general={form.general} done={form.done} />
        <Button type="submit" isDisabled={form.fetching}>
          {form.fetching ? "Convocando…" : "Convocar reunião"}
        </Button>
      </Form>
    </section>
  );
}

/** Cancels the meeting, or postpones it, with the reason the record will show. */
function CancelForm({ meeting, onDone }: { meeting: MeetingView; onDone: () => void }) {
  const form = useWriteForm({ reason: "", postpone: false }, Cancel, ["reason"]);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (form.values.reason.trim().length < 3) return form.refuse("reason", "Informe o motivo (ao menos 3 caracteres).");
    const data = await form.submit(
      (idempotencyKey) => ({ input: { meetingId: meeting.id, expectedVersion: meeting.version, reason: form.values.reason.trim(), postpone: form.values.postpone, idempotencyKey } }),
      () => (form.values.postpone ? "Reunião adiada." : "Reunião cancelada."),
    );
    if (data) onDone();
  };
  return (
    <section aria-labelledby="cancel-title" className="card">
      <h2 id="cancel-title">Cancelar ou adiar</h2>
      <Form onSubmit={submit} validationErrors={form.fields} validationBehavior="aria">
        <TextField name="reason" className="field" value={form.values.reason} onChange={(reason) => form.change({ reason })} maxLength={2000} isRequired>
          <Label>Motivo</Label>
          <Input />
          <FieldError className="error" />
        </TextField>
        <div className="field inline">
          <input id="postpone" type="checkbox" checked={form.values.postpone} onChange={(e) => form.change({ postpone: e.target.checked })} />
          <label htmlFor="postpone">Adiar (a reunião será remarcada) em vez de cancelar</label>
        </div>
        <FormMessages general={form.general} done={form.done} />
        <Button type="submit" className="react-aria-Button danger" isDisabled={form.fetching}>
          {form.values.postpone ? "Adiar reunião" : "Cancelar reunião"}
        </Button>
      </Form>
    </section>
  );
}

interface Entry {
  status: string;
  substitute: string;
}

/**
 * The attendance list of the mandates in force on the meeting's day, titular and suplente of each seat; a titular
 * may be substituted by a suplente of the same seat. The quorum is computed as the server computes it (the same
 * function, @contagem/rules): a seat counts when its titular is present or substituted.
 */
function AttendanceForm({ meeting, onDone }: { meeting: MeetingView; onDone: () => void }) {
  const day = civilDateOf(meeting.startsAt);
  const seats = (meeting.term?.seats ?? []).map((seat) => ({
    ...seat,
    mandates: seat.mandates.filter((m) => m.startsOn <= day && (!m.endsOn || m.endsOn >= day)),
  }));
  const recorded = new Map(meeting.attendance.map((a) => [a.mandate?.id, a]));
  const initial: Record<string, Entry> = {};
  for (const seat of seats) {
    for (const m of seat.mandates) {
      const before = recorded.get(m.id);
      initial[m.id] = { status: before?.status ?? "ABSENT", substitute: before?.substitute?.id ?? "" };
    }
  }
  // Keyed by the meeting's version: once recorded (or changed elsewhere) the list starts again from the record.
  const form = useWriteForm({ entries: initial }, RecordAttendance, ["entries"]);
  const entries = form.values.entries;
  const set = (mandateId: string, entry: Partial<Entry>) => form.change({ entries: { ...entries, [mandateId]: { ...entries[mandateId], ...entry } } });
  const occupied = new Set(
    seats.filter((seat) => seat.mandates.some((m) => m.role === "FULL_MEMBER" && (entries[m.id]?.status === "PRESENT" || entries[m.id]?.status === "SUBSTITUTED"))).map((s) => s.id),
  );
  const quorum = quorumOf(meeting.council!.rules.quorumRule, seats.length, occupied.size);
  // A suplente standing in for a titular sits in the titular's entry (SUBSTITUTED), not in one of their own.
  const standingIn = new Map(Object.entries(entries).filter(([, e]) => e.status === "SUBSTITUTED" && e.substitute).map(([titular, e]) => [e.substitute, titular]));
  const nameOf = new Map(seats.flatMap((seat) => seat.mandates.map((m) => [m.id, m.person.displayName] as const)));
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const list = Object.entries(entries)
      .filter(([mandateId]) => !standingIn.has(mandateId))
      .map(([mandateId, e]) => ({ mandateId, status: e.status as never, substituteMandateId: e.status === "SUBSTITUTED" ? e.substitute || null : null }));
    const data = await form.submit((idempotencyKey) => ({ input: { meetingId: meeting.id, expectedVersion: meeting.version, entries: list, idempotencyKey } }), () => "Presença registrada.");
    if (data) onDone();
  };
  return (
    <section aria-labelledby="attendance-title" className="card">
      <h2 id="attendance-title">Presença</h2>
      <p role="status" aria-live="polite" className={quorum.achieved ? "ok" : "note"}>
        {quorum.required === null
          ? `${quorum.present} de ${quorum.seats} assentos ocupados (a regra de quórum do conselho não está registrada).`
          : `${quorum.present} de ${quorum.seats} assentos ocupados; o quórum exige ${quorum.required}: ${quorum.achieved ? "quórum atingido" : "sem quórum"}.`}
      </p>
      <Form onSubmit={submit} validationBehavior="aria">
        <table>
          <caption>Mandatos em vigor em {day.split("-").reverse().join("/")}</caption>
          <thead>
            <tr>
              <th scope="col">Assento</th>
              <th scope="col">Membro</th>
              <th scope="col">Presença</th>
              <th scope="col">Suplente que assumiu</th>
            </tr>
          </thead>
          <tbody>
            {seats.flatMap((seat) =>
              seat.mandates.map((m) => {
                const entry = entries[m.id];
                const alternates = seat.mandates.filter((a) => a.role === "ALTERNATE");
                const statuses = m.role === "FULL_MEMBER" ? [] : ["SUBSTITUTED"];
                return (
                  <tr key={m.id}>
                    <td>
                      {seat.position}. {SECTOR[seat.sector]}
                    </td>
                    <th scope="row">
                      {m.person.displayName} ({MANDATE_ROLE[m.role]})
                    </th>
                    <td>
                      {standingIn.has(m.id) ? (
                        <span>Presente, substituindo {nameOf.get(standingIn.get(m.id)!)}</span>
                      ) : (
                        <>
                          <label htmlFor={`att-${m.id}`} className="visually-hidden">
                            Presença de {m.person.displayName}
                          </label>
                          <select id={`att-${m.id}`} value={entry.status} onChange={(e) => set(m.id, { status: e.target.value })}>
                            <Options labels={ATTENDANCE_STATUS} except={statuses} />
                          </select>
                        </>
                      )}
                    </td>
                    <td>
                      {entry.status === "SUBSTITUTED" && (
                        <>
                          <label htmlFor={`sub-${m.id}`} className="visually-hidden">
                            Suplente de {m.person.displayName}
                          </label>
                          <select id={`sub-${m.id}`} value={entry.substitute} onChange={(e) => set(m.id, { substitute: e.target.value })}>
                            <option value="">Escolha</option>
                            {alternates.map((a) => (
                              <option key={a.id} value={a.id}>
                                {a.person.displayName}
                              </option>
                            ))}
                          </select>
                        </>
                      )}
                    </td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
        {Object.entries(form.fields).map(([f, message]) => (
          <p key={f} className="error" role="alert">
            {message}
          </p>
        ))}
        <FormMessages general={form.general} done={form.done} />
        <Button type="submit" isDisabled={form.fetching || Object.keys(entries).length === 0}>
          {form.fetching ? "Registrando…" : "Registrar presença"}
        </Button>
      </Form>
    </section>
  );
}

/** Records a decision on an agenda item, with the count of votes (the outcome follows the count unless chosen). */
function DeliberationForm({ meeting, onDone }: { meeting: MeetingView; onDone: () => void }) {
  const items = meeting.agenda.filter((i) => i.kind === "DELIBERATION" || i.kind === "OTHER");
  const form = useWriteForm({ agendaItemId: items[0]?.id ?? meeting.agenda[0]?.id ?? "", text: "", votesFor: "0", votesAgainst: "0", abstentions: "0", outcome: "" }, RecordDeliberation, [
    "agendaItemId",
    "text",
    "votesFor",
    "votesAgainst",
    "abstentions",
  ]);
  const v = form.values;
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const counts = [v.votesFor, v.votesAgainst, v.abstentions].map(Number);
    if (!v.text.trim()) return form.refuse("text", "Escreva o que foi deliberado.");
    if (counts.some((n) => !Number.isInteger(n) || n < 0)) return form.refuse("votesFor", "Os votos são números inteiros, 0 ou mais.");
    const data = await form.submit(
      (idempotencyKey) => ({
        input: {
          meetingId: meeting.id,
          agendaItemId: v.agendaItemId,
          text: v.text.trim(),
          votesFor: counts[0],
          votesAgainst: counts[1],
          abstentions: counts[2],
          outcome: (v.outcome || null) as never,
          idempotencyKey,
        },
      }),
      (d) => `Deliberação registrada: ${OUTCOME[d.recordDeliberation.deliberation.outcome].toLowerCase()}.`,
    );
    if (data) onDone();
  };
  const count = (name: "votesFor" | "votesAgainst" | "abstentions", label: string) => (
    <TextField name={name} className="field" value={v[name]} onChange={(value) => form.change({ [name]: value })} isRequired>
      <Label>{label}</Label>
      <Input type="number" min={0} className="count" />
      <FieldError className="error" />
    </TextField>
  );
  return (
    <section aria-labelledby="deliberation-title" className="card">
      <h2 id="deliberation-title">Registrar deliberação</h2>
      <Form onSubmit={submit} validationErrors={form.fields} validationBehavior="aria">
        <div className="field">
          <label htmlFor="deliberation-item">Item da pauta</label>
          <select id="deliberation-item" value={v.agendaItemId} onChange={(e) => form.change({ agendaItemId: e.target.value })}>
            {meeting.agenda.map((item) => (
              <option key={item.id} value={item.id}>
                {item.position}. {item.title}
              </option>
            ))}
          </select>
        </div>
        <TextField name="text" className="field" value={v.text} onChange={(text) => form.change({ text })} maxLength={20000} isRequired>
          <Label>Deliberação</Label>
          <Input />
          <FieldError className="error" />
        </TextField>
        <div className="row">
          {count("votesFor", "A favor")}
          {count("votesAgainst", "Contra")}
          {count("abstentions", "Abstenções")}
          <div className="field">
            <label htmlFor="deliberation-outcome">Resultado</label>
            <select id="deliberation-outcome" value={v.outcome} onChange={(e) => form.change({ outcome: e.target.value })}>
              <option value="">Conforme a votação</option>
              <Options labels={OUTCOME} />
            </select>
          </div>
        </div>
        <FormMessages general={form.general} done={form.done} />
        <Button type="submit" isDisabled={form.fetching}>
          {form.fetching ? "Registrando…" : "Registrar deliberação"}
        </Button>
      </Form>
    </section>
  );
}
