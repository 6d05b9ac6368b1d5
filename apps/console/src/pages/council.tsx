import { useQuery } from "urql";
import { Link } from "wouter";
import { showCivil, showDate } from "../civil-time";
import { graphql } from "../gql";
import { BOARD_ROLE, MEETING_STATUS, MEETING_TYPE, MODALITY, QUORUM_RULE, SECTOR } from "../labels";
import { namesCouncil, type Session } from "../session";
import { AppointMandateForm } from "./appoint-mandate";
import { OpenTermForm } from "./open-term";
import { ScheduleMeetingForm } from "./schedule-meeting";

const CouncilDetail = graphql(`
  query ConsoleCouncil($slug: String!) {
    council(slug: $slug) {
      id
      databaseId
      slug
      acronym
      name
      rules {
        ordinaryMeetingsPerYear
        ordinaryNoticeDays
        extraordinaryNoticeHours
        quorumRule
        termLengthYears
        parity
      }
      seatRules {
        sector
        segment
        fullMemberSeats
      }
      currentTerm {
        id
        label
        startsOn
        endsOn
        seats {
          id
          position
          sector
          segment
          organization {
            name
          }
          mandates {
            id
            role
            boardRole
            startsOn
            endsOn
            person {
              displayName
            }
          }
        }
      }
      minutes(first: 50, filter: { status: DRAFT }) {
        edges {
          node {
            id
            label
          }
        }
      }
      meetings(first: 20) {
        totalCount
        edges {
          node {
            id
            sequenceLabel
            type
            modality
            status
            startsAt
            startTimeStated
            place
          }
        }
      }
    }
  }
`);

/** A council as its secretary works on it: rules, the current term's seats and members, and its meetings. */
export function CouncilPage({ slug, session }: { slug: string; session: Session }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: CouncilDetail, variables: { slug } });
  const council = data?.council;
  const reload = () => refetch({ requestPolicy: "network-only" });
  if (fetching && !data) return <p aria-busy="true">Carregando…</p>;
  if (error) return <p role="alert">Não foi possível carregar o conselho.</p>;
  if (!council) {
    return (
      <>
        <h1>Conselho não encontrado</h1>
        <Link href="/">Voltar aos conselhos</Link>
      </>
    );
  }
  const mayWrite = namesCouncil(session, council);
  const rules = council.rules;
  const term = council.currentTerm;
  return (
    <article aria-labelledby="council-title">
      <nav aria-label="Trilha">
        <Link href="/">Seus conselhos</Link> › <span aria-current="page">{council.acronym ?? council.name}</span>
      </nav>
      <h1 id="council-title">{council.acronym ? `${council.acronym} — ${council.name}` : council.name}</h1>

      <section aria-labelledby="rules-title" className="card">
        <h2 id="rules-title">Regras</h2>
        <dl className="facts">
          <dt>Reuniões ordinárias por ano</dt>
          <dd>{rules.ordinaryMeetingsPerYear ?? "não informado"}</dd>
          <dt>Antecedência da convocação ordinária</dt>
          <dd>{rules.ordinaryNoticeDays != null ? `${rules.ordinaryNoticeDays} dias` : "não informada"}</dd>
          <dt>Antecedência da convocação extraordinária</dt>
          <dd>{rules.extraordinaryNoticeHours != null ? `${rules.extraordinaryNoticeHours} horas` : "não informada"}</dd>
          <dt>Quórum</dt>
          <dd>{rules.quorumRule ? QUORUM_RULE[rules.quorumRule] : "não informado"}</dd>
          <dt>Duração da gestão</dt>
          <dd>{rules.termLengthYears != null ? `${rules.termLengthYears} anos` : "não informada"}</dd>
          <dt>Paritário</dt>
          <dd>{rules.parity == null ? "não informado" : rules.parity ? "sim" : "não"}</dd>
        </dl>
      </section>

      <section aria-labelledby="term-title">
        <h2 id="term-title">{term ? `Gestão ${term.label} (${showDate(term.startsOn)} a ${showDate(term.endsOn)})` : "Sem gestão em curso"}</h2>
        {term && (
          <table>
            <caption>Assentos e membros da gestão em curso</caption>
            <thead>
              <tr>
                <th scope="col">Assento</th>
                <th scope="col">Segmento</th>
                <th scope="col">Titular</th>
                <th scope="col">Suplente</th>
              </tr>
            </thead>
            <tbody>
              {term.seats.map((seat) => {
                const current = seat.mandates.filter((m) => !m.endsOn);
                const person = (role: string) =>
                  current
                    .filter((m) => m.role === role)
                    .map((m) => `${m.person.displayName}${m.boardRole ? ` (${BOARD_ROLE[m.boardRole]})` : ""}`)
                    .join(", ") || "vago";
                return (
                  <tr key={seat.id}>
                    <th scope="row">{seat.position}</th>
                    <td>
                      {SECTOR[seat.sector]}
                      {seat.segment ? ` — ${seat.segment}` : ""}
                      {seat.organization ? ` (${seat.organization.name})` : ""}
                    </td>
                    <td>{person("FULL_MEMBER")}</td>
                    <td>{person("ALTERNATE")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {mayWrite && !term && (
          <OpenTermForm councilId={council.id} termLengthYears={rules.termLengthYears ?? null} seatRules={council.seatRules} onOpened={reload} />
        )}
        {mayWrite && term && <AppointMandateForm seats={term.seats} onAppointed={reload} />}
      </section>

      <section aria-labelledby="meetings-title">
        <h2 id="meetings-title">Reuniões ({council.meetings?.totalCount ?? "?"})</h2>
        <table>
          <caption>As 20 reuniões mais recentes</caption>
          <thead>
            <tr>
              <th scope="col">Reunião</th>
              <th scope="col">Data e hora</th>
              <th scope="col">Modalidade</th>
              <th scope="col">Local</th>
              <th scope="col">Situação</th>
            </tr>
          </thead>
          <tbody>
            {(council.meetings?.edges ?? []).map(({ node: m }) => (
              <tr key={m.id}>
                <th scope="row">
                  <Link href={`/conselhos/${council.slug}/reunioes/${encodeURIComponent(m.id)}`}>{m.sequenceLabel}</Link> ({MEETING_TYPE[m.type]})
                </th>
                <td>{m.startTimeStated ? showCivil(m.startsAt) : `${showCivil(m.startsAt).split(",")[0]} (hora não informada)`}</td>
                <td>{MODALITY[m.modality]}</td>
                <td>{m.place ?? "—"}</td>
                <td>{MEETING_STATUS[m.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {mayWrite && <ScheduleMeetingForm councilId={council.id} drafts={(council.minutes?.edges ?? []).map((e) => e.node)} onScheduled={reload} />}
    </article>
  );
}
