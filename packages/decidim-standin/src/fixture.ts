/**
 * Fixture shaped like Decide Contagem (decidim.contagem.mg.gov.br), the city's Decidim instance.
 *
 * What is real comes from shared/data/contagem-sources.json (`decideContagem`): the platform, the processes named
 * there with their slugs where the source gives one (consulta-publica-do-fundo-municipal-de-incentivo-a-cultura-fmic-2025,
 * conferencia-municipal-cultura, programa-de-melhoria-de-vilas-favelas-e-periferias), the 2022 OGP vote (three of the
 * five commitments, opened 2022-10-17, plan submitted 2022-12-15, all five reported achieved; vote counts unknown, so the
 * component hides supports), the assembly `regional-nacional` of the Conselho Regional Nacional, and the eight
 * regional councils' names. Everything else — other slugs, ids, dates, people, proposals, meetings, budgets, results —
 * is invented filler, and says so: its texts carry "(fictício)" / "fictícia", and people are "Pessoa Fictícia …".
 * No real personal data.
 */
import type {
  AuthorRef,
  ComponentManifest,
  ComponentRow,
  MeetingRow,
  ProposalInternalState,
  ProposalRow,
  ResultRow,
  SpaceKind,
  SpaceRow,
  StandinData,
  Translations,
} from "./store";

const pt = (text: string, en?: string): Translations => (en ? { "pt-BR": text, en } : { "pt-BR": text });
const html = (text: string): Translations => ({ "pt-BR": `<p>${text}</p>` });

/** The fixture's organisation's public address (Decide Contagem's host). */
export const DECIDE_CONTAGEM_HOST = "https://decidim.contagem.mg.gov.br";

/** How many filler proposals the FMIC consultation gets: enough for three pages of Decidim's 50. */
export const FMIC_PROPOSALS = 130;

const REGIONAL_COUNCILS: { name: string; slug: string; real: boolean }[] = [
  { name: "Conselho Regional Sede", slug: "regional-sede", real: false },
  { name: "Conselho Regional Eldorado", slug: "regional-eldorado", real: false },
  { name: "Conselho Regional Industrial", slug: "regional-industrial", real: false },
  { name: "Conselho Regional Nacional", slug: "regional-nacional", real: true },
  { name: "Conselho Regional Petrolândia", slug: "regional-petrolandia", real: false },
  { name: "Conselho Regional Ressaca", slug: "regional-ressaca", real: false },
  { name: "Conselho Regional Riacho", slug: "regional-riacho", real: false },
  { name: "Conselho Regional Vargem das Flores", slug: "regional-vargem-das-flores", real: false },
];

const FICTIONAL_FIRST = ["Aurora", "Bento", "Ciro", "Dalva", "Elias", "Fausta", "Gil", "Hilda", "Ivo", "Jussara", "Lino", "Marta"];
const FICTIONAL_LAST = ["Quimera", "Zéfiro", "Orvalho", "Pirilampo"];

/** Builds the fixture (a fresh copy each call). */
export function decideContagemFixture(): StandinData {
  const spaces: SpaceRow[] = [];
  const components: ComponentRow[] = [];
  const proposals: ProposalRow[] = [];
  const meetings: MeetingRow[] = [];
  const results: ResultRow[] = [];
  let componentId = 900;
  let meetingId = 0;
  let proposalId = 0;

  const space = (row: Partial<SpaceRow> & Pick<SpaceRow, "kind" | "id" | "slug" | "title">): SpaceRow => {
    const s: SpaceRow = {
      reference: `DC-${row.kind === "Assembly" ? "ASS" : "PROC"}-${row.id}`,
      subtitle: null,
      description: html(""),
      shortDescription: null,
      startDate: null,
      endDate: null,
      publishedAt: "2022-05-20T10:00:00-03:00",
      createdAt: "2022-05-20T09:00:00-03:00",
      updatedAt: "2022-05-20T09:00:00-03:00",
      privateSpace: false,
      isTransparent: false,
      steps: [],
      ...row,
    };
    spaces.push(s);
    return s;
  };
  const component = (
    kind: SpaceKind,
    spaceId: number,
    manifest: ComponentManifest,
    name: string,
    extra: Partial<ComponentRow> = {},
  ): ComponentRow => {
    const c: ComponentRow = {
      id: ++componentId,
      space: { kind, id: spaceId },
      manifest,
      name: pt(name),
      weight: components.filter((x) => x.space.kind === kind && x.space.id === spaceId).length,
      published: true,
      votesHidden: false,
      ...extra,
    };
    components.push(c);
    return c;
  };

  // People: fictional users (names and nicknames the connector must never read) and user groups.
  const users = Array.from({ length: 24 }, (_, i) => {
    const first = FICTIONAL_FIRST[i % FICTIONAL_FIRST.length];
    const last = FICTIONAL_LAST[Math.floor(i / FICTIONAL_FIRST.length) % FICTIONAL_LAST.length];
    return {
      id: i + 1,
      name: `Pessoa Fictícia ${first} ${last}`,
      nickname: `ficticia_${first.toLowerCase()}_${last.toLowerCase().normalize("NFD").replace(/[^a-z]/g, "")}`,
      deleted: i === 23,
    };
  });
  const userGroups = [
    // Any participant may create a group; only one the admins verified shows Decidim's verified badge.
    { id: 1, name: "Coletivo Cultural Fictício Alvorada", nickname: "coletivo_ficticio_alvorada", membersCount: 12, verified: false },
    { id: 2, name: "Associação Fictícia de Moradores do Bairro Exemplo", nickname: "assoc_ficticia_exemplo", membersCount: 40, verified: true },
  ];

  // 1. The 2022 OGP local action plan vote (real: name, dates, the five commitments; slug invented).
  const ogp = space({
    kind: "ParticipatoryProcess",
    id: 1,
    slug: "plano-governo-aberto-2022",
    title: pt("1º Plano de Governo Aberto de Contagem", "1st Contagem Open Government Plan"),
    subtitle: pt("Escolha de três dos cinco compromissos do plano de ação local da OGP"),
    description: html(
      "Cada participante escolheu <strong>três</strong> dos cinco compromissos do plano de ação local da Parceria para Governo Aberto (OGP).",
    ),
    startDate: "2022-10-17",
    endDate: "2022-12-15",
    publishedAt: "2022-10-10T09:00:00-03:00",
    steps: [
      {
        id: 1,
        title: pt("Votação dos compromissos prioritários"),
        description: html("Votação aberta em 17/10/2022."),
        startDate: "2022-10-17T00:00:00-03:00",
        endDate: null,
        active: false,
        position: 0,
      },
      {
        id: 2,
        title: pt("Entrega do plano de ação"),
        description: html("Plano de ação com os cinco compromissos entregue em 15/12/2022."),
        startDate: null,
        endDate: "2022-12-15T23:59:00-03:00",
        active: true,
        position: 1,
      },
    ],
  });
  const ogpVote = component("ParticipatoryProcess", ogp.id, "proposals", "Compromissos do plano de ação", {
    votesHidden: true,
  });
  const ogpResults = component("ParticipatoryProcess", ogp.id, "accountability", "Acompanhamento dos compromissos");
  const commitments = [
    "Sistema de participação popular e cidadã",
    "Plano de Integridade de Contagem (PIC)",
    "Melhorias no Portal da Transparência",
    "Aplicativo dos serviços prestados por instituições do Terceiro Setor em parceria com o município",
    "Câmara de Prevenção e Resolução Administrativa de Conflitos de Contagem (CPRAC-C)",
  ];
  const statuses = [
    { id: 1, componentId: ogpResults.id, key: "concluido", name: pt("Concluído"), description: pt(""), progress: 100 },
  ];
  commitments.forEach((title, i) => {
    proposals.push({
      id: ++proposalId,
      componentId: ogpVote.id,
      reference: `DC-PROP-2022-10-${proposalId}`,
      title: pt(title),
      body: html(`Compromisso ${i + 1} do plano de ação local da OGP.`),
      address: null,
      internalState: "accepted",
      statePublishedAt: "2022-12-15T12:00:00-03:00",
      answer: html("Compromisso incluído no plano de ação entregue em 15/12/2022."),
      answeredAt: "2022-12-15T12:00:00-03:00",
      publishedAt: "2022-10-17T00:00:00-03:00",
      hidden: false,
      official: true,
      createdInMeeting: false,
      votes: 0,
      endorsementsCount: 0,
      commentsCount: 0,
      coauthors: [{ kind: "organization" }],
      createdAt: "2022-10-10T09:00:00-03:00",
      updatedAt: "2022-12-15T12:00:00-03:00",
    });
    results.push({
      id: i + 1,
      componentId: ogpResults.id,
      parentId: null,
      reference: `DC-RES-${i + 1}`,
      title: pt(title),
      description: html("A prefeitura informa o compromisso como alcançado."),
      startDate: "2022-12-15",
      endDate: null,
      progress: 100,
      statusId: 1,
      weight: i,
      externalId: null,
      commentsCount: 0,
      createdAt: "2023-01-10T09:00:00-03:00",
      updatedAt: "2024-06-01T09:00:00-03:00",
    });
  });

  // 2. FMIC 2025 public consultation (real: name, slug, organiser, topics, eight in-person meetings; the rest invented).
  const fmic = space({
    kind: "ParticipatoryProcess",
    id: 2,
    slug: "consulta-publica-do-fundo-municipal-de-incentivo-a-cultura-fmic-2025",
    title: pt("Consulta Pública do Fundo Municipal de Incentivo à Cultura (FMIC) 2025"),
    subtitle: pt("Secretaria Municipal de Cultura"),
    description: html(
      "Distribuição dos recursos do FMIC, critérios de avaliação de projetos e ampliação do acesso aos editais. Consulta online e oito encontros presenciais nas regionais.",
    ),
    startDate: "2025-03-01",
    endDate: "2025-04-30",
    publishedAt: "2025-02-20T09:00:00-03:00",
    steps: [
      {
        id: 3,
        title: pt("Envio de propostas (datas fictícias)"),
        description: html("Etapa de exemplo."),
        startDate: "2025-03-01T00:00:00-03:00",
        endDate: "2025-03-31T23:59:00-03:00",
        active: false,
        position: 0,
      },
      {
        id: 4,
        title: pt("Encontros presenciais (datas fictícias)"),
        description: html("Oito encontros presenciais nas regionais."),
        startDate: "2025-04-01T00:00:00-03:00",
        endDate: "2025-04-30T23:59:00-03:00",
        active: true,
        position: 1,
      },
    ],
  });
  const fmicProposals = component("ParticipatoryProcess", fmic.id, "proposals", "Propostas");
  const fmicMeetings = component("ParticipatoryProcess", fmic.id, "meetings", "Encontros presenciais");
  const fmicDraftComponent = component("ParticipatoryProcess", fmic.id, "proposals", "Propostas (rascunho, não publicado)", {
    published: false,
  });

  const states: { state: ProposalInternalState; published: boolean }[] = [
    { state: "not_answered", published: false },
    { state: "evaluating", published: true },
    { state: "accepted", published: true },
    { state: "rejected", published: true },
    { state: "withdrawn", published: false },
    { state: "accepted", published: false }, // answered in Decidim's admin, answer not yet published
  ];
  for (let n = 1; n <= FMIC_PROPOSALS; n++) {
    const { state, published } = states[n % states.length];
    const user = users[n % users.length];
    const coauthors: AuthorRef[] =
      n % 11 === 0
        ? [{ kind: "organization" }]
        : n % 7 === 0
          ? [{ kind: "user_group", userId: user.id, groupId: userGroups[n % 2].id }]
          : n % 5 === 0
            ? [
                { kind: "user", userId: user.id },
                { kind: "user", userId: users[(n + 3) % users.length].id },
              ]
            : [{ kind: "user", userId: user.id }];
    const stateShown = published || state === "withdrawn";
    proposals.push({
      id: ++proposalId,
      componentId: fmicProposals.id,
      reference: `DC-PROP-2025-03-${proposalId}`,
      title: pt(`Proposta fictícia ${String(n).padStart(3, "0")} para o FMIC`),
      body: {
        "pt-BR": `<p>Texto fictício da proposta ${n}: <em>mais editais</em> &amp; critérios claros.</p><ul><li>item A</li><li>item B</li></ul>`,
        ...(n % 9 === 0 ? { en: `Fictional proposal ${n}` } : {}),
      },
      address: n % 4 === 0 ? "Praça fictícia, 100, Contagem" : null,
      internalState: state,
      statePublishedAt: published ? "2025-04-10T10:00:00-03:00" : null,
      answer: stateShown && state !== "withdrawn" ? html(`Resposta fictícia à proposta ${n}.`) : null,
      answeredAt: state === "not_answered" || state === "withdrawn" ? null : "2025-04-10T10:00:00-03:00",
      publishedAt: n % 43 === 0 ? null : `2025-03-${String(1 + (n % 28)).padStart(2, "0")}T12:00:00-03:00`,
      hidden: n % 17 === 0,
      official: coauthors[0].kind === "organization",
      createdInMeeting: false,
      votes: (n * 7) % 23,
      endorsementsCount: n % 3,
      commentsCount: n % 4,
      coauthors,
      createdAt: "2025-03-01T12:00:00-03:00",
      updatedAt: "2025-04-10T10:00:00-03:00",
    });
  }
  // A proposal in the unpublished component (never listed), and one from a meeting.
  proposals.push({
    ...proposals[proposals.length - 1],
    id: ++proposalId,
    componentId: fmicDraftComponent.id,
    reference: `DC-PROP-2025-03-${proposalId}`,
    title: pt("Proposta fictícia em componente não publicado"),
    hidden: false,
    publishedAt: "2025-03-02T12:00:00-03:00",
  });

  const regionsForMeetings = ["Sede", "Eldorado", "Industrial", "Nacional", "Petrolândia", "Ressaca", "Riacho", "Vargem das Flores"];
  regionsForMeetings.forEach((region, i) => {
    meetings.push(
      meeting(++meetingId, fmicMeetings.id, {
        title: pt(`Encontro presencial do FMIC na regional ${region}`),
        description: html("Encontro presencial da consulta pública (data e local fictícios)."),
        startTime: `2025-04-${String(2 + i * 3).padStart(2, "0")}T19:00:00-03:00`,
        endTime: `2025-04-${String(2 + i * 3).padStart(2, "0")}T21:00:00-03:00`,
        address: `Centro cultural fictício da regional ${region}`,
        closedAt: i < 6 ? "2025-04-30T10:00:00-03:00" : null,
        closingReport: i < 6 ? html(`Relatório fictício do encontro na regional ${region}.`) : null,
        closingVisible: i !== 5,
        attendeesCount: i < 6 ? 20 + i * 3 : null,
        contributionsCount: i < 6 ? 5 + i : null,
        attendingOrganizations: i < 6 ? "Coletivo Cultural Fictício Alvorada" : null,
        author: { kind: "organization" },
      }),
    );
  });
  proposals.push({
    ...proposals[1],
    id: ++proposalId,
    componentId: fmicProposals.id,
    reference: `DC-PROP-2025-03-${proposalId}`,
    title: pt("Proposta fictícia registrada em encontro presencial"),
    hidden: false,
    publishedAt: "2025-04-03T12:00:00-03:00",
    official: false,
    createdInMeeting: true,
    coauthors: [{ kind: "meeting", meetingId: 1 }],
  });

  // 3. IV Conferência Municipal de Cultura (real: name, slug, purpose).
  const conf = space({
    kind: "ParticipatoryProcess",
    id: 3,
    slug: "conferencia-municipal-cultura",
    title: pt("IV Conferência Municipal de Cultura"),
    description: html("Elaboração do novo Plano Municipal de Cultura 2026-2036, convocada nos termos da Lei 4.647/2013."),
    publishedAt: "2025-05-01T09:00:00-03:00",
    steps: [
      {
        id: 5,
        title: pt("Pré-conferências (fictício)"),
        description: html(""),
        startDate: null,
        endDate: null,
        active: true,
        position: 0,
      },
    ],
  });
  const confProposals = component("ParticipatoryProcess", conf.id, "proposals", "Propostas para o Plano Municipal de Cultura");
  for (let n = 1; n <= 6; n++) {
    proposals.push({
      ...proposals[2],
      id: ++proposalId,
      componentId: confProposals.id,
      reference: `DC-PROP-2025-05-${proposalId}`,
      title: pt(`Diretriz fictícia ${n} para o plano de cultura`),
      body: html(`Diretriz fictícia número ${n}.`),
      internalState: n % 2 ? "not_answered" : "evaluating",
      statePublishedAt: n % 2 ? null : "2025-06-01T10:00:00-03:00",
      answer: null,
      answeredAt: n % 2 ? null : "2025-06-01T10:00:00-03:00",
      hidden: false,
      publishedAt: "2025-05-10T10:00:00-03:00",
      coauthors: [{ kind: "user", userId: users[n].id }],
      official: false,
    });
  }

  // 4. Programa de Melhoria de Vilas, Favelas e Periferias (real: name, slug, component 926 holds posts).
  const vilas = space({
    kind: "ParticipatoryProcess",
    id: 4,
    slug: "programa-de-melhoria-de-vilas-favelas-e-periferias",
    title: pt("Programa de Melhoria de Vilas, Favelas e Periferias"),
    description: html("Levantamento das demandas dos moradores e eleição do Conselho Municipal de Vilas, Favelas e Periferias."),
    startDate: "2024-12-12",
    publishedAt: "2024-12-12T09:00:00-03:00",
  });
  components.push({
    id: 926,
    space: { kind: "ParticipatoryProcess", id: vilas.id },
    manifest: "pages",
    name: pt("Notícias"),
    weight: 0,
    published: true,
    votesHidden: false,
  });
  const works = component("ParticipatoryProcess", vilas.id, "budgets", "Obras prioritárias (fictício)");
  const worksResults = component("ParticipatoryProcess", vilas.id, "accountability", "Execução das obras (fictício)");
  const budgets = [
    {
      id: 1,
      componentId: works.id,
      title: pt("Orçamento de exemplo das obras (fictício)"),
      description: html("Orçamento fictício para exemplo."),
      totalBudget: 2_000_000,
      createdAt: "2025-01-05T09:00:00-03:00",
      updatedAt: "2025-01-05T09:00:00-03:00",
    },
    {
      id: 2,
      componentId: works.id,
      title: pt("Segundo orçamento de exemplo (fictício)"),
      description: html("Outro orçamento fictício."),
      totalBudget: 500_000,
      createdAt: "2025-01-05T09:00:00-03:00",
      updatedAt: "2025-01-05T09:00:00-03:00",
    },
  ];
  const projects = Array.from({ length: 9 }, (_, i) => ({
    id: i + 1,
    budgetId: i < 6 ? 1 : 2,
    reference: `DC-PROJ-${i + 1}`,
    title: pt(`Obra fictícia ${i + 1}: pavimentação de via de exemplo`),
    description: html(`Descrição fictícia da obra ${i + 1}.`),
    budgetAmount: 150_000 + i * 25_000,
    selected: i % 3 === 0,
    commentsCount: i % 2,
    createdAt: "2025-01-06T09:00:00-03:00",
    updatedAt: "2025-01-06T09:00:00-03:00",
  }));
  statuses.push(
    { id: 2, componentId: worksResults.id, key: "planejado", name: pt("Planejado"), description: pt(""), progress: 0 },
    { id: 3, componentId: worksResults.id, key: "em_execucao", name: pt("Em execução"), description: pt(""), progress: 50 },
  );
  results.push(
    {
      id: 6,
      componentId: worksResults.id,
      parentId: null,
      reference: "DC-RES-6",
      title: pt("Pavimentação de vias (fictício)"),
      description: html("Resultado fictício."),
      startDate: "2025-02-01",
      endDate: "2025-12-31",
      progress: 40,
      statusId: 3,
      weight: 0,
      externalId: null,
      commentsCount: 0,
      createdAt: "2025-02-01T09:00:00-03:00",
      updatedAt: "2025-06-01T09:00:00-03:00",
    },
    {
      id: 7,
      componentId: worksResults.id,
      parentId: 6,
      reference: "DC-RES-7",
      title: pt("Pavimentação da rua de exemplo A (fictício)"),
      description: html("Sub-resultado fictício."),
      startDate: "2025-02-01",
      endDate: null,
      progress: null,
      statusId: null,
      weight: 1,
      externalId: "ficticio-7",
      commentsCount: 0,
      createdAt: "2025-02-01T09:00:00-03:00",
      updatedAt: "2025-06-01T09:00:00-03:00",
    },
  );

  // 5. Unpublished process (never listed).
  const draft = space({
    kind: "ParticipatoryProcess",
    id: 5,
    slug: "processo-em-preparacao-ficticio",
    title: pt("Processo em preparação (fictício, não publicado)"),
    publishedAt: null,
  });
  component("ParticipatoryProcess", draft.id, "proposals", "Propostas (não publicado)");
  // 6. Private process (never listed to an anonymous reader, even published).
  const privateProcess = space({
    kind: "ParticipatoryProcess",
    id: 6,
    slug: "processo-privado-ficticio",
    title: pt("Processo privado (fictício)"),
    privateSpace: true,
  });
  const privateMeetings = component("ParticipatoryProcess", privateProcess.id, "meetings", "Reuniões (privado)");

  // Assemblies: the eight regional councils (regional-nacional is real; the other slugs are invented).
  REGIONAL_COUNCILS.forEach((council, i) => {
    const a = space({
      kind: "Assembly",
      id: i + 1,
      slug: council.slug,
      title: pt(council.name),
      subtitle: pt("Conselho regional consultivo e deliberativo"),
      description: html(
        council.real
          ? "Regimento interno dos conselhos regionais. Sede regional: Rua Quintino Bocaiuva, 450, Nacional."
          : `Espaço do ${council.name} (texto fictício).`,
      ),
      publishedAt: "2022-05-20T10:00:00-03:00",
    });
    const meetingsComponent = component("Assembly", a.id, "meetings", "Reuniões");
    const count = council.real ? 3 : 1 + (i % 2);
    for (let m = 0; m < count; m++) {
      const day = String(5 + m * 7).padStart(2, "0");
      meetings.push(
        meeting(++meetingId, meetingsComponent.id, {
          title: pt(`Reunião ordinária fictícia ${m + 1} do ${council.name}`),
          description: html("Reunião de exemplo (data e pauta fictícias)."),
          startTime: `2025-0${(i % 8) + 2}-${day}T18:30:00-03:00`,
          endTime: `2025-0${(i % 8) + 2}-${day}T20:30:00-03:00`,
          address: council.real ? "Rua Quintino Bocaiuva, 450, Nacional" : `Sede regional fictícia ${i + 1}`,
          agenda:
            m === 0
              ? {
                  id: meetingId,
                  title: pt("Pauta"),
                  visible: true,
                  items: [
                    {
                      id: meetingId * 10 + 1,
                      title: pt("Abertura"),
                      description: html("Leitura da ata anterior (fictício)."),
                      duration: 10,
                      position: 0,
                      children: [],
                    },
                    {
                      id: meetingId * 10 + 2,
                      title: pt("Demandas da regional"),
                      description: html("Discussão das <b>demandas</b> (fictício)."),
                      duration: 60,
                      position: 1,
                      children: [
                        {
                          id: meetingId * 10 + 3,
                          title: pt("Iluminação pública"),
                          description: html("Item fictício."),
                          duration: 20,
                          position: 0,
                          children: [],
                        },
                      ],
                    },
                  ],
                }
              : m === 1
                ? { id: meetingId, title: pt("Pauta oculta"), visible: false, items: [] }
                : null,
          closedAt: m === 0 ? `2025-0${(i % 8) + 2}-${day}T21:00:00-03:00` : null,
          closingReport: m === 0 ? html("Ata fictícia: presentes discutiram as demandas da regional.") : null,
          closingVisible: true,
          attendeesCount: m === 0 ? 15 + i : null,
          contributionsCount: m === 0 ? 4 : null,
          attendingOrganizations: m === 0 ? "Associação Fictícia de Moradores do Bairro Exemplo" : null,
          withdrawn: council.real && m === 2,
          author: { kind: "organization" },
        }),
      );
    }
  });
  // A private, non-transparent assembly and an unpublished one (never listed).
  space({
    kind: "Assembly",
    id: 9,
    slug: "assembleia-privada-ficticia",
    title: pt("Assembleia privada (fictícia)"),
    privateSpace: true,
    isTransparent: false,
  });
  space({ kind: "Assembly", id: 10, slug: "assembleia-rascunho-ficticia", title: pt("Assembleia não publicada (fictícia)"), publishedAt: null });
  // A private but transparent assembly is listed.
  const transparent = space({
    kind: "Assembly",
    id: 11,
    slug: "assembleia-transparente-ficticia",
    title: pt("Assembleia privada e transparente (fictícia)"),
    privateSpace: true,
    isTransparent: true,
  });
  const tMeetings = component("Assembly", transparent.id, "meetings", "Reuniões");
  meetings.push(
    meeting(++meetingId, tMeetings.id, { title: pt("Reunião fictícia da assembleia transparente"), hidden: false }),
    meeting(++meetingId, tMeetings.id, { title: pt("Reunião fictícia moderada (oculta)"), hidden: true }),
    meeting(++meetingId, tMeetings.id, {
      title: pt("Reunião fictícia privada e não transparente"),
      privateMeeting: true,
      transparent: false,
    }),
    meeting(++meetingId, tMeetings.id, { title: pt("Reunião fictícia não publicada"), publishedAt: null }),
  );

  meetings.push(meeting(++meetingId, privateMeetings.id, { title: pt("Reunião fictícia de processo privado") }));

  return {
    organization: {
      name: "Decide Contagem",
      applicationName: "Decide Contagem",
      decidimVersion: "0.28.4",
      host: DECIDE_CONTAGEM_HOST,
    },
    spaces,
    components,
    users,
    userGroups,
    proposals,
    budgets,
    projects,
    statuses,
    results,
    meetings,
  };
}

function meeting(id: number, componentId: number, row: Partial<MeetingRow>): MeetingRow {
  return {
    id,
    componentId,
    reference: `DC-MEET-${id}`,
    title: pt(`Reunião fictícia ${id}`),
    description: html("Reunião fictícia."),
    startTime: "2025-06-10T18:00:00-03:00",
    endTime: "2025-06-10T20:00:00-03:00",
    typeOfMeeting: "in_person",
    address: null,
    location: null,
    locationHints: null,
    onlineMeetingUrl: "",
    agenda: null,
    closedAt: null,
    closingReport: null,
    closingVisible: true,
    attendeesCount: null,
    contributionsCount: null,
    attendingOrganizations: null,
    withdrawn: false,
    privateMeeting: false,
    transparent: false,
    publishedAt: "2025-01-15T09:00:00-03:00",
    hidden: false,
    author: { kind: "organization" },
    commentsCount: 0,
    createdAt: "2025-01-15T09:00:00-03:00",
    updatedAt: "2025-01-15T09:00:00-03:00",
    ...row,
  };
}
