import { DecidimStandin, DECIDIM_MAX_PER_PAGE, decideContagemFixture, encodeCursor, FMIC_PROPOSALS } from "./index";

const post = (apiUrl: string, query: string, variables: Record<string, unknown> = {}) =>
  fetch(apiUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });

const json = (res: Response): Promise<any> => res.json();

const PAGE = `query Page($id: ID!, $first: Int, $after: String) {
  component(id: $id) { ... on Proposals { proposals(first: $first, after: $after) {
    pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
    edges { cursor node { id state title { translation(locale: "pt-BR") } } } } } } }`;

describe("stand-in Decidim API (Decidim 0.28.4 subset)", () => {
  const standin = new DecidimStandin();
  let apiUrl = "";
  beforeAll(async () => {
    ({ apiUrl } = await standin.start());
  });
  afterAll(() => standin.stop());
  beforeEach(() => standin.reset());

  const fmicComponentId = () => {
    const fmic = standin.store.data.spaces.find((s) => s.slug.startsWith("consulta-publica"))!;
    return standin.store.data.components.find(
      (c) => c.space.id === fmic.id && c.space.kind === "ParticipatoryProcess" && c.manifest === "proposals" && c.published,
    )!.id;
  };

  it("answers Decidim's metadata and lists only published, public spaces", async () => {
    const res = await post(apiUrl, `{ decidim { version } organization { name }
      participatoryProcesses { slug } assemblies { slug } }`);
    expect(res.status).toBe(200);
    const { data } = await json(res);
    expect(data.decidim.version).toBe("0.28.4");
    expect(data.participatoryProcesses.map((p: { slug: string }) => p.slug)).toEqual([
      "plano-governo-aberto-2022",
      "consulta-publica-do-fundo-municipal-de-incentivo-a-cultura-fmic-2025",
      "conferencia-municipal-cultura",
      "programa-de-melhoria-de-vilas-favelas-e-periferias",
    ]);
    const assemblies = data.assemblies.map((a: { slug: string }) => a.slug);
    expect(assemblies).toContain("regional-nacional");
    expect(assemblies).toHaveLength(9); // 8 regional councils + the transparent private one
    expect(assemblies).not.toContain("assembleia-privada-ficticia");
    expect(assemblies).not.toContain("assembleia-rascunho-ficticia");
  });

  it("pages proposals with graphql-ruby offset cursors, caps `first` at 50 and hides moderated and draft ones", async () => {
    const id = fmicComponentId();
    const visible = standin.store.data.proposals
      .filter((p) => p.componentId === id && p.publishedAt && !p.hidden)
      .map((p) => String(p.id));
    expect(visible.length).toBeGreaterThan(2 * DECIDIM_MAX_PER_PAGE);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { data, errors } = await json(await post(apiUrl, PAGE, { id, first: 500, after }));
      expect(errors).toBeUndefined();
      const conn = data.component.proposals;
      expect(conn.edges.length).toBeLessThanOrEqual(DECIDIM_MAX_PER_PAGE);
      expect(conn.edges[0].cursor).toBe(encodeCursor(seen.length + 1));
      expect(conn.pageInfo.hasPreviousPage).toBe(seen.length > 0);
      seen.push(...conn.edges.map((e: { node: { id: string } }) => e.node.id));
      pages++;
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(visible.length / DECIDIM_MAX_PER_PAGE));
    expect(seen).toEqual(visible);
    const hidden = standin.store.data.proposals.find((p) => p.componentId === id && p.hidden)!;
    const one = await json(await post(apiUrl, `{ component(id: ${id}) { ... on Proposals { proposal(id: ${hidden.id}) { id } } } }`));
    expect(one.data.component.proposal).toBeNull();
    expect(encodeCursor(1)).toBe("MQ");
  });

  it("shows a proposal's state only once its answer is published (withdrawn always)", async () => {
    const id = fmicComponentId();
    const { data } = await json(await post(apiUrl, PAGE, { id, first: 50 }));
    const byId = new Map(data.component.proposals.edges.map((e: any) => [Number(e.node.id), e.node.state]));
    for (const p of standin.store.data.proposals.filter((x) => byId.has(x.id))) {
      const expected = p.statePublishedAt || p.internalState === "withdrawn" ? p.internalState : null;
      expect(byId.get(p.id)).toBe(expected);
    }
    expect(new Set(byId.values())).toEqual(new Set([null, "evaluating", "accepted", "rejected", "withdrawn"]));
  });

  it("applies graphql-ruby's cursor rules: bad cursors fail, negative `first` gives an empty page", async () => {
    const id = fmicComponentId();
    const bad = await json(await post(apiUrl, PAGE, { id, first: 5, after: "not a cursor!" }));
    expect(bad.errors[0].message).toBe('Invalid input: "not a cursor!"');
    const none = await json(await post(apiUrl, PAGE, { id, first: -3 }));
    expect(none.data.component.proposals.edges).toEqual([]);
    const past = await json(await post(apiUrl, PAGE, { id, first: 5, after: encodeCursor(10_000) }));
    expect(past.data.component.proposals.pageInfo).toMatchObject({ hasNextPage: false, endCursor: null });
  });

  it("refuses queries over Decidim's depth (15) and complexity (5000) limits, as graphql-ruby counts them", async () => {
    const id = fmicComponentId();
    const text = "{ translation(locale: \"pt-BR\") translations { locale text machineTranslated } locales }";
    const heavy = (first: number) => `{ component(id: ${id}) { ... on Proposals { proposals(first: ${first}) {
      pageInfo { hasNextPage endCursor } nodes { id title ${text} body ${text} answer ${text} state voteCount } } } } }`;
    // per node: id, state, voteCount 3 + three texts of 1 + (translation 1 + translations 4 + locales 1) = 21 → 24;
    // proposals: 1 + 24 × first + pageInfo 3 + nodes 1; component 1 → 250: 6006, 200: 4806
    expect((await json(await post(apiUrl, heavy(200)))).errors).toBeUndefined();
    const over = await json(await post(apiUrl, heavy(250)));
    expect(over.errors[0].message).toBe("Query has complexity of 6006, which exceeds max complexity of 5000");
    const steps = (depth: number) => {
      const path = ["participatoryProcesses"];
      while (path.length < depth - 1) path.push(path.length % 2 ? "steps" : "participatoryProcess");
      return `{ ${path.reduceRight((inner, field) => `${field} { ${inner} }`, "id")} }`;
    };
    expect((await json(await post(apiUrl, steps(15)))).errors).toBeUndefined();
    const tooDeep = await json(await post(apiUrl, steps(16)));
    expect(tooDeep.errors[0].message).toBe("Query has depth of 16, which exceeds max depth of 15");
  });

  it("does not serve unpublished components, but serves a private space's published one by id, as 0.28.4 does", async () => {
    const draft = standin.store.data.components.find((c) => !c.published)!;
    const { data } = await json(await post(apiUrl, `{ component(id: ${draft.id}) { id } }`));
    expect(data.component).toBeNull();
    const hiddenSpace = standin.store.data.spaces.find((s) => s.slug === "processo-privado-ficticio")!;
    const inPrivate = standin.store.data.components.find((c) => c.space.id === hiddenSpace.id && c.space.kind === hiddenSpace.kind)!;
    const leaked = await json(await post(apiUrl, `{ component(id: ${inPrivate.id}) { ... on Meetings { meetings { nodes { id } } } } }`));
    expect(leaked.data.component.meetings.nodes).toHaveLength(1);
  });

  it("injects 429 with Retry-After, 5xx, delays and resets on the next requests, and logs them", async () => {
    standin.failNext(1, { kind: "status", status: 429, retryAfter: 7 });
    standin.failNext(1, { kind: "status", status: 502 });
    standin.failNext(1, { kind: "reset" });
    standin.failNext(1, { kind: "delay", ms: 150 });
    const q = "{ decidim { version } }";
    const r1 = await post(apiUrl, q);
    expect([r1.status, r1.headers.get("retry-after")]).toEqual([429, "7"]);
    expect((await post(apiUrl, q)).status).toBe(502);
    await expect(post(apiUrl, q)).rejects.toThrow();
    const t0 = Date.now();
    expect((await post(apiUrl, q)).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect((await post(apiUrl, q)).status).toBe(200);
    expect(standin.apiRequests().map((r) => r.status)).toEqual([429, 502, "reset", 200, 200]);
  });

  it("keeps the control path off unless asked, and serves it when started with admin", async () => {
    expect((await fetch(`${apiUrl.replace(/\/api$/, "")}/__standin/requests`)).status).toBe(404);
    const admin = new DecidimStandin({ admin: true });
    const { url } = await admin.start();
    try {
      const proposal = admin.store.data.proposals.find((p) => p.publishedAt && !p.hidden)!;
      const hide = await fetch(`${url}/__standin/records/proposal/${proposal.id}/hide`, { method: "POST" });
      expect(hide.status).toBe(200);
      expect(admin.store.get("proposal", proposal.id).hidden).toBe(true);
      const missing = await fetch(`${url}/__standin/records/proposal/999999/hide`, { method: "POST" });
      expect(missing.status).toBe(404);
      await fetch(`${url}/__standin/faults`, {
        method: "POST",
        body: JSON.stringify({ count: 1, fault: { kind: "status", status: 500 } }),
      });
      expect((await post(`${url}/api`, "{ decidim { version } }")).status).toBe(500);
      const log = await json(await fetch(`${url}/__standin/requests`));
      expect(log.some((r: { path: string; status: number }) => r.path === "/api" && r.status === 500)).toBe(true);
    } finally {
      await admin.stop();
    }
  });

  it("ships a fixture whose people are fictional and which needs several pages", () => {
    const data = decideContagemFixture();
    expect(data.users.every((u) => u.name.startsWith("Pessoa Fictícia "))).toBe(true);
    expect(data.proposals.filter((p) => p.title["pt-BR"].includes("fictícia")).length).toBeGreaterThanOrEqual(FMIC_PROPOSALS);
  });
});
