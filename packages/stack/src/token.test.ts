import { createVerifier, ROLES } from "@contagem/schema";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./artifacts";
import { parseTokenArgs, signDevToken } from "./token";

describe("development tokens", () => {
  it("mint a SECRETARY token for one council that the services accept", async () => {
    const request = parseTokenArgs(["--role", "SECRETARY", "--council", "compur"], {});
    expect(request).toMatchObject({ roles: ["SECRETARY"], councils: ["compur"], sub: "dev-secretary-compur" });
    const secret = "a-development-secret-of-32-chars-or-more";
    const verify = await createVerifier({ issuer: "contagem-dev", audience: "contagem-participation-graph", secret, clockToleranceSeconds: 5 });
    expect(await verify(`Bearer ${await signDevToken(request, secret)}`)).toEqual({
      sub: "dev-secretary-compur",
      roles: ["SECRETARY"],
      councils: ["compur"],
    });
  });

  it("explain what is wrong with the arguments", () => {
    expect(() => parseTokenArgs([], {})).toThrow(/--role is required/);
    expect(() => parseTokenArgs(["--role", "MAYOR"], {})).toThrow(/Unknown role MAYOR/);
    expect(() => parseTokenArgs(["--role", "SECRETARY"], {})).toThrow(/needs --council/);
    expect(() => parseTokenArgs(["--role"], {})).toThrow(/--role needs a value/);
    expect(parseTokenArgs(["--role", "admin,staff", "--expires", "1h"], {})).toMatchObject({ roles: ["ADMIN", "STAFF"], expiresIn: "1h" });
  });

  it("print their usage on --help, with every role, and exit 0 (the built CLI, as npm run token runs it)", () => {
    const out = execFileSync(process.execPath, [join(ROOT, "packages/stack/dist/token-cli.js"), "--help"], { encoding: "utf8" });
    expect(out).toMatch(/^Usage: npm run token -- --role ROLE/);
    for (const role of ROLES) expect(out).toContain(role);
    expect(out).toMatch(/Example: npm run token -- --role SECRETARY --council compur/);
  });
});
