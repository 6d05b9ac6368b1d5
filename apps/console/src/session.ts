/**
 * The signed-in secretary: the bearer token and what it says, kept in this tab's memory only (never localStorage or
 * sessionStorage, where any script of the origin could read it later). Reloading the page signs out.
 */
export interface Session {
  token: string;
  /** The token's subject, shown as "signed in as". */
  subject: string;
  roles: string[];
  /** The councils (slugs or ids) the token lets its holder write for. */
  councils: string[];
  /** Seconds since the epoch. */
  expiresAt: number;
  /** How the session ends at the provider too (OpenID Connect), if it does. */
  signOut?: () => Promise<void>;
}

type Listener = (session: Session | null) => void;
let current: Session | null = null;
const listeners = new Set<Listener>();

/** Reads a JWT's claims for display; the server verifies the token on every request, the browser never trusts it. */
export function claimsOf(token: string): Record<string, unknown> {
  const part = token.split(".")[1];
  if (!part) throw new Error("not a JWT");
  const json = atob(part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "="));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
}

export function sessionFromToken(token: string, signOut?: () => Promise<void>): Session {
  const claims = claimsOf(token);
  const strings = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  return {
    token,
    subject: String(claims.name ?? claims.preferred_username ?? claims.sub ?? ""),
    roles: strings(claims.roles),
    councils: strings(claims.councils),
    expiresAt: Number(claims.exp ?? 0),
    signOut,
  };
}

export function getSession(): Session | null {
  if (current && current.expiresAt * 1000 <= Date.now()) setSession(null);
  return current;
}

export function setSession(session: Session | null): void {
  current = session;
  for (const listener of listeners) listener(session);
}

export function onSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Whether the token names this council (a token's `councils` claim holds slugs, integer ids or global ids): the
 * councils a secretary may write for. The server decides; this only shows or hides the forms.
 */
export function namesCouncil(session: Session, council: { id: string; slug: string; databaseId: number }): boolean {
  return session.councils.some((c) => c === council.slug || c === council.id || c === String(council.databaseId));
}
