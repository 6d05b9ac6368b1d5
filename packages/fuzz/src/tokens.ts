import { createHmac } from "node:crypto";
import type { Random } from "./random";

/** How the system under test verifies tokens: the development HS256 secret, issuer and audience. */
export interface TokenSettings {
  secret: string;
  issuer: string;
  audience: string;
}

export interface Credential {
  /** Who the token claims to be, as reported (`anonymous`, `ADMIN`, `expired`, …). */
  as: string;
  /** The Authorization header, if any. */
  authorization?: string;
  /** True when the header carries a token the system accepts or nearly so: never written to a report. */
  secret: boolean;
  /** The system must refuse it (401 or an earlier refusal), never answer with data. */
  refused?: boolean;
  /** A valid token in a header spelled otherwise (`bearer`): refusing it with a 401 is a bug (RFC 9110 §11.1). */
  valid?: boolean;
}

const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

function sign(header: object, claims: object, secret: string): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
}

/**
 * Every identity a fuzzed request may carry: each role the product knows, secretaries of the council under
 * attack and of another, and tokens that must be refused (expired, forged, `alg: none`, claims of the wrong type).
 * Signed with node:crypto rather than a JWT library, because a library refuses to mint most of these.
 */
export function credentials(settings: TokenSettings, now = Date.now()): Credential[] {
  const seconds = Math.floor(now / 1000);
  const base = { iss: settings.issuer, aud: settings.audience, iat: seconds, exp: seconds + 3600 };
  const hs = { alg: "HS256", typ: "JWT" };
  const valid = (as: string, claims: object): Credential => ({
    as,
    authorization: `Bearer ${sign(hs, { ...base, ...claims }, settings.secret)}`,
    secret: true,
  });
  const garbage = (as: string, authorization: string, secret = false): Credential => ({ as, authorization, secret, refused: true });
  const refused = (as: string, claims: object): Credential => ({ ...valid(as, claims), refused: true });
  // Signed, well-formed, with claims no identity provider issues: each must be refused or handled, never a 500.
  const hostile = (as: string, claims: object): Credential => valid(`claims:${as}`, { sub: "fuzz-hostile", roles: ["CITIZEN"], councils: [], ...claims });
  const token = sign(hs, { ...base, sub: "fuzz-admin", roles: ["ADMIN"] }, settings.secret);
  return [
    { as: "anonymous", secret: false },
    valid("CITIZEN", { sub: "fuzz-citizen-1", roles: ["CITIZEN"], councils: [] }),
    valid("CITIZEN#2", { sub: "fuzz-citizen-2", roles: ["CITIZEN"], councils: [] }),
    valid("SECRETARY(compur)", { sub: "fuzz-secretary-compur", roles: ["SECRETARY"], councils: ["compur"] }),
    valid("SECRETARY(4)", { sub: "fuzz-secretary-4", roles: ["SECRETARY"], councils: ["4"] }),
    valid("SECRETARY(cmsc)", { sub: "fuzz-secretary-cmsc", roles: ["SECRETARY"], councils: ["cmsc"] }),
    valid("STAFF", { sub: "fuzz-staff", roles: ["STAFF"], councils: [] }),
    valid("ADMIN", { sub: "fuzz-admin", roles: ["ADMIN"], councils: [] }),
    refused("expired", { sub: "fuzz-admin", roles: ["ADMIN"], councils: [], iat: seconds - 7200, exp: seconds - 3600 }),
    refused("not-yet-valid", { sub: "fuzz-admin", roles: ["ADMIN"], councils: [], nbf: seconds + 86_400 }),
    refused("wrong-audience", { sub: "fuzz-admin", roles: ["ADMIN"], aud: "someone-else" }),
    valid("roles-as-string", { sub: "fuzz-admin", roles: "ADMIN", councils: "compur" }),
    valid("roles-unknown", { sub: "fuzz-x", roles: ["ROOT", null, 1], councils: [null, {}, 4] }),
    refused("sub-not-string", { sub: 12345, roles: ["CITIZEN"], councils: [] }),
    refused("no-sub", { roles: ["ADMIN"], councils: [] }),
    valid("exp-huge", { sub: "fuzz-admin", roles: ["ADMIN"], exp: 1e21 }),
    refused("exp-string", { sub: "fuzz-admin", roles: ["ADMIN"], exp: "tomorrow" }),
    valid("many-councils", { sub: "fuzz-secretary", roles: ["SECRETARY"], councils: Array.from({ length: 2000 }, (_, i) => `c${i}`) }),
    hostile("sub-NUL", { sub: "fuzz\u0000citizen" }),
    hostile("sub-control-chars", { sub: "fuzz\u0001\u001b[31m\r\nX-Injected: 1\u007f" }),
    hostile("sub-lone-surrogate", { sub: "fuzz\ud800" }),
    hostile("sub-2000-chars", { sub: "s".repeat(2000) }),
    hostile("sub-100k-chars", { sub: "s".repeat(100_000) }),
    hostile("secretary-sub-NUL", { sub: "fuzz\u0000secretary", roles: ["SECRETARY"], councils: ["compur", "4"] }),
    hostile("roles-object", { roles: { ADMIN: true } }),
    hostile("roles-number", { roles: 1 }),
    hostile("roles-null", { roles: null }),
    hostile("roles-nested", { roles: [["ADMIN"], "admin", " ADMIN", "ADMIN\u0000"] }),
    hostile("councils-junk", { roles: ["SECRETARY"], councils: ["compur", -1, "-1", 0, 1e21, 4.5, "", "\u0000", "4 OR 1=1", true] }),
    hostile("councils-negative", { roles: ["SECRETARY"], councils: [-4, -1] }),
    hostile("councils-object", { roles: ["SECRETARY"], councils: { compur: true } }),
    hostile("proto-claims", JSON.parse('{"__proto__":{"roles":["ADMIN"]},"constructor":{"prototype":{"admin":true}}}')),
    garbage("forged", `Bearer ${sign(hs, { ...base, sub: "fuzz-admin", roles: ["ADMIN"] }, "not-the-secret-not-the-secret-0123")}`),
    garbage("alg-none", `Bearer ${b64({ alg: "none", typ: "JWT" })}.${b64({ ...base, sub: "fuzz-admin", roles: ["ADMIN"] })}.`),
    { as: "lowercase-scheme", authorization: `bearer ${token}`, secret: true, valid: true },
    { as: "uppercase-scheme", authorization: `BEARER ${token}`, secret: true, valid: true },
    { as: "two-spaces", authorization: `Bearer  ${token}`, secret: true, valid: true },
    garbage("garbage", "Bearer not.a.jwt"),
    garbage("garbage-empty", "Bearer "),
    garbage("garbage-basic", "Basic Zm9vOmJhcg=="),
    garbage("garbage-header", `Bearer ${b64("{not json")}.${b64({})}.x`),
    garbage("garbage-long", `Bearer ${"a".repeat(8000)}`),
  ];
}

/** One credential: roles that pass the verifier most of the time, the refused ones the rest. */
export function pickCredential(all: Credential[], rnd: Random, anonymousShare: number): Credential {
  if (rnd.chance(anonymousShare)) return all[0];
  const roles = all.filter((c) => /^(CITIZEN|SECRETARY|STAFF|ADMIN)/.test(c.as));
  return rnd.chance(0.75) ? rnd.pick(roles) : rnd.pick(all.slice(1));
}

/** How to mint the same identity by hand (`npm run token`), for reproducers; undefined for the crafted ones. */
export function tokenCommand(as: string): string | undefined {
  const role = /^(CITIZEN|STAFF|ADMIN)/.exec(as)?.[1];
  if (role) return `npm run -s token -- --role ${role}${role === "CITIZEN" ? ` --sub fuzz-citizen-${as.endsWith("#2") ? 2 : 1}` : ""}`;
  const council = /^SECRETARY\((.+)\)$/.exec(as)?.[1];
  return council ? `npm run -s token -- --role SECRETARY --council ${council}` : undefined;
}
