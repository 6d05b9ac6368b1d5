import { useState } from "react";
import { useQuery } from "urql";
import type { ConsoleConfig } from "../config";
import { graphql } from "../gql";
import { oidcManager } from "../oidc";
import { sessionFromToken, setSession } from "../session";

const CouncilChoices = graphql(`
  query ConsoleCouncilChoices {
    councils(first: 100) {
      edges {
        node {
          id
          slug
          acronym
          name
        }
      }
    }
  }
`);

/** The development sign-in: pick a council, get a SECRETARY token for it (only where `npm start` made the secret). */
function DevelopmentSignIn() {
  const [{ data, fetching, error }] = useQuery({ query: CouncilChoices });
  const [council, setCouncil] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!council) return setProblem("Escolha um conselho.");
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch("/console/dev-sign-in", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ council }),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`);
      setSession(sessionFromToken(body.token));
    } catch (e) {
      setProblem(`Não foi possível entrar: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  const councils = data?.councils?.edges.map((e) => e.node) ?? [];
  return (
    <form onSubmit={submit} className="card" aria-describedby="dev-note">
      <p id="dev-note" className="note">
        Ambiente de desenvolvimento: a entrada abaixo emite um token de secretaria para o conselho escolhido. Em produção,
        entra-se pelo provedor de identidade da Prefeitura.
      </p>
      {error && <p role="alert">Não foi possível listar os conselhos.</p>}
      <label htmlFor="council">Conselho</label>
      <select id="council" value={council} onChange={(e) => setCouncil(e.target.value)} disabled={fetching} required>
        <option value="">{fetching ? "Carregando…" : "Escolha o conselho"}</option>
        {councils.map((c) => (
          <option key={c.id} value={c.slug}>
            {c.acronym ? `${c.acronym} — ${c.name}` : c.name}
          </option>
        ))}
      </select>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? "Entrando…" : "Entrar como secretaria"}
      </button>
    </form>
  );
}

export function SignInPage({ config }: { config: ConsoleConfig }) {
  const signIn = config.signIn;
  return (
    <section aria-labelledby="sign-in-title" className="narrow">
      <h1 id="sign-in-title">Entrar</h1>
      <p>Secretarias dos conselhos municipais de Contagem publicam aqui reuniões, presenças, deliberações, atas e resoluções.</p>
      {signIn.kind === "development" && <DevelopmentSignIn />}
      {signIn.kind === "oidc" && (
        <button type="button" onClick={() => void oidcManager(signIn).signinRedirect()}>
          Entrar com a conta da Prefeitura
        </button>
      )}
      {signIn.kind === "none" && (
        <p role="alert">
          Nenhuma forma de entrada está configurada. A equipe de TI deve definir CONSOLE_OIDC_ISSUER e CONSOLE_OIDC_CLIENT_ID (README,
          “Configuração”).
        </p>
      )}
    </section>
  );
}
