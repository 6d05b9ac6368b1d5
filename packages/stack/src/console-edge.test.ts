import { CONSOLE_DIR } from "@contagem/gateway";
import { gql, mintToken, startSystem, TEST_AUTH, type RunningSystem } from "@contagem/testkit";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, get, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { DEFINITIONS, ROOT } from "./artifacts";

/**
 * The console's edges a hostile client or a phone finds: a path that tries to leave the console's folder, a page of
 * another site asking the development sign-in for a token, and a 375 px wide screen.
 */
const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
if (!present && process.env.CI) throw new Error(`${CHROMIUM} is missing: CI installs Debian's chromium package (.ci/run).`);
if (!existsSync(join(CONSOLE_DIR, "index.html"))) throw new Error(`The console is not built (${CONSOLE_DIR}): run \`npm run build\` first (npm test does).`);
const describeWithBrowser = present ? describe : describe.skip;

/** A GET of the path exactly as written (fetch would resolve `%2e%2e` segments before sending). */
const rawGet = (url: string, path: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const { hostname, port } = new URL(url);
    get({ hostname, port, path }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    }).on("error", reject);
  });

describeWithBrowser("the console's edges", () => {
  let system: RunningSystem;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"), {
      console: { dir: CONSOLE_DIR, signIn: { kind: "development", secret: TEST_AUTH.secret!, issuer: TEST_AUTH.issuer, audience: TEST_AUTH.audience } },
    });
    base = system.gatewayUrl.replace(/\/graphql$/, "");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it("answers a path out of the console's folder, a dotfile or a directory as not found, never as the server's error", async () => {
    for (const path of ["/console/%2e%2e/%2e%2e/package.json", "/console/..%2f..%2fpackage.json", "/console/assets/..%2f..%2fpackage.json", "/console/.env", "/console/assets/", "/console/a%00b.js"]) {
      const { status, body } = await rawGet(base, path);
      expect({ path, status, code: JSON.parse(body).errors[0].extensions.code }).toEqual({ path, status: 404, code: "NOT_FOUND" });
      expect(body).not.toMatch(/contagem-participation-graph|workspaces/);
    }
  });

  it("mints no development token for a page of another site", async () => {
    const other: Server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>outro site</title>"));
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const page = await browser.newPage();
    try {
      await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
      const answer = await page.evaluate(async (url) => {
        const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ council: "compur" }) });
        return { status: response.status, body: await response.text() };
      }, `${base}/console/dev-sign-in`);
      expect(answer.status).toBe(403);
      expect(answer.body).not.toMatch(/token/);
      // The console's own page still signs in, and so does a script (no Origin: it could run `npm run token`).
      await page.goto(`${base}/console/`);
      expect(await page.evaluate(async () => (await fetch("/console/dev-sign-in", { method: "POST", headers: { "content-type": "application/json" }, body: '{"council":"compur"}' })).status)).toBe(200);
      const script = await fetch(`${base}/console/dev-sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"council":"compur"}' });
      expect(script.status).toBe(200);
      const post = (headers: Record<string, string>) => fetch(`${base}/console/dev-sign-in`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: '{"council":"compur"}' });
      // A sandboxed frame, and an older browser that sends Origin only, from another site.
      expect((await post({ origin: "null" })).status).toBe(403);
      expect((await post({ origin: "https://outro.example" })).status).toBe(403);
      // The console's page under `vite` (README, hot reload): its proxy sends the page's Origin to the gateway's Host.
      expect((await post({ origin: "http://localhost:5173", "sec-fetch-site": "same-origin" })).status).toBe(200);
    } finally {
      await page.close();
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it("announces each page it opens: the tab's title names it and focus moves to its heading, for a screen reader", async () => {
    const context = await browser.newContext({ locale: "pt-BR" });
    const page = await context.newPage();
    const where = () => page.evaluate(() => ({ title: document.title, focus: `${document.activeElement?.tagName}: ${document.activeElement?.textContent}` }));
    await page.goto(`${base}/console/`);
    await page.locator("#council option", { hasText: /COMIC/ }).first().waitFor({ state: "attached" });
    expect(await where()).toEqual({ title: "Entrar — Console dos conselhos — Contagem", focus: expect.stringMatching(/^BODY/) });
    await page.getByLabel("Conselho").selectOption({ label: (await page.locator("#council option", { hasText: /COMIC/ }).first().textContent())! });
    await page.getByRole("button", { name: "Entrar como secretaria" }).press("Enter");
    await page.getByRole("heading", { name: "Seus conselhos" }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    expect(await where()).toEqual({ title: "Seus conselhos — Console dos conselhos — Contagem", focus: "H1: Seus conselhos" });
    await page.getByRole("link", { name: /COMIC/ }).press("Enter");
    await page.getByRole("heading", { name: /^COMIC — / }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.startsWith("COMIC"));
    expect(await where()).toEqual({ title: expect.stringMatching(/^COMIC — .+ — Console dos conselhos — Contagem$/), focus: expect.stringMatching(/^H1: COMIC — /) });
    await context.close();
  });

  it("fits a 375 px wide screen: no page scrolls sideways, forms and tables included", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: "pt-BR", timezoneId: "UTC" });
    const page = await context.newPage();
    const sideways = async (p: Page, step: string) => {
      await p.locator("h1").first().waitFor();
      const widths = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
      expect({ step, ...widths }).toEqual({ step, scroll: widths.view, view: 375 });
    };
    await page.goto(`${base}/console/`);
    await page.locator("#council option", { hasText: /CMSC/ }).first().waitFor({ state: "attached" });
    await sideways(page, "sign-in");
    await page.getByLabel("Conselho").selectOption({ label: (await page.locator("#council option", { hasText: /CMSC/ }).first().textContent())! });
    await page.getByRole("button", { name: "Entrar como secretaria" }).click();
    await page.getByRole("heading", { name: "Seus conselhos" }).waitFor();
    await sideways(page, "councils");
    await page.getByRole("link", { name: /CMSC/ }).click();
    await page.getByRole("heading", { name: "Abrir gestão" }).waitFor();
    await page.getByRole("button", { name: "Adicionar grupo de assentos" }).click();
    await sideways(page, "council without a term: the term's and the meeting's forms");

    // A term with two members and a meeting held yesterday, convened: the attendance table with a select per member.
    const token = await mintToken({ roles: ["SECRETARY"], councils: ["cmsc"], expiresIn: "10m" });
    const write = async (mutation: string, input: Record<string, unknown>) => {
      const answer = await gql(system.gatewayUrl, mutation, { input }, { token });
      expect(answer.errors).toBeUndefined();
      return answer.data as any;
    };
    const council = ((await gql(system.gatewayUrl, `{ council(slug: "cmsc") { id } }`)).data as any).council;
    const term = (await write(`mutation($input: OpenTermInput!) { openTerm(input: $input) { term { seats { id } } } }`, {
      councilId: council.id, startsOn: "2026-01-01", endsOn: "2027-12-31", seats: [{ sector: "GOVERNMENT", segment: "Secretaria Municipal de Segurança e Prevenção" }, { sector: "CIVIL_SOCIETY", segment: "associações comunitárias" }],
    })).openTerm.term;
    for (const [i, seat] of term.seats.entries()) {
      await write(`mutation($input: AppointMandateInput!) { appointMandate(input: $input) { mandate { id } } }`, { seatId: seat.id, personName: ["Maria Aparecida dos Santos Oliveira", "José Raimundo Ferreira da Silva"][i], role: "FULL_MEMBER", startsOn: "2026-01-01" });
    }
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const meeting = (await write(`mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id version sequenceLabel } } }`, {
      councilId: council.id, type: "ORDINARY", modality: "IN_PERSON", startsAt: yesterday, place: "Casa dos Conselhos", agenda: [{ kind: "DELIBERATION", title: "Plano municipal de segurança cidadã" }],
    })).scheduleMeeting.meeting;
    await write(`mutation($input: ConveneMeetingInput!) { conveneMeeting(input: $input) { meeting { id } } }`, { meetingId: meeting.id, expectedVersion: meeting.version, convenedAt: new Date(Date.now() - 20 * 86_400_000).toISOString() });

    await page.getByRole("link", { name: "Seus conselhos" }).click();
    await page.getByRole("link", { name: /CMSC/ }).click();
    await page.getByRole("link", { name: meeting.sequenceLabel, exact: true }).click();
    await page.getByRole("heading", { name: "Presença" }).waitFor();
    await sideways(page, "meeting: attendance, deliberation, resolutions, minutes");

    // On a desktop's width, a table's column header is never broken inside a word ("Situaçã/o").
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("link", { name: "CMSC", exact: true }).click();
    await page.getByRole("heading", { name: /^Reuniões/ }).waitFor();
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll("thead th")]
        .filter((th) => {
          const range = document.createRange();
          range.selectNodeContents(th);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
          return lines > (th.textContent ?? "").trim().split(/\s+/).length;
        })
        .map((th) => th.textContent),
    );
    expect(broken).toEqual([]);
    await context.close();
  });
});
