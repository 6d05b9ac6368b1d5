import { InMemoryWebStorage, UserManager, WebStorageStateStore } from "oidc-client-ts";
import { sessionFromToken, setSession } from "./session";
import type { SignInConfig } from "./config";

/** The console's path the identity provider sends the browser back to. */
export const CALLBACK_PATH = "/console/callback";

let manager: UserManager | undefined;

/**
 * The city's OpenID Connect provider, authorization code with PKCE (oidc-client-ts). Tokens are kept in memory; only
 * the short-lived sign-in state (PKCE verifier, nonce) survives the redirect, in sessionStorage, as the flow needs.
 */
export function oidcManager(config: Extract<SignInConfig, { kind: "oidc" }>): UserManager {
  manager ??= new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${location.origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${location.origin}/console/`,
    response_type: "code",
    scope: config.scope,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    automaticSilentRenew: false,
  });
  return manager;
}

/** Completes the redirect: the access token (a JWT carrying `roles` and `councils`) becomes the session. */
export async function completeOidcSignIn(config: Extract<SignInConfig, { kind: "oidc" }>): Promise<void> {
  const m = oidcManager(config);
  const user = await m.signinRedirectCallback();
  setSession(sessionFromToken(user.access_token, () => m.signoutRedirect()));
}
