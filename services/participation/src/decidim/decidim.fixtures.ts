import type { DecidimProposalRecord, DecidimSnapshot } from "./records";

/** Decide Contagem's host: fixture records' pages are addresses on it. */
export const HOST = "https://decidim.contagem.mg.gov.br";

/**
 * A snapshot shaped like Decide Contagem's: the OGP 2022 commitments vote (a budget of projects) and a consultation with
 * proposals in every state, accountability results, the regional councils' assemblies and their meetings. Real objects
 * as the client hands them over (names of people appear only where Decidim would keep them out: nowhere).
 */
export function contagemSnapshot(): DecidimSnapshot {
  const ogp = { type: "ParticipatoryProcess" as const, externalId: "7" };
  const plano = { type: "ParticipatoryProcess" as const, externalId: "9" };
  const proposal = (id: string, state: DecidimProposalRecord["state"], extra: Partial<DecidimProposalRecord> = {}): DecidimProposalRecord => ({
    externalId: id, space: plano, componentExternalId: "31", url: `${HOST}/processes/plano-de-mobilidade/f/31/proposals/${id}`,
    title: `Proposta ${id}: ciclovia na Avenida João César de Oliveira`, body: `Texto da proposta ${id} sobre mobilidade urbana em Contagem.`,
    state, answer: null, answeredAt: null, publishedAt: "2026-03-02T10:00:00-03:00", voteCount: 12, endorsementsCount: 1, commentsCount: 3,
    authorsCount: 1, organizationAuthor: null, ...extra,
  });
  const regional = (id: string, slug: string, name: string) => ({
    externalId: id, slug, url: `${HOST}/assemblies/${slug}`, title: name, subtitle: "Conselho Regional",
    description: `Espaço do ${name} no Decide Contagem.`, publishedAt: "2021-08-20T09:00:00-03:00",
  });
  return {
    apiUrl: `${HOST}/api`,
    decidimVersion: "0.27.6",
    fetchedAt: "2026-11-30T12:00:00-03:00",
    processes: [
      {
        externalId: "7", slug: "ogp-2022", url: `${HOST}/processes/ogp-2022`, title: "Compromissos OGP 2022", subtitle: "Governo Aberto",
        description: "Votação dos compromissos do plano de ação de governo aberto.", startDate: "2022-05-02", endDate: "2022-06-30",
        publishedAt: "2022-04-25T09:00:00-03:00",
        steps: [
          { externalId: "71", title: "Apresentação", description: "", position: 0, startDate: "2022-05-02", endDate: "2022-05-15", active: false },
          { externalId: "72", title: "Votação dos compromissos", description: "", position: 1, startDate: "2022-05-16", endDate: "2022-06-15", active: false },
          { externalId: "73", title: "Resultados", description: "", position: 2, startDate: "2022-06-16", endDate: "2022-06-30", active: true },
        ],
      },
      {
        externalId: "9", slug: "plano-de-mobilidade", url: `${HOST}/processes/plano-de-mobilidade`, title: "Plano de Mobilidade", subtitle: null,
        description: "Consulta sobre o plano de mobilidade urbana.", startDate: "2026-03-01", endDate: "2099-12-31", publishedAt: "2026-02-20T09:00:00-03:00",
        steps: [{ externalId: "91", title: "Envio de propostas", description: "", position: 0, startDate: "2026-03-01", endDate: null, active: true }],
      },
    ],
    assemblies: [
      regional("3", "regional-nacional", "Conselho Regional Nacional"),
      regional("4", "regional-sede", "Conselho Regional Sede"),
      regional("5", "regional-eldorado", "Conselho Regional Eldorado"),
    ],
    proposals: [
      proposal("101", "not_answered"),
      proposal("102", "evaluating", { answer: "Em análise pela Secretaria de Mobilidade.", answeredAt: "2026-04-01T10:00:00-03:00" }),
      proposal("103", "accepted", { answer: "Aceita: incluída no plano.", answeredAt: "2026-05-01T10:00:00-03:00", organizationAuthor: "Associação Pedala Contagem", authorsCount: 2 }),
      proposal("104", "rejected", { answer: "Fora da competência municipal.", answeredAt: "2026-05-02T10:00:00-03:00", voteCount: null }),
      proposal("105", "withdrawn"),
      { ...proposal("106", "not_answered"), space: { type: "Assembly", externalId: "3" } },
    ],
    projects: ["Dados abertos de obras", "Ouvidoria itinerante", "Orçamento participativo digital"].map((title, i) => ({
      externalId: String(201 + i), space: ogp, budgetExternalId: "41", budgetTitle: "Compromissos", url: `${HOST}/processes/ogp-2022/f/41/budgets/41/projects/${201 + i}`,
      title, description: `Compromisso: ${title}.`, budgetAmount: 100_000 * (i + 1), confirmedVotes: [530, 410, 122][i], selected: i < 2,
    })),
    results: [
      { externalId: "301", space: ogp, componentExternalId: "42", parentExternalId: null, url: `${HOST}/processes/ogp-2022/f/42/results/301`, title: "Portal de dados abertos", description: "Publicação das obras.", startDate: "2022-08-01", endDate: "2023-12-31", progress: 60, statusName: "Em execução" },
      { externalId: "302", space: ogp, componentExternalId: "42", parentExternalId: "301", url: `${HOST}/processes/ogp-2022/f/42/results/302`, title: "Catálogo de obras", description: "", startDate: null, endDate: null, progress: 100, statusName: "Concluído" },
    ],
    meetings: [
      {
        externalId: "501", space: { type: "Assembly", externalId: "3" }, componentExternalId: "61", url: `${HOST}/assemblies/regional-nacional/f/61/meetings/501`,
        title: "Reunião ordinária de março", description: "Reunião do Conselho Regional Nacional.", startTime: "2026-03-10T19:00:00-03:00", endTime: "2026-03-10T21:00:00-03:00",
        address: "Rua Quintino Bocaiúva, Nacional, Contagem", agenda: [{ title: "Leitura da ata", description: "" }, { title: "Obras da regional", description: "Prioridades de 2026." }],
        closed: true, closingReport: "Aprovadas as prioridades de obras.", attendeesCount: 23, contributionsCount: 5, attendingOrganizations: "Associação de Moradores do Nacional", withdrawn: false,
      },
      {
        externalId: "502", space: { type: "Assembly", externalId: "3" }, componentExternalId: "61", url: `${HOST}/assemblies/regional-nacional/f/61/meetings/502`,
        title: "Reunião ordinária de abril", description: "", startTime: "2026-04-14T19:00:00-03:00", endTime: null,
        address: null, agenda: [], closed: false, closingReport: null, attendeesCount: null, contributionsCount: null, attendingOrganizations: null, withdrawn: false,
      },
      {
        externalId: "503", space: plano, componentExternalId: "33", url: `${HOST}/processes/plano-de-mobilidade/f/33/meetings/503`,
        title: "Audiência do plano", description: "", startTime: "2026-04-20T19:00:00-03:00", endTime: null,
        address: null, agenda: [], closed: false, closingReport: null, attendeesCount: null, contributionsCount: null, attendingOrganizations: null, withdrawn: false,
      },
    ],
  };
}

/** A deep copy to change for the next sync. */
export const copy = (snapshot: DecidimSnapshot): DecidimSnapshot => structuredClone(snapshot);
