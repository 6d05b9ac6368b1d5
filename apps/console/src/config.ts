/** What the gateway tells the console at start (`/console/config.json`; never a secret). */
export type SignInConfig = { kind: "development" } | { kind: "none" } | { kind: "oidc"; authority: string; clientId: string; scope: string };

export interface ConsoleConfig {
  graphql: string;
  signIn: SignInConfig;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch("/console/config.json", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return (await response.json()) as ConsoleConfig;
}
