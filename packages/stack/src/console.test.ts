import AxeBuilder from "@axe-core/playwright";
import { CONSOLE_DIR, consoleContentSecurityPolicy } from "@contagem/gateway";
import { adminToken, gql, makePdf, mintToken, startSystem, TEST_AUTH, until, type RunningSystem } from "@contagem/testkit";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { DEFINITIONS, ROOT } from "./artifacts";

/**
 * The secretaries' console as a secretary uses it, in Debian's chromium (headless): development sign-in for a council,
 * the council's term and members, scheduling a meeting with its agenda; then the public graph shows the meeting, and a
 * secretary of another council cannot write for this one. Every page is checked with axe-core (no serious or critical
 * violation) and under the console's CSP (no violation reported). Screenshots of each step go to
 * test-artifacts/console/ (CONSOLE_SCREENSHOTS to put them elsewhere).
 */
const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
if (!present && process.env.CI) throw new Error(`${CHROMIUM} is missing: CI installs Debian's chromium package (.ci/run).`);
if (!existsSync(join(CONSOLE_DIR, "index.html"))) throw new Error(`The console is not built (${CONSOLE_DIR}): run \`npm run build\` first (npm test does).`);
const describeWithBrowser = present ? describe : describe.skip;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

describeWithBrowser("the secretaries' console in a real browser", () => {
  let system: RunningSystem;
  let browser: Browser;
  let base: string;
  const shots = process.env.CONSOLE_SCREENSHOTS ?? join(ROOT, "test-artifacts", "console");
  const signIn = { kind: "development" as const, secret: TEST_AUTH.secret!, issuer: TEST_AUTH.issuer, audience: TEST_AUTH.audience };

  beforeAll(async () => {
    system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"), {
      console: { dir: CONSOLE_DIR, signIn },
    });
    base = system.gatewayUrl.replace(/\/graphql$/, "");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    });
    await mkdir(shots, { recursive: true });
    // The city's administration records COMPUR's rules (regimento): 7 days' notice, quorum of an absolute majority.
    const { data } = await gql(system.gatewayUrl, `{ council(slug: "compur") { id version } }`);
    const updated = await gql(system.gatewayUrl, `mutation($i: UpdateCouncilInput!) { updateCouncil(input: $i) { council { id } } }`, {
      i: { id: data.council.id, expectedVersion: data.council.version, rules: { ordinaryNoticeDays: 7, quorumRule: "ABSOLUTE_MAJORITY" } },
    }, { token: await adminToken() });
    expect(updated.errors).toBeUndefined();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  /** A fresh browser profile (no shared storage), failing the test on a CSP violation, a page error or a foreign host. */
  async function open(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "pt-BR", timezoneId: "UTC" });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()} at ${JSON.stringify(message.location())}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("request", (request) => {
      if (!request.url().startsWith(base) && !/^(data|blob):/.test(request.url())) problems.push(`foreign request: ${request.url()}`);
    });
    return { context, page, problems };
  }

  async function accessible(page: Page, step: string) {
    const { violations } = await new AxeBuilder({ page: page as never }).analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect({ step, serious: serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`) }).toEqual({ step, serious: [] });
    await page.screenshot({ path: join(shots, `${step}.png`), fullPage: true });
  }

  async function signInAs(page: Page, council: RegExp) {
    await page.goto(`${base}/console/`);
    await page.getByRole("heading", { name: "Entrar" }).waitFor();
    await page.getByLabel("Conselho").selectOption({ label: (await optionLabel(page, council))! });
    await page.getByRole("button", { name: "Entrar como secretaria" }).click();
    await page.getByRole("heading", { name: "Seus conselhos" }).waitFor();
  }

  const optionLabel = async (page: Page, pattern: RegExp) => {
    await page.locator("#council option", { hasText: pattern }).first().waitFor({ state: "attached" });
    return page.locator("#council option", { hasText: pattern }).first().textContent();
  };

  it("serves the application with a CSP that runs only its own scripts", async () => {
    const response = await fetch(`${base}/console/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toBe(consoleContentSecurityPolicy(signIn));
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline'[^;]*script|script-src[^;]*unsafe/);
    const html = await response.text();
    expect(html).toMatch(/<html lang="pt-BR">/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    // A page path is the application's; a hashed asset is cached for a year; a missing one is 404.
    expect((await fetch(`${base}/console/conselhos/compur`)).status).toBe(200);
    const asset = html.match(/src="(\/console\/assets\/[^"]+\.js)"/)![1];
    expect((await fetch(`${base}${asset}`)).headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await fetch(`${base}/console/assets/nothing.js`)).status).toBe(404);
    expect((await fetch(`${base}/console/../package.json`)).status).toBe(404);
  });

  it("mints a development token only for a council's slug, by POST, as JSON", async () => {
    const post = (body: string, type = "application/json") => fetch(`${base}/console/dev-sign-in`, { method: "POST", headers: { "content-type": type }, body });
    expect((await post('{"council":"compur"}')).status).toBe(200);
    expect((await post('{"council":"x; drop"}')).status).toBe(400);
    expect((await post("council=compur", "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await post("x".repeat(5000))).status).toBe(413);
    expect((await fetch(`${base}/console/dev-sign-in`)).status).toBe(405);
  });

  it("a secretary opens a term, runs a meeting to quorum and a deliberation, and publishes its minutes the public graph shows with the same SHA-256", async () => {
    const { context, page, problems } = await open();
    await page.goto(`${base}/console/`);
    await page.getByRole("heading", { name: "Entrar" }).waitFor();
    await accessible(page, "01-sign-in");

    await signInAs(page, /COMPUR/);
    // The token lives in memory only.
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    await accessible(page, "02-councils");

    await page.getByRole("link", { name: /COMPUR/ }).click();
    await page.getByRole("heading", { name: /^COMPUR — / }).waitFor();
    await accessible(page, "03-council");

    // The seed holds no current term for COMPUR: the secretary opens one, its seats following the council's law.
    if (await page.getByRole("heading", { name: "Abrir gestão" }).count()) {
      await page.getByLabel("Primeiro dia").fill("2026-01-01");
      const endLabel = await page.getByText(/^Último dia/).textContent();
      if (!/vazio/.test(endLabel ?? "")) await page.getByLabel(/^Último dia/).fill("2027-12-31");
      await page.getByLabel(/^Nome da gestão/).fill("2026–2027 (teste)");
      if (await page.getByText(/composição legal deste conselho não está registrada/).count()) {
        // As an appointment act would list them: 2 seats of the government, 2 of civil society.
        await page.getByLabel("Assentos do grupo 1").fill("2");
        await page.getByRole("button", { name: "Adicionar grupo de assentos" }).click();
        await page.getByLabel("Setor do grupo 2").selectOption("CIVIL_SOCIETY");
        await page.getByLabel("Segmento do grupo 2 (opcional)").fill("associações comunitárias");
        await page.getByLabel("Assentos do grupo 2").fill("2");
      }
      await accessible(page, "04-open-term");
      // By keyboard (Enter on the focused button): a mouse click here lands on the form instead, because the page
      // scrolls 38 px between press and release (seen in this headless chromium only; noted on issue 16).
      await page.getByRole("button", { name: "Abrir gestão" }).focus();
      await page.keyboard.press("Enter");
    }
    await page.getByRole("heading", { name: /^Gestão / }).waitFor();
    await page.getByRole("heading", { name: "Nomear membro" }).waitFor();
    await page.getByLabel("Nome", { exact: true }).fill("Maria Aparecida (teste)");
    await page.getByLabel("Cargo na mesa diretora").selectOption("PRESIDENT");
    await page.getByLabel("Início do mandato").fill("2026-01-01");
    await page.getByRole("button", { name: "Nomear" }).click();
    await page.getByRole("cell", { name: "Maria Aparecida (teste) (Presidente)" }).waitFor();
    await accessible(page, "05-member-appointed");
    const appoint = async (seat: string, name: string, role: "Titular" | "Suplente") => {
      await page.getByLabel("Assento").selectOption({ label: seat });
      await page.getByLabel("Papel").selectOption({ label: role });
      await page.getByLabel("Nome", { exact: true }).fill(name);
      await page.getByLabel("Início do mandato").fill("2026-01-01");
      await page.getByRole("button", { name: "Nomear" }).click();
      await page.getByRole("cell", { name }).waitFor();
    };
    await appoint("2. Poder público", "João Batista (teste)", "Titular");
    await appoint("3. Sociedade civil — associações comunitárias", "Ana Lúcia (teste)", "Titular");
    await appoint("3. Sociedade civil — associações comunitárias", "Pedro Henrique (teste)", "Suplente");

    // Scheduling: the server's validation first (a time before the council existed), then a real meeting.
    await page.getByLabel(/Data e hora/).fill("1900-01-10T14:00");
    await page.getByLabel("Título do item 1").fill("Revisão do Plano Diretor");
    await page.getByRole("button", { name: "Agendar reunião" }).click();
    await page.locator("[aria-invalid=true], .error").first().waitFor();
    await accessible(page, "06-schedule-refused");

    await page.getByLabel(/Data e hora/).fill("2027-03-15T14:00");
    await page.getByLabel("Local").fill("Casa dos Conselhos");
    await page.getByRole("button", { name: "Adicionar item" }).click();
    await page.getByLabel("Tipo do item 2").selectOption("INFORMATIVE");
    await page.getByLabel("Título do item 2").fill("Informes da secretaria");
    await page.getByRole("button", { name: "Agendar reunião" }).click();
    const status = page.getByRole("status").filter({ hasText: /agendada/ });
    await status.waitFor();
    const label = (await status.textContent())!.match(/Reunião (.+) agendada/)![1];
    const row = page.getByRole("row", { name: new RegExp(label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) });
    await row.waitFor();
    // 14:00 in Contagem, whatever the browser's zone (UTC here).
    expect(await row.textContent()).toMatch(/15\/03\/2027,? 14:00/);
    await accessible(page, "07-scheduled");

    const { data } = await gql(system.gatewayUrl, `{ council(slug: "compur") { meetings(first: 5) { edges { node { sequenceLabel startsAt place agenda { position kind title } } } } } }`);
    const meeting = (data as any).council.meetings.edges.map((e: any) => e.node).find((m: any) => m.sequenceLabel === label);
    expect(meeting).toEqual({
      sequenceLabel: label,
      startsAt: "2027-03-15T17:00:00.000Z",
      place: "Casa dos Conselhos",
      agenda: [
        { position: 1, kind: "DELIBERATION", title: "Revisão do Plano Diretor" },
        { position: 2, kind: "INFORMATIVE", title: "Informes da secretaria" },
      ],
    });

    // A meeting held two days ago at 14:00 in Contagem: scheduled, convened, its attendance and a deliberation recorded.
    const civil = (msAgo: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(Date.now() - msAgo);
    const DAY = 86_400_000;
    await page.getByLabel(/Data e hora/).fill(`${civil(2 * DAY)}T14:00`);
    await page.getByLabel("Local").fill("Casa dos Conselhos");
    await page.getByLabel("Título do item 1").fill("Parecer sobre o parcelamento do solo");
    await page.getByRole("button", { name: "Agendar reunião" }).click();
    const held = (await page.getByRole("status").filter({ hasText: /agendada/ }).textContent())!.match(/Reunião (.+) agendada/)![1];
    await page.getByRole("link", { name: held, exact: true }).click();
    await page.getByRole("heading", { name: held, level: 1 }).waitFor();

    // Convening: the console tells the notice against the rule before sending, as the server will judge it.
    await page.getByLabel(/Convocação feita em/).fill(`${civil(4 * DAY)}T09:00`);
    await page.getByText(/abaixo das 168 h exigidas/).waitFor();
    await page.getByLabel(/Convocação feita em/).fill(`${civil(12 * DAY)}T09:00`);
    await page.getByText(/cumpre as 168 h exigidas/).waitFor();
    await accessible(page, "08-convene");
    await page.getByRole("button", { name: "Convocar reunião" }).click();
    await page.getByRole("heading", { name: "Presença" }).waitFor();

    // Attendance: the quorum (3 of 4 seats) is computed live, as the server computes it.
    const quorum = page.getByRole("status").filter({ hasText: /assentos ocupados/ });
    await page.getByLabel("Presença de Maria Aparecida (teste)").selectOption("PRESENT");
    await quorum.filter({ hasText: "1 de 4 assentos ocupados; o quórum exige 3: sem quórum" }).waitFor();
    await page.getByLabel("Presença de Ana Lúcia (teste)").selectOption("SUBSTITUTED");
    await page.getByLabel("Suplente de Ana Lúcia (teste)").selectOption({ label: "Pedro Henrique (teste)" });
    // The suplente sits in the titular's entry, not in an entry of their own.
    await page.getByRole("row", { name: /Pedro Henrique \(teste\)/ }).getByText("Presente, substituindo Ana Lúcia (teste)").waitFor();
    await page.getByLabel("Presença de João Batista (teste)").selectOption("PRESENT");
    await quorum.filter({ hasText: "3 de 4 assentos ocupados; o quórum exige 3: quórum atingido" }).waitFor();
    await accessible(page, "09-attendance");
    await page.getByRole("button", { name: "Registrar presença" }).click();
    await page.getByRole("heading", { name: "Registrar deliberação" }).waitFor();
    // The list shown is now the recorded one.
    await quorum.filter({ hasText: "3 de 4 assentos ocupados" }).waitFor();
    expect(await page.getByLabel("Presença de Ana Lúcia (teste)").inputValue()).toBe("SUBSTITUTED");

    await page.getByLabel("Deliberação", { exact: true }).fill("Parecer favorável ao parcelamento, com as condicionantes da SEMDUR.");
    await page.getByLabel("A favor").fill("3");
    await page.getByRole("button", { name: "Registrar deliberação" }).click();
    await page.getByText(/Parecer favorável ao parcelamento.*Aprovada \(3 a favor, 0 contra, 0 abstenções\)/).waitFor();
    await accessible(page, "10-deliberation");

    // Resolutions: one adopted from the deliberation, a second amending it; the links show both ways.
    await page.getByLabel("Ementa").fill("Aprova o parecer sobre o parcelamento do solo.");
    await page.getByLabel("Texto", { exact: true }).fill("Art. 1º Fica aprovado o parecer favorável ao parcelamento do solo.");
    await page.getByRole("button", { name: "Adotar resolução" }).click();
    const first = (await page.getByRole("status").filter({ hasText: /Resolução .* adotada/ }).textContent())!.match(/Resolução (.+) adotada/)![1];
    await page.getByLabel("A resolução").selectOption("AMEND");
    await page.getByLabel("Resolução em vigor").selectOption({ label: first });
    await page.getByLabel("Ementa").fill("Altera a condicionante do parecer.");
    await page.getByLabel("Texto", { exact: true }).fill("Art. 1º O art. 1º passa a exigir o estudo de impacto de vizinhança.");
    await page.getByRole("button", { name: "Adotar resolução" }).click();
    await page.getByText(new RegExp(`alterada pela `)).waitFor();
    await page.getByText(new RegExp(`altera a ${escape(first)}`)).waitFor();
    const second = (await page.getByRole("status").filter({ hasText: /Resolução .* adotada/ }).textContent())!.match(/Resolução (.+) adotada/)![1];
    expect(second).not.toBe(first);
    // A third revokes the second (the one in force): it is gone from the choices, and the links show both ways.
    await page.getByLabel("A resolução").selectOption("REVOKE");
    await page.getByLabel("Resolução em vigor").selectOption({ label: second });
    await page.getByLabel("Ementa").fill("Revoga a alteração da condicionante.");
    await page.getByLabel("Texto", { exact: true }).fill("Art. 1º Fica revogada a resolução que alterou a condicionante do parecer.");
    await page.getByRole("button", { name: "Adotar resolução" }).click();
    await page.getByText(new RegExp(`revogada pela `)).waitFor();
    await page.getByText(new RegExp(`revoga a ${escape(second)}`)).waitFor();
    await accessible(page, "10b-resolutions");
    const resolutions = await gql(system.gatewayUrl, `{ council(slug: "compur") { resolutions(first: 10) { edges { node { label status revokedBy { label } amendedBy { label } } } } } }`);
    const byLabel = new Map((resolutions.data as any).council.resolutions.edges.map((e: any) => [e.node.label, e.node]));
    expect(byLabel.get(first)).toMatchObject({ status: "AMENDED", amendedBy: [{ label: second }] });
    expect(byLabel.get(second)).toMatchObject({ status: "REVOKED", revokedBy: [{ label: expect.any(String) }] });
    const heldId = decodeURIComponent(page.url().split("/reunioes/")[1]);

    // Minutes: typed, saved by themselves as a draft, revised; every version with its SHA-256 and the diff between them.
    const editor = page.getByLabel("Texto da ata (texto simples ou Markdown)");
    await editor.fill(`Ata da ${held} do COMPUR.\nPresentes: Maria Aparecida, João Batista e Pedro Henrique (suplente de Ana Lúcia).\n`);
    await page.getByText(/Rascunho salvo/).waitFor();
    await editor.fill(`Ata da ${held} do COMPUR.\nPresentes: Maria Aparecida, João Batista e Pedro Henrique (suplente de Ana Lúcia).\nDeliberação: parecer favorável ao parcelamento, por 3 votos.\n`);
    // Saved by itself again (2 s after the last keystroke): a second version.
    await page.getByRole("row", { name: /^2 / }).waitFor();
    await page.locator("pre.diff ins", { hasText: "Deliberação: parecer favorável" }).waitFor();
    await accessible(page, "11-minutes-draft");
    // A draft is its council's: neither the public nor another council's secretary sees it.
    const draftRead = `query($id: ID!) { meeting(id: $id) { minutes { status } } }`;
    for (const token of [undefined, await mintToken({ roles: ["SECRETARY"], councils: ["comic"] })]) {
      expect((await gql(system.gatewayUrl, draftRead, { id: heldId }, { token })).data).toEqual({ meeting: { minutes: null } });
    }

    // The next meeting, held yesterday, approves them: its agenda's approval item names the draft.
    await page.getByRole("link", { name: "COMPUR" }).click();
    await page.getByLabel(/Data e hora/).fill(`${civil(DAY)}T14:00`);
    await page.getByLabel("Local").fill("Casa dos Conselhos");
    await page.getByLabel("Tipo do item 1").selectOption("APPROVAL_OF_MINUTES");
    await page.getByLabel("Ata a aprovar no item 1").selectOption({ index: 1 });
    await page.getByLabel("Título do item 1").fill("Aprovação da ata da reunião anterior");
    await page.getByRole("button", { name: "Agendar reunião" }).click();
    const next = (await page.getByRole("status").filter({ hasText: /agendada/ }).textContent())!.match(/Reunião (.+) agendada/)![1];
    await page.getByRole("link", { name: next, exact: true }).click();
    await page.getByLabel(/Convocação feita em/).fill(`${civil(10 * DAY)}T09:00`);
    await page.getByRole("button", { name: "Convocar reunião" }).click();
    for (const name of ["Maria Aparecida (teste)", "João Batista (teste)", "Ana Lúcia (teste)"]) await page.getByLabel(`Presença de ${name}`).selectOption("PRESENT");
    await page.getByRole("button", { name: "Registrar presença" }).click();
    await page.getByRole("heading", { name: "Registrar deliberação" }).waitFor();

    await page.getByRole("link", { name: "COMPUR" }).click();
    await page.getByRole("link", { name: held, exact: true }).click();
    expect(await page.getByLabel("Aprovada na reunião").locator("option:checked").textContent()).toContain(next);
    await page.getByRole("button", { name: "Registrar aprovação" }).click();
    await page.getByRole("heading", { name: "Publicação no Diário Oficial" }).waitFor();
    // The signed ata (a PDF) is attached to the approved version before publication: a text file is refused beside
    // the field, the PDF uploaded and attached, listed with its SHA-256 and downloadable with the session's token.
    const logged = problems.length;
    await page.getByLabel("Arquivo").setInputFiles({ name: "ata.pdf", mimeType: "application/pdf", buffer: Buffer.from("isto não é um PDF") });
    await page.getByRole("button", { name: "Anexar ata assinada" }).click();
    await page.getByText(/não é de um tipo aceito/).waitFor();
    // chromium logs the refused upload (HTTP 400) itself: that one line is expected, nothing else.
    await until(async () => problems.length > logged, 5_000);
    expect(problems.splice(logged)).toEqual([expect.stringMatching(/status of 400 .*\/documents"/)]);
    // A wrong file attached by mistake is withdrawn (the version is not published yet).
    await page.getByLabel("Arquivo").setInputFiles({ name: "rascunho.pdf", mimeType: "application/pdf", buffer: await makePdf(["Rascunho sem assinaturas"]) });
    await page.getByRole("button", { name: "Anexar ata assinada" }).click();
    await page.getByText("Ata assinada anexada.").waitFor();
    await page.getByRole("button", { name: /^Retirar / }).click();
    await page.locator("ul.documents").waitFor({ state: "detached" });
    const signed = await makePdf([`Ata da ${held} do COMPUR`, "Assinada pelos conselheiros presentes."]);
    const signedHash = createHash("sha256").update(signed).digest("hex");
    await page.getByLabel("Arquivo").setInputFiles({ name: "ata-assinada.pdf", mimeType: "application/pdf", buffer: signed });
    await page.getByRole("button", { name: "Anexar ata assinada" }).click();
    await page.getByText("Ata assinada anexada.").waitFor();
    await page.locator("ul.documents code.hash", { hasText: signedHash }).waitFor();
    const [saved] = await Promise.all([page.waitForEvent("download"), page.locator("ul.documents").getByRole("button", { name: /^Ata .* assinada$/ }).click()]);
    expect(saved.suggestedFilename()).toBe("ata-assinada.pdf");
    expect(createHash("sha256").update(await readFile((await saved.path())!)).digest("hex")).toBe(signedHash);
    await accessible(page, "11b-signed-minutes");
    await page.getByLabel("Edição", { exact: true }).fill("5123");
    await page.getByLabel("Páginas").fill("12-13");
    await page.getByLabel("Data da edição").fill(civil(0));
    await page.getByRole("button", { name: "Publicar ata" }).click();
    await page.getByText(/Publicada no Diário Oficial de Contagem, edição 5123, p\. 12-13/).waitFor();
    await accessible(page, "12-minutes-published");
    const shown = (await page.locator("tbody tr").last().locator("code.hash").first().textContent())!;
    expect(shown).toMatch(/^[0-9a-f]{64}$/);
    const published = await gql(system.gatewayUrl, `query($id: ID!) { meeting(id: $id) { minutes { status gazette { edition pages } currentVersion { sha256 body } } } }`, { id: heldId });
    expect((published.data as any).meeting.minutes).toMatchObject({ status: "PUBLISHED", gazette: { edition: 5123, pages: "12-13" }, currentVersion: { sha256: shown } });
    expect((published.data as any).meeting.minutes.currentVersion.body).toMatch(/Deliberação: parecer favorável/);
    // The signed ata is public with the published version, the same bytes the secretary attached.
    const signedRead = await gql(system.gatewayUrl, `query($id: ID!) { meeting(id: $id) { minutes { currentVersion { documents { kind sha256 filename url } } } } }`, { id: heldId });
    expect((signedRead.data as any).meeting.minutes.currentVersion.documents).toEqual([{ kind: "SIGNED_MINUTES", sha256: signedHash, filename: "ata-assinada.pdf", url: expect.any(String) }]);
    expect(await page.getByRole("button", { name: "Retirar" }).count()).toBe(0);

    // An amendment (retificação): a new published version with its reason; the public graph shows its SHA-256.
    const amended = await page.getByLabel("Texto retificado").inputValue();
    await page.getByLabel("Texto retificado").fill(`${amended}Retificação: onde se lê "3 votos", leia-se "3 votos favoráveis".\n`);
    await page.getByLabel("Motivo da retificação").fill("Erro material na contagem de votos.");
    await page.getByRole("button", { name: "Publicar retificação" }).click();
    await page.getByRole("row", { name: /^3 \(publicada\)/ }).waitFor();
    await accessible(page, "12b-minutes-amended");
    const amendedHash = (await page.locator("tbody tr").last().locator("code.hash").first().textContent())!;
    expect(amendedHash).not.toBe(shown);
    const after = await gql(system.gatewayUrl, `query($id: ID!) { meeting(id: $id) { minutes { currentVersion { sha256 body } } } }`, { id: heldId });
    expect((after.data as any).meeting.minutes.currentVersion).toMatchObject({ sha256: amendedHash, body: expect.stringMatching(/Retificação: onde se lê/) });

    // The meeting scheduled for March is postponed, with its reason.
    await page.getByRole("link", { name: "COMPUR" }).click();
    await page.getByRole("link", { name: label, exact: true }).click();
    await page.getByLabel("Motivo").fill("Falta de quórum previsto para a data.");
    await page.getByLabel(/Adiar \(a reunião será remarcada\)/).check();
    await page.getByRole("button", { name: "Adiar reunião" }).click();
    await page.getByText("Adiada (Falta de quórum previsto para a data.)").waitFor();
    await accessible(page, "12c-postponed");

    const read = await gql(system.gatewayUrl, `{ council(slug: "compur") { meetings(first: 10) { edges { node { sequenceLabel status convocation { noticeRespected } quorum { required present achieved } deliberations { outcome votesFor } } } } } }`);
    expect((read.data as any).council.meetings.edges.map((e: any) => e.node).find((m: any) => m.sequenceLabel === held)).toEqual({
      sequenceLabel: held,
      status: "HELD",
      convocation: { noticeRespected: true },
      quorum: { required: 3, present: 3, achieved: true },
      deliberations: [{ outcome: "APPROVED", votesFor: 3 }],
    });

    await page.getByRole("button", { name: "Sair" }).click();
    await page.getByRole("heading", { name: "Entrar" }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
    // A whole working session of a secretary: minutes of clicks and server round trips in one browser.
  }, 300_000);

  it("a secretary of another council sees the council but gets no form to write for it", async () => {
    const { context, page, problems } = await open();
    await signInAs(page, /COMIC/);
    expect(await page.getByRole("link", { name: /COMPUR/ }).count()).toBe(0);
    await page.goto(`${base}/console/conselhos/compur`);
    // Reloading signs out (the token was in memory): sign in again, then go by the address bar's path.
    await signInAs(page, /COMIC/);
    await page.evaluate(() => history.pushState(null, "", "/console/conselhos/compur"));
    await page.evaluate(() => dispatchEvent(new PopStateEvent("popstate")));
    await page.getByRole("heading", { name: /^COMPUR — / }).waitFor();
    expect(await page.getByRole("button", { name: "Agendar reunião" }).count()).toBe(0);
    await accessible(page, "13-other-council");
    expect(problems).toEqual([]);
    await context.close();
  });
});
