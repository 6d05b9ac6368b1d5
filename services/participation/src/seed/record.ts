import { councilSlugOf, record, type DecideItem } from "@contagem/record";
import { sourcesOf, type SourceRecord } from "@contagem/schema";
import { PhaseKind, ProcessKind, ProcessStatus } from "../processes/process.enums";

/** How the record's Decide Contagem items read in this subgraph's terms: pure functions over `@contagem/record`. */

/** The record's name of the 2022 OGP vote, which the earlier seed published under its own title (kept). */
export const OGP_RECORD_NAME = "1º Plano de Governo Aberto de Contagem";

export interface RecordProcess {
  key: string;
  kind: ProcessKind;
  status: ProcessStatus;
  description: string;
  /** The council the record says convened or elects through it, by slug. */
  councilSlug: string | null;
  phases: { position: number; kind: PhaseKind; title: string; date: string }[];
  sources: SourceRecord[];
  /**
   * Its slug on Decide Contagem (`/processes/<slug>`) where the record gives one: the Decidim sync takes that process's
   * row over (one process, not two) and the record keeps its name, kind, council and sources.
   */
  slug: string | null;
}

/** What the record says of each process beyond its facts: kind, status and phases it states, its council. */
const STATED: Record<string, Pick<RecordProcess, "kind" | "status" | "phases"> & { council?: string }> = {
  "Consulta Pública do Fundo Municipal de Incentivo à Cultura (FMIC) 2025": { kind: ProcessKind.PUBLIC_CONSULTATION, status: ProcessStatus.NOT_STATED, phases: [] },
  "IV Conferência Municipal de Cultura": { kind: ProcessKind.CONFERENCE, status: ProcessStatus.NOT_STATED, phases: [] },
  "Programa de Melhoria de Vilas, Favelas e Periferias": {
    kind: ProcessKind.PUBLIC_CONSULTATION,
    status: ProcessStatus.NOT_STATED,
    phases: [],
    council: "Conselho Municipal de Vilas, Favelas e Periferias",
  },
  "5ª Conferência Municipal de Políticas Públicas para Mulheres": {
    kind: ProcessKind.CONFERENCE,
    status: ProcessStatus.CLOSED,
    phases: [{ position: 1, kind: PhaseKind.DELIBERATION, title: "Conferência municipal", date: "2025-05-10" }],
  },
  "Conformidade Climática do Município de Contagem": { kind: ProcessKind.PUBLIC_CONSULTATION, status: ProcessStatus.NOT_STATED, phases: [] },
  "IV Conferência Municipal de Política Urbana (revisão do Plano Diretor)": {
    kind: ProcessKind.CONFERENCE,
    status: ProcessStatus.NOT_STATED,
    phases: [{ position: 1, kind: PhaseKind.INFORMATION, title: "Abertura on-line da conferência", date: "2021-08-31" }],
    council: "COMPUR",
  },
  "Eleições dos Conselhos Regionais (2023 e 2025)": { kind: ProcessKind.COUNCIL_ELECTION, status: ProcessStatus.NOT_STATED, phases: [] },
};

/**
 * The facts as a Markdown list and, where the record words a result ("not found" included), that result; never a
 * count, and no result line where the record says nothing of one.
 */
export function describe(item: DecideItem): string {
  const lines = [...(item.facts ?? []), ...(item.whatWasVoted ? [`o que foi votado: ${item.whatWasVoted as string}`] : [])];
  const facts = lines.map((line) => `- ${line}`).join("\n");
  const result = item.result as string | undefined;
  return result === undefined ? facts : `${facts}${facts ? "\n\n" : ""}Resultado: ${result}.`;
}

export const itemSources = (item: DecideItem): SourceRecord[] => sourcesOf(item.sources.map((url) => ({ url })));

/** The record's processes other than the OGP vote (seeded apart, as before). */
export function recordProcesses(): RecordProcess[] {
  return record.decideContagem
    .filter((item) => item.item === "process" && item.name !== OGP_RECORD_NAME)
    .map((item) => {
      const stated = STATED[item.name!];
      if (!stated) throw new Error(`A Decide Contagem process the seed does not read: ${item.name}`);
      return {
        key: item.name!,
        kind: stated.kind,
        status: stated.status,
        description: describe(item),
        councilSlug: stated.council ? councilSlugOf(stated.council) : null,
        phases: stated.phases,
        sources: itemSources(item),
        slug: item.slug ?? null,
      };
    });
}

export interface RecordAssembly {
  slug: string;
  name: string;
  facts: string;
  councilSlug: string | null;
  sources: SourceRecord[];
}

/** Assemblies are spaces of a body: one named as a council of the record is linked to it. */
export function recordAssemblies(): RecordAssembly[] {
  return record.decideContagem
    .filter((item) => item.item === "assembly")
    .map((item) => ({
      slug: item.slug!,
      name: item.name!,
      facts: (item.facts ?? []).join("\n"),
      councilSlug: record.councils.some((c) => c.name === item.name) ? councilSlugOf(item.name!) : null,
      sources: itemSources(item),
    }));
}
