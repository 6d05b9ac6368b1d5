import type { AuthConfig, Role } from "@contagem/schema";
import { SignJWT } from "jose";

/** The test suite's own signing secret and claims; production keys never appear in tests. */
export const TEST_AUTH: AuthConfig = {
  issuer: "contagem-test",
  audience: "contagem-participation-graph",
  secret: "test-secret-test-secret-test-secret-0123456789",
  clockToleranceSeconds: 5,
};

export interface TokenClaims {
  sub?: string;
  roles?: Role[];
  councils?: string[];
  expiresIn?: string;
}

export async function mintToken(claims: TokenClaims = {}): Promise<string> {
  return new SignJWT({ roles: claims.roles ?? [], councils: claims.councils ?? [] })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.sub ?? "test-user")
    .setIssuer(TEST_AUTH.issuer)
    .setAudience(TEST_AUTH.audience)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? "5m")
    .sign(new TextEncoder().encode(TEST_AUTH.secret));
}

export const adminToken = () => mintToken({ sub: "admin-1", roles: ["ADMIN"] });
