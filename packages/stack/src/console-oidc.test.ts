import { CONSOLE_DIR } from "@contagem/gateway";
import { startSystem, type RunningSystem } from "@contagem/testkit";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { DEFINITIONS, ROOT } from "./artifacts";

/**
 * The console's production sign-in against a real OpenID Connect provider run here (panva's `oidc-provider`, the
 * certified implementation): authorization code with PKCE from the browser, the provider's access token (a JWT with
 * `roles` and `councils`, RS256, verified by every process from the provider's JWKS) used for the API, no token left in
 * the browser's storage, and the development sign-in absent.
 */
const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
if (!present && process.env.CI) throw new Error(`${CHROMIUM} is missing: CI installs Debian's chromium package (.ci/run).`);
const describeWithBrowser = present ? describe : describe.skip;
// A resource indicator (RFC 8707) is an absolute URI; the city would use its API's address.
const AUDIENCE = "urn:contagem:participation-graph";

describeWithBrowser("the console signs in with the city's OpenID Connect provider", () => {
  let provider: Server;
  let system: RunningSystem;
  let browser: Browser;
  let issuer: string;
  let base: string;
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();

  beforeAll(async () => {
    provider = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
    issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"), {
      auth: { issuer, audience: AUDIENCE, jwksUrl: `${issuer}/jwks`, clockToleranceSeconds: 5 },
      console: { dir: CONSOLE_DIR, signIn: { kind: "oidc", authority: issuer, clientId: "contagem-console", scope: "openid" } },
    });
    base = system.gatewayUrl.replace(/\/graphql$/, "");
    const { default: Provider } = await import("oidc-provider");
    const oidc = new Provider(issuer, {
      clients: [
        {
          client_id: "contagem-console",
          token_endpoint_auth_method: "none",
          redirect_uris: [`${base}/console/callback`],
          post_logout_redirect_uris: [`${base}/console/`],
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
      ],
      findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub }) }),
      features: {
        devInteractions: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => AUDIENCE,
          useGrantedResource: () => true,
          getResourceServerInfo: () => ({ scope: "openid", audience: AUDIENCE, accessTokenFormat: "jwt", jwt: { sign: { alg: "RS256" } } }),
        },
      },
      // What the city's provider is configured to say of a council's secretary.
      extraTokenClaims: async (_ctx: unknown, token: { kind: string }) => (token.kind === "AccessToken" ? { roles: ["SECRETARY"], councils: ["compur"] } : undefined),
      clientBasedCORS: () => true,
      pkce: { required: () => true },
    } as never);
    handler = oidc.callback() as never;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await new Promise((resolve) => provider?.close(resolve));
  });

  it("offers no development sign-in, and its CSP lets the page reach the provider only", async () => {
    expect((await fetch(`${base}/console/dev-sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"council":"compur"}' })).status).toBe(404);
    const csp = (await fetch(`${base}/console/`)).headers.get("content-security-policy")!;
    expect(csp).toContain(`connect-src 'self' ${issuer}`);
  });

  it("signs in by authorization code with PKCE, and the provider's token writes for the council it names", async () => {
    const context = await browser.newContext({ locale: "pt-BR" });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && message.location().url.startsWith(base)) problems.push(message.text());
    });
    const authorize: string[] = [];
    page.on("request", (request) => {
      if (request.url().startsWith(`${issuer}/auth`)) authorize.push(request.url());
    });
    await page.goto(`${base}/console/`);
    await page.getByRole("button", { name: "Entrar com a conta da Prefeitura" }).click();
    // The provider's own pages (its development login and consent).
    await page.locator('input[name="login"]').fill("secretaria.compur");
    await page.locator('input[name="password"]').fill("qualquer");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: "Seus conselhos" }).waitFor();
    const params = new URL(authorize[0]).searchParams;
    expect([params.get("response_type"), params.get("code_challenge_method"), params.get("code_challenge")?.length]).toEqual(["code", "S256", 43]);
    expect(await page.getByText("Conectado como").textContent()).toMatch(/secretaria\.compur/);
    // Tokens stay in memory: nothing in localStorage; sessionStorage held only the redirect's state, now consumed.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toMatch(/eyJ/);

    await page.getByRole("link", { name: /COMPUR/ }).click();
    await page.getByRole("heading", { name: /^COMPUR — / }).waitFor();
    // The provider's token is what the API verified: the write form is there, and a write goes through.
    await page.getByRole("heading", { name: "Abrir gestão" }).waitFor();
    await page.getByLabel("Primeiro dia").fill("2026-01-01");
    await page.getByLabel(/^Último dia/).fill("2027-12-31");
    await page.getByRole("button", { name: "Abrir gestão" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Nomear membro" }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
