import { SignJWT, exportSPKI, generateKeyPair } from "jose";
import { ConfigError } from "./config";
import { createVerifier, readAuthConfig } from "./auth";
import { globalId } from "./global-id";

describe("token verifier", () => {
  it("configured with a public key only, refuses HS256 tokens signed with that key (algorithm confusion)", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const pem = await exportSPKI(publicKey);
    const verify = await createVerifier({
      issuer: "iss",
      audience: "aud",
      publicKey: { pem, alg: "RS256", kid: "k1" },
      clockToleranceSeconds: 5,
    });
    const claims = { sub: "s", roles: ["ADMIN"] };
    const good = await new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: "k1" }).setIssuer("iss").setAudience("aud").setExpirationTime("1m").sign(privateKey);
    expect(await verify(`Bearer ${good}`)).toEqual({ sub: "s", roles: ["ADMIN"], councils: [] });
    const confused = await new SignJWT(claims).setProtectedHeader({ alg: "HS256", kid: "k1" }).setIssuer("iss").setAudience("aud").setExpirationTime("1m").sign(new TextEncoder().encode(pem));
    await expect(verify(`Bearer ${confused}`)).rejects.toThrow('Token algorithm "HS256" is not accepted.');
  });

  it("reads council ids and slugs as strings, and refuses a role it does not know", async () => {
    const secret = "s".repeat(32);
    const verify = await createVerifier({ issuer: "i", audience: "a", secret, clockToleranceSeconds: 0 });
    const sign = (claims: Record<string, unknown>) => new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" }).setSubject("s").setIssuer("i").setAudience("a").setExpirationTime("1m")
      .sign(new TextEncoder().encode(secret));
    expect(await verify(`Bearer ${await sign({ roles: ["ADMIN"], councils: [4, "compur"] })}`)).toEqual({ sub: "s", roles: ["ADMIN"], councils: ["4", "compur"] });
    expect(await verify(`Bearer ${await sign({})}`)).toEqual({ sub: "s", roles: [], councils: [] });
    // A council's global id names it as its database id does; another type's global id names no council.
    expect(await verify(`Bearer ${await sign({ roles: ["SECRETARY"], councils: [globalId("Council", 20)] })}`)).toEqual({ sub: "s", roles: ["SECRETARY"], councils: ["20"] });
    await expect(verify(`Bearer ${await sign({ councils: [globalId("Meeting", 20)] })}`)).rejects.toThrow('Token claim "councils" is not accepted');
    await expect(verify(`Bearer ${await sign({ roles: ["ADMIN", "GOD"] })}`)).rejects.toThrow('Token claim "roles" is not accepted');
    expect(await verify(undefined)).toBeNull();
  });

  it("refuses a configuration that could not verify anything, or a weak secret", () => {
    expect(() => readAuthConfig({})).toThrow(ConfigError);
    expect(() => readAuthConfig({ JWT_SECRET: "short" })).toThrow(/at least 32 characters/);
    expect(readAuthConfig({ JWT_SECRET: "x".repeat(32) }).issuer).toBe("contagem-dev");
  });
});
