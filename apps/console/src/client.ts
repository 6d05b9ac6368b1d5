import { Client, cacheExchange, fetchExchange } from "@urql/core";
import { getSession, setSession } from "./session";

/**
 * The console's GraphQL client: the gateway's /graphql with the session's bearer token. A 401 (expired or revoked
 * token) ends the session, which sends the secretary back to sign-in.
 */
export function createClient(url = "/graphql"): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    requestPolicy: "cache-and-network",
    fetchOptions: () => {
      const session = getSession();
      const headers: Record<string, string> = session ? { authorization: `Bearer ${session.token}` } : {};
      return { headers };
    },
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401 && getSession()) setSession(null);
      return response;
    },
  });
}

/** A fresh idempotency key: one per form submission, so a double click or a retry writes once. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
