import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  exportJWK,
  importSPKI,
  jwtVerify,
  SignJWT,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { ConfigError, readInt, readOptional, readString, type Env } from "./config";
import { unauthenticated } from "./errors";
import { decodeGlobalId } from "./global-id";

export const ROLES = ["ADMIN", "STAFF", "SECRETARY", "CITIZEN"] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: the verified claims of a bearer token. Anonymous requests have no viewer. */
export interface Viewer {
  sub: string;
  roles: Role[];
  /** Council ids or slugs a SECRETARY serves. */
  councils: string[];
}

export interface AuthConfig {
  issuer: string;
  audience: string;
  /** HS256 shared secret (development and tests). */
  secret?: string;
  /** PEM public key (RS256/ES256/EdDSA), with the key id it is published under. */
  publicKey?: { pem: string; alg: string; kid?: string };
  /** JWKS endpoint of the identity provider (production). */
  jwksUrl?: string;
  clockToleranceSeconds: number;
}

const ASYMMETRIC = ["RS256", "PS256", "ES256", "EdDSA"];

export function readAuthConfig(env: Env): AuthConfig {
  const config: AuthConfig = {
    issuer: readString(env, "JWT_ISSUER", "contagem-dev"),
    audience: readString(env, "JWT_AUDIENCE", "contagem-participation-graph"),
    secret: readOptional(env, "JWT_SECRET"),
    jwksUrl: readOptional(env, "JWT_JWKS_URL"),
    clockToleranceSeconds: readInt(env, "JWT_CLOCK_TOLERANCE", 30, 0, 300),
  };
  const pem = readOptional(env, "JWT_PUBLIC_KEY");
  if (pem) {
    const alg = readString(env, "JWT_PUBLIC_KEY_ALG", "RS256");
    if (!ASYMMETRIC.includes(alg)) throw new ConfigError(`JWT_PUBLIC_KEY_ALG must be one of ${ASYMMETRIC.join(", ")}.`);
    config.publicKey = { pem: pem.replace(/\\n/g, "\n"), alg, kid: readOptional(env, "JWT_PUBLIC_KEY_KID") };
  }
  if (config.secret && config.secret.length < 32) throw new ConfigError("JWT_SECRET must be at least 32 characters.");
  if (!config.secret && !config.publicKey && !config.jwksUrl) {
    throw new ConfigError("Set JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL: without a key no token can be verified.");
  }
  return config;
}

export type Verifier = (authorization: string | undefined) => Promise<Viewer | null>;

/**
 * Builds the bearer-token verifier. Each key source admits only its own algorithms, so a token signed with HS256
 * using the public key as secret (algorithm confusion) or with `alg: none` never verifies.
 */
export async function createVerifier(config: AuthConfig): Promise<Verifier> {
  const sources: { algorithms: string[]; key: JWTVerifyGetKey | Uint8Array }[] = [];
  if (config.secret) sources.push({ algorithms: ["HS256"], key: new TextEncoder().encode(config.secret) });
  if (config.publicKey) {
    const { pem, alg, kid } = config.publicKey;
    const jwk = await exportJWK(await importSPKI(pem, alg));
    sources.push({ algorithms: [alg], key: createLocalJWKSet({ keys: [{ ...jwk, alg, kid, use: "sig" }] }) });
  }
  if (config.jwksUrl) sources.push({ algorithms: ASYMMETRIC, key: createRemoteJWKSet(new URL(config.jwksUrl)) });

  return async (authorization) => {
    if (authorization === undefined || authorization === "") return null;
    const token = bearerToken(authorization);
    const alg = headerAlg(token);
    const source = sources.find((s) => s.algorithms.includes(alg));
    if (!source) throw unauthenticated(`Token algorithm ${JSON.stringify(alg)} is not accepted.`);
    let payload: JWTPayload;
    try {
      const options = {
        algorithms: source.algorithms,
        issuer: config.issuer,
        audience: config.audience,
        clockTolerance: config.clockToleranceSeconds,
        requiredClaims: ["exp", "sub", "iss", "aud"],
      };
      ({ payload } =
        source.key instanceof Uint8Array
          ? await jwtVerify(token, source.key, options)
          : await jwtVerify(token, source.key, options));
    } catch (error) {
      throw unauthenticated(describe(error));
    }
    return toViewer(payload);
  };
}

function bearerToken(header: string): string {
  // RFC 9110 §11.4: the scheme is case-insensitive ("bearer", "BEARER") and one or more spaces follow it; the token
  // itself is case-sensitive.
  const match = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/i.exec(header);
  if (!match) {
    throw unauthenticated('Malformed Authorization header: expected "Bearer <JWT>".');
  }
  return match[1];
}

function headerAlg(token: string): string {
  try {
    const header = JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString("utf8"));
    return typeof header.alg === "string" ? header.alg : "";
  } catch {
    throw unauthenticated("Malformed token: its header is not JSON.");
  }
}

/** The longest `sub` a token may carry; real identity providers use UUIDs or short opaque ids. */
export const MAX_SUBJECT_LENGTH = 200;
/** More councils than any secretary serves: a claim this long is no list of ours. */
export const MAX_COUNCIL_CLAIMS = 100;
// C0 and C1 control characters, DEL included: no subject of ours contains one, and PostgreSQL text refuses NUL.
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const COUNCIL_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const COUNCIL_ID = /^[1-9][0-9]{0,9}$/;
const MAX_COUNCIL_ID = 2_147_483_647;

/**
 * The claims a request acts on, checked once here for the gateway and every subgraph alike: a validly signed token
 * whose claims are not of the shape the README states is as unusable as a forged one (UNAUTHENTICATED), rather than
 * a NUL in an audit row or an object where a council id belongs.
 */
function toViewer(payload: JWTPayload): Viewer {
  const { sub, roles = [], councils: claimed = [] } = payload as JWTPayload & { roles?: unknown; councils?: unknown };
  // A council's global id names it as its database id does (the form the policies compare).
  const councils = Array.isArray(claimed) ? claimed.map((c) => (typeof c === "string" && decodeGlobalId(c)?.type === "Council" ? decodeGlobalId(c)!.id : c)) : claimed;
  if (typeof sub !== "string" || sub === "") throw unauthenticated('Token has no "sub" claim.');
  if (sub.length > MAX_SUBJECT_LENGTH || CONTROL.test(sub) || !sub.isWellFormed()) {
    throw unauthenticated(`Token claim "sub" is not accepted: at most ${MAX_SUBJECT_LENGTH} characters, no control characters.`);
  }
  if (!Array.isArray(roles) || !roles.every((role) => ROLES.includes(role as Role))) {
    throw unauthenticated(`Token claim "roles" is not accepted: a list of ${ROLES.join(", ")}.`);
  }
  if (!Array.isArray(councils) || councils.length > MAX_COUNCIL_CLAIMS || !councils.every(isCouncilClaim)) {
    throw unauthenticated(`Token claim "councils" is not accepted: a list of at most ${MAX_COUNCIL_CLAIMS} council ids (positive integers or global ids) or slugs.`);
  }
  return { sub, roles: [...new Set(roles as Role[])], councils: councils.map(String) };
}

function isCouncilClaim(claim: unknown): boolean {
  if (typeof claim === "number") return Number.isSafeInteger(claim) && claim >= 1 && claim <= MAX_COUNCIL_ID;
  if (typeof claim !== "string") return false;
  // Digits only are an id, never a slug: "99999999999" names no council.
  if (/^[0-9]+$/.test(claim)) return COUNCIL_ID.test(claim) && Number(claim) <= MAX_COUNCIL_ID;
  return claim.length <= 80 && COUNCIL_SLUG.test(claim);
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "Token has expired.";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "nbf") return "Token is not yet valid.";
    if (error.reason === "missing") return `Token has no "${error.claim}" claim.`;
    return `Token claim "${error.claim}" is not accepted.`;
  }
  if (error instanceof errors.JWKSNoMatchingKey) return "Token key id (kid) is unknown.";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "Token signature is invalid.";
  if (error instanceof errors.JOSEAlgNotAllowed) return "Token algorithm is not accepted.";
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return "Malformed token.";
  return "Token could not be verified.";
}

export const hasRole = (viewer: Viewer | null, ...roles: Role[]): boolean =>
  !!viewer && viewer.roles.some((role) => roles.includes(role));

/** What a development token says: `npm run token` and the console's development sign-in mint it. */
export interface TokenRequest {
  roles: Role[];
  councils: string[];
  sub: string;
  /** Lifetime in jose's words: `30m`, `8h`, `2d`. */
  expiresIn: string;
  issuer: string;
  audience: string;
}

/** Signs a development token (HS256 with the development secret); production tokens come from the identity provider. */
export function signDevToken(request: TokenRequest, secret: string): Promise<string> {
  return new SignJWT({ roles: request.roles, councils: request.councils })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(request.sub)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn)
    .sign(new TextEncoder().encode(secret));
}
