import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  exportJWK,
  importSPKI,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { ConfigError, readInt, readOptional, readString, type Env } from "./config";
import { unauthenticated } from "./errors";

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
    try {
      const options = {
        algorithms: source.algorithms,
        issuer: config.issuer,
        audience: config.audience,
        clockTolerance: config.clockToleranceSeconds,
        requiredClaims: ["exp", "sub", "iss", "aud"],
      };
      const { payload } =
        source.key instanceof Uint8Array
          ? await jwtVerify(token, source.key, options)
          : await jwtVerify(token, source.key, options);
      return toViewer(payload);
    } catch (error) {
      throw unauthenticated(describe(error));
    }
  };
}

function bearerToken(header: string): string {
  // RFC 7235: the scheme is case-insensitive ("bearer", "BEARER"); the token itself is not.
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/i.exec(header);
  if (!match) {
    throw unauthenticated('Malformed Authorization header: expected exactly "Bearer <JWT>".');
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

function toViewer(payload: JWTPayload): Viewer {
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
  const councils = Array.isArray(payload.councils) ? payload.councils.map(String) : [];
  if (typeof payload.sub !== "string" || payload.sub === "") throw unauthenticated('Token has no "sub" claim.');
  return { sub: payload.sub, roles, councils };
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
