import { codesOf, gql, mintToken, startSystem, TEST_AUTH, TEST_KEY_ID, TEST_PRIVATE_KEY_PEM, TEST_PUBLIC_KEY_PEM, type RunningSystem } from "@contagem/testkit";
import { SignJWT, base64url, generateKeyPair, importPKCS8 } from "jose";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFINITIONS, ROOT } from "./artifacts";

/** Forged and invalid tokens, each refused with UNAUTHENTICATED and a clear message, never a 500. */
let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"));
});
afterAll(() => system.stop());

const secret = new TextEncoder().encode(TEST_AUTH.secret);
const now = () => Math.floor(Date.now() / 1000);
const claims = (extra: Record<string, unknown> = {}) => ({
  sub: "someone",
  roles: ["ADMIN"],
  iss: TEST_AUTH.issuer,
  aud: TEST_AUTH.audience,
  iat: now(),
  exp: now() + 300,
  ...extra,
});
const hs256 = (payload: Record<string, unknown>, header: Record<string, unknown> = {}) =>
  new SignJWT(payload).setProtectedHeader({ alg: "HS256", ...header }).sign(secret);
const unsigned = (payload: Record<string, unknown>) =>
  `${base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }))}.${base64url.encode(JSON.stringify(payload))}.`;

type Case = [name: string, header: () => Promise<string>, message: RegExp];

const cases: Case[] = [
  ["alg none (no signature)", async () => `Bearer ${unsigned(claims())}`, /algorithm "none" is not accepted/],
  ["signature stripped", async () => `Bearer ${(await hs256(claims())).replace(/\.[^.]+$/, ".")}`, /signature is invalid|Malformed/],
  ["signature of another secret", async () => `Bearer ${await new SignJWT(claims()).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode("another-secret-another-secret-0000"))}`, /signature is invalid/],
  ["HS256 signed with the public key (algorithm confusion)", async () => `Bearer ${await new SignJWT(claims()).setProtectedHeader({ alg: "HS256", kid: TEST_KEY_ID }).sign(new TextEncoder().encode(TEST_PUBLIC_KEY_PEM))}`, /signature is invalid/],
  ["unknown kid", async () => `Bearer ${await new SignJWT(claims()).setProtectedHeader({ alg: "RS256", kid: "rotated-away" }).sign(await importPKCS8(TEST_PRIVATE_KEY_PEM, "RS256"))}`, /key id \(kid\) is unknown/],
  ["RS256 signed by a foreign key under our kid", async () => `Bearer ${await new SignJWT(claims()).setProtectedHeader({ alg: "RS256", kid: TEST_KEY_ID }).sign((await generateKeyPair("RS256")).privateKey)}`, /signature is invalid/],
  ["expired", async () => `Bearer ${await hs256(claims({ exp: now() - 3600 }))}`, /expired/],
  ["not yet valid", async () => `Bearer ${await hs256(claims({ nbf: now() + 3600 }))}`, /not yet valid/],
  ["wrong audience", async () => `Bearer ${await hs256(claims({ aud: "another-api" }))}`, /"aud" is not accepted/],
  ["wrong issuer", async () => `Bearer ${await hs256(claims({ iss: "https://evil.example" }))}`, /"iss" is not accepted/],
  ["missing exp", async () => `Bearer ${await hs256(claims({ exp: undefined }))}`, /no "exp" claim/],
  ["missing sub", async () => `Bearer ${await hs256(claims({ sub: undefined }))}`, /no "sub" claim/],
  ["Basic scheme", async () => `Basic ${Buffer.from("admin:admin").toString("base64")}`, /expected "Bearer <JWT>"/],
  ["two tokens", async () => `Bearer ${await hs256(claims())} ${await hs256(claims())}`, /expected "Bearer <JWT>"/],
  ["two headers joined", async () => `Bearer ${await hs256(claims())}, Bearer ${await hs256(claims())}`, /expected "Bearer <JWT>"/],
  ["scheme without token", async () => "Bearer", /expected "Bearer <JWT>"/],
  ["not a JWT", async () => "Bearer not-a-jwt", /expected "Bearer <JWT>"/],
  ["header that is not JSON", async () => `Bearer ${base64url.encode("nope")}.${base64url.encode("{}")}.sig`, /header is not JSON/],
  // Validly signed, with claims of the wrong shape: unusable, as a forged token is.
  ["sub with a NUL", async () => `Bearer ${await hs256(claims({ sub: "a\u0000b" }))}`, /"sub" is not accepted/],
  ["sub with a control character", async () => `Bearer ${await hs256(claims({ sub: "a\u001bb" }))}`, /"sub" is not accepted/],
  ["sub with a lone surrogate", async () => `Bearer ${await hs256(claims({ sub: "a\ud800" }))}`, /"sub" is not accepted/],
  ["sub of 201 characters", async () => `Bearer ${await hs256(claims({ sub: "x".repeat(201) }))}`, /"sub" is not accepted/],
  ["sub that is a number", async () => `Bearer ${await hs256(claims({ sub: 42 }))}`, /"sub"/],
  ["roles as a string", async () => `Bearer ${await hs256(claims({ roles: "ADMIN" }))}`, /"roles" is not accepted/],
  ["roles with an unknown role", async () => `Bearer ${await hs256(claims({ roles: ["ADMIN", "GOD"] }))}`, /"roles" is not accepted/],
  ["roles with an object", async () => `Bearer ${await hs256(claims({ roles: [{ $ne: null }] }))}`, /"roles" is not accepted/],
  ["councils as a string", async () => `Bearer ${await hs256(claims({ roles: ["SECRETARY"], councils: "compur" }))}`, /"councils" is not accepted/],
  ["councils with an object", async () => `Bearer ${await hs256(claims({ roles: ["SECRETARY"], councils: [{ id: 1 }] }))}`, /"councils" is not accepted/],
  ["councils with id 0", async () => `Bearer ${await hs256(claims({ roles: ["SECRETARY"], councils: [0] }))}`, /"councils" is not accepted/],
  ["councils with a fraction", async () => `Bearer ${await hs256(claims({ roles: ["SECRETARY"], councils: [1.5] }))}`, /"councils" is not accepted/],
  ["councils with an id beyond int4", async () => `Bearer ${await hs256(claims({ roles: ["SECRETARY"], councils: ["99999999999"] }))}`, /"councils" is not accepted/],
  ["councils with a NUL", async () => `Bearer ${await hs256(claims({ roles: ["SECRETARY"], councils: ["com\u0000pur"] }))}`, /"councils" is not accepted/],
  ["councils of 101 slugs", async () => `Bearer ${await hs256(claims({ roles: ["SECRETARY"], councils: Array.from({ length: 101 }, (_, i) => `c${i}`) }))}`, /"councils" is not accepted/],
];

const COUNCILS = `{ councils(first: 1) { totalCount } }`;

describe.each([
  ["the councils subgraph directly", () => system.subgraphs.councils.url, COUNCILS],
  ["the participation subgraph directly", () => system.subgraphs.participation.url, `{ processes(first: 1) { totalCount } }`],
  ["the gateway", () => system.gatewayUrl, COUNCILS],
])("bearer tokens sent to %s", (_where, url, QUERY) => {
  it.each(cases)("refuses %s with UNAUTHENTICATED", async (_name, header, message) => {
    const res = await gql(url(), QUERY, undefined, { headers: { authorization: await header() } });
    expect(res.status).toBe(401);
    expect(codesOf(res)).toEqual(["UNAUTHENTICATED"]);
    expect(res.errors![0].message).toMatch(message);
  });

  it.each([["HS256"], ["RS256"]] as const)("accepts a valid %s token", async (alg) => {
    const res = await gql(url(), QUERY, undefined, { token: await mintToken({ alg, roles: ["CITIZEN"] }) });
    expect(res.errors).toBeUndefined();
    expect(Object.values(res.data)).toEqual([{ totalCount: expect.any(Number) }]);
  });

  it("accepts well-formed claims: council ids as numbers or strings, and slugs", async () => {
    const header = `Bearer ${await hs256(claims({ roles: ["SECRETARY", "CITIZEN"], councils: [4, "4", "compur", "conselho-de-saude"], sub: "auth0|64f1c2-é" }))}`;
    const res = await gql(url(), QUERY, undefined, { headers: { authorization: header } });
    expect(res.errors).toBeUndefined();
  });

  it.each([["bearer "], ["BEARER "], ["bEaReR "], ["Bearer   "]])(
    "accepts the scheme written %j (RFC 9110 §11.4: case-insensitive, then one or more spaces)",
    async (scheme) => {
    const res = await gql(url(), QUERY, undefined, { headers: { authorization: `${scheme}${await mintToken({ roles: ["CITIZEN"] })}` } });
    expect({ status: res.status, errors: res.errors }).toEqual({ status: 200, errors: undefined });
  },
  );

  it("serves anonymous reads without a token", async () => {
    const res = await gql(url(), QUERY);
    expect(res.errors).toBeUndefined();
  });
});

it.each([
  ["the gateway", () => system.gatewayUrl],
  ["the participation subgraph directly", () => system.subgraphs.participation.url],
])("through %s, a write by a token whose sub holds a NUL is refused before anything is written", async (_where, url) => {
  const authorization = `Bearer ${await hs256(claims({ roles: ["CITIZEN"], sub: "a\u0000b" }))}`;
  const res = await gql(url(), `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { personalData { id } } }`, {
    i: { fullName: "Participante de Teste", email: "teste@exemplo.invalid", birthDate: "1990-05-01" },
  }, { headers: { authorization } });
  expect({ status: res.status, codes: codesOf(res) }).toEqual({ status: 401, codes: ["UNAUTHENTICATED"] });
});
