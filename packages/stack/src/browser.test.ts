import { exampleTabs } from "@contagem/gateway";
import { startSystem, type RunningSystem } from "@contagem/testkit";
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, type OperationDefinitionNode } from "graphql";
import { chromium, type Browser, type Page } from "playwright-core";
import { DEFINITIONS, ROOT } from "./artifacts";

/**
 * What a developer sees in a real browser (Debian's chromium, headless): the reference at /docs, the SDL at
 * /schema.graphql, and the IDE with its example tabs, whose default query runs and shows data. Screenshots go to a
 * temporary directory; the assertions are on the pages' content. In CI chromium must be there (.ci/run installs it).
 */
const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
if (!present && process.env.CI) throw new Error(`${CHROMIUM} is missing: CI installs Debian's chromium package (.ci/run).`);
const describeWithBrowser = present ? describe : describe.skip;
if (!present) console.warn(`Browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium).`);

describeWithBrowser("in a real browser", () => {
  let system: RunningSystem;
  let browser: Browser;
  let page: Page;
  let shots: string;
  let base: string;
  const elsewhere: string[] = [];
  afterEach(() => expect(elsewhere).toEqual([]));
  beforeAll(async () => {
    system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"));
    base = system.gatewayUrl.replace(/\/graphql$/, "");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Offline like a closed city network: any request to another host fails the test.
    page.on("request", (request) => {
      if (!request.url().startsWith(base) && !/^(data|blob):/.test(request.url())) elsewhere.push(request.url());
    });
    shots = await mkdtemp(join(tmpdir(), "contagem-browser-"));
    console.log(`Screenshots in ${shots}`);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it("shows the schema reference at /docs", async () => {
    await page.goto(`${base}/docs`);
    await expect(page.title()).resolves.toMatch(/Contagem Participation Graph/);
    await page.locator("#definition-Council").scrollIntoViewIfNeeded();
    expect(await page.locator("#definition-Council").innerText()).toMatch(/Council[\s\S]*slug[\s\S]*String!/);
    await page.screenshot({ path: join(shots, "docs.png") });
  });

  it("shows the SDL at /schema.graphql", async () => {
    const response = await page.goto(`${base}/schema.graphql`);
    expect(response!.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    expect(await page.locator("body").innerText()).toMatch(/type Council implements Node \{/);
    await page.screenshot({ path: join(shots, "schema.png") });
  });

  it("opens the IDE on the example tabs, and the default query shows data", async () => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(system.gatewayUrl);
    const names = exampleTabs().map((tab) => (parse(tab.query).definitions[0] as OperationDefinitionNode).name!.value);
    const tabs = page.locator(".graphiql-tab");
    await expect(tabs.first().waitFor({ timeout: 30_000 })).resolves.toBeUndefined();
    expect(await tabs.allInnerTexts()).toEqual(names.map((name) => expect.stringContaining(name)));
    await page.getByRole("link", { name: "Schema reference" }).waitFor();
    await page.locator(".graphiql-execute-button").click();
    const result = page.locator(".result-window");
    await result.getByText('"COMIC"').waitFor({ timeout: 30_000 });
    expect(await result.innerText()).toMatch(/"totalCount":\s+[1-9]\d*/);
    expect(await result.innerText()).not.toMatch(/"errors"/);
    await page.screenshot({ path: join(shots, "ide.png") });
    // Each example tab opens at the first click, as a person clicks it (every tab's query is run by ide-examples.test).
    for (const [i, name] of names.entries()) {
      await tabs.nth(i).click();
      await page.locator(".graphiql-tab-active", { hasText: name }).waitFor({ timeout: 5_000 });
    }
    await page.screenshot({ path: join(shots, "ide-last-tab.png") });
    expect(errors).toEqual([]);
  }, 90_000);
});
