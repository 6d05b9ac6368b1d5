import { useEffect, useMemo, useState } from "react";
import { Provider } from "urql";
import { Link, Route, Router, Switch } from "wouter";
import { createClient } from "./client";
import type { ConsoleConfig } from "./config";
import { completeOidcSignIn } from "./oidc";
import { PageAnnouncer } from "./page-announcer";
import { CouncilPage } from "./pages/council";
import { CouncilsPage } from "./pages/councils";
import { MeetingPage } from "./pages/meeting";
import { SignInPage } from "./pages/sign-in";
import { getSession, onSession, setSession, type Session } from "./session";

function useSession(): Session | null {
  const [session, set] = useState(getSession());
  useEffect(() => onSession(set), []);
  return session;
}

/** The console: sign-in first; then the councils of the token, each with its term, members and meetings. */
export function App({ config }: { config: ConsoleConfig }) {
  const session = useSession();
  // One client per session: a new sign-in never sees the previous one's cached answers.
  const client = useMemo(() => createClient(config.graphql), [config.graphql, session?.token]);
  const [callbackError, setCallbackError] = useState<string | null>(null);
  useEffect(() => {
    if (config.signIn.kind === "oidc" && location.pathname === "/console/callback") {
      completeOidcSignIn(config.signIn).then(
        () => history.replaceState(null, "", "/console/"),
        () => setCallbackError("A entrada pelo provedor de identidade falhou. Tente de novo."),
      );
    }
  }, [config.signIn]);

  return (
    <Provider value={client}>
      <Router base="/console">
        <PageAnnouncer main="main" signedIn={Boolean(session)} />
        <a className="skip" href="#main">
          Pular para o conteúdo
        </a>
        <header className="top">
          <Link href="/" className="brand">
            Console dos conselhos · Contagem
          </Link>
          {session && (
            <div className="who">
              <span>
                Conectado como <strong>{session.subject}</strong>
              </span>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  const end = session.signOut;
                  setSession(null);
                  void end?.();
                }}
              >
                Sair
              </button>
            </div>
          )}
        </header>
        <main id="main">
          {callbackError && <p role="alert">{callbackError}</p>}
          {!session ? (
            <SignInPage config={config} />
          ) : (
            <Switch>
              <Route path="/">
                <CouncilsPage session={session} />
              </Route>
              <Route path="/conselhos/:slug/reunioes/:id">{(params) => <MeetingPage id={decodeURIComponent(params.id)} session={session} />}</Route>
              <Route path="/conselhos/:slug">{(params) => <CouncilPage slug={params.slug} session={session} />}</Route>
              <Route>
                <h1>Página não encontrada</h1>
                <Link href="/">Voltar aos conselhos</Link>
              </Route>
            </Switch>
          )}
        </main>
      </Router>
    </Provider>
  );
}
