import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../gql";
import { namesCouncil, type Session } from "../session";

const Councils = graphql(`
  query ConsoleCouncils {
    councils(first: 100) {
      edges {
        node {
          id
          databaseId
          slug
          acronym
          name
          currentTerm {
            label
          }
          nextMeeting {
            startsAt
          }
        }
      }
    }
  }
`);

/** The councils the token names (by slug, id or global id): the only ones a secretary can write for. */
export function CouncilsPage({ session }: { session: Session }) {
  const [{ data, fetching, error }] = useQuery({ query: Councils });
  const mine = (data?.councils?.edges ?? []).map((e) => e.node).filter((c) => namesCouncil(session, c));
  return (
    <section aria-labelledby="councils-title">
      <h1 id="councils-title">Seus conselhos</h1>
      {fetching && !data && <p aria-busy="true">Carregando…</p>}
      {error && <p role="alert">Não foi possível carregar os conselhos.</p>}
      {data && mine.length === 0 && <p>Seu acesso não nomeia nenhum conselho. Peça à administração que inclua o seu.</p>}
      <ul className="cards">
        {mine.map((council) => (
          <li key={council.id} className="card">
            <h2>
              <Link href={`/conselhos/${council.slug}`}>{council.acronym ? `${council.acronym} — ${council.name}` : council.name}</Link>
            </h2>
            <p>{council.currentTerm ? `Gestão ${council.currentTerm.label}` : "Sem gestão em curso"}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
