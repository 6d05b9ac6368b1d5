import type { AuthConfig, Role } from "@contagem/schema";
import { SignJWT, importPKCS8 } from "jose";
import { generateKeyPairSync } from "node:crypto";

/** Keys made for this test process; production keys never appear in tests. */
const rsa = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
});

export const TEST_KEY_ID = "test-key-1";

export const TEST_AUTH: AuthConfig = {
  issuer: "contagem-test",
  audience: "contagem-participation-graph",
  secret: "test-secret-test-secret-test-secret-0123456789",
  publicKey: { pem: rsa.publicKey, alg: "RS256", kid: TEST_KEY_ID },
  clockToleranceSeconds: 5,
};

export const TEST_PUBLIC_KEY_PEM = rsa.publicKey;
export const TEST_PRIVATE_KEY_PEM = rsa.privateKey;

export interface TokenClaims {
  sub?: string;
  roles?: Role[];
  councils?: string[];
  expiresIn?: string;
  /** HS256 with the shared secret (default) or RS256 with the test key pair. */
  alg?: "HS256" | "RS256";
}

export async function mintToken(claims: TokenClaims = {}): Promise<string> {
  const jwt = new SignJWT({ roles: claims.roles ?? [], councils: claims.councils ?? [] })
    .setSubject(claims.sub ?? "test-user")
    .setIssuer(TEST_AUTH.issuer)
    .setAudience(TEST_AUTH.audience)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? "5m");
  if (claims.alg === "RS256") {
    return jwt
      .setProtectedHeader({ alg: "RS256", kid: TEST_KEY_ID, typ: "JWT" })
      .sign(await importPKCS8(TEST_PRIVATE_KEY_PEM, "RS256"));
  }
  return jwt.setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(new TextEncoder().encode(TEST_AUTH.secret));
}

export const adminToken = () => mintToken({ sub: "admin-1", roles: ["ADMIN"] });
