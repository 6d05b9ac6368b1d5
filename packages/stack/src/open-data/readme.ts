import { publicEnumNames } from "@contagem/schema";
import { LICENSE } from "./descriptor";
import type { WrittenTable } from "./tables";

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** README.md of a snapshot: what it is, its licence, how to check it, and the data dictionary in both languages. */
export function packageReadme(tables: WrittenTable[], meta: { version: string; created: Date }): string {
  const lines = [
    `# Sistema Municipal de Participação de Contagem — dados abertos (${meta.version})`,
    "",
    "Conselhos, reuniões, presenças, deliberações e votos nominais, atas publicadas e todas as suas versões (com SHA-256),",
    "resoluções, processos participativos, propostas e obras do município de Contagem (MG), como a API pública GraphQL os",
    "mostra. Gerado em " + meta.created.toISOString() + ". Lei 12.527/2011 (LAI), art. 8º §3º: formato aberto (CSV, RFC 4180,",
    "UTF-8) e estrutura publicada (`datapackage.json`, Frictionless Tabular Data Package v1, com um Table Schema por arquivo).",
    "",
    "*English:* the public records of Contagem's participation system as the public GraphQL API shows them: one CSV per",
    "table, described by `datapackage.json` (a Frictionless Tabular Data Package). Column names and codes are English;",
    "the data are Portuguese, as the city writes them.",
    "",
    `**Licença / licence:** [${LICENSE.title}](${LICENSE.path}) — reuse livre, citando a fonte.`,
    "",
    "**Sem dados pessoais / no personal data:** de pessoas, só o nome que um ato oficial publica (conselheiros,",
    "candidaturas). Participantes, autores de propostas, cédulas e apoios individuais não constam: só contagens.",
    "",
    "## Arquivos / files",
    "",
    "Confira a integridade / check integrity: `sha256sum -c SHA256SUMS` (o mesmo SHA-256 está em `datapackage.json`).",
    "",
    "| arquivo | linhas | bytes | SHA-256 |",
    "|---|---:|---:|---|",
    ...tables.map((t) => `| \`${t.resource.name}.csv\` | ${t.rows} | ${t.bytes} | \`${t.sha256}\` |`),
    "",
    "Convenções: datas `AAAA-MM-DD`; instantes em UTC (`AAAA-MM-DDThh:mm:ssZ`; Contagem está em UTC−3); célula vazia = sem",
    "valor; `id` é o `databaseId` da API; colunas `*_id` apontam para o `id` de outra tabela (chaves estrangeiras no",
    "descritor); colunas JSON (`sources`, `nature`) são texto JSON.",
    "",
    "## Dicionário de dados / data dictionary",
  ];
  for (const { resource, rows } of tables) {
    lines.push("", `### \`${resource.name}.csv\` — ${resource.title.pt} / ${resource.title.en} (${rows} linhas)`, "", resource.description.pt, "", `*${resource.description.en}*`, "");
    lines.push("| coluna | tipo | descrição | description |", "|---|---|---|---|");
    for (const field of resource.fields) {
      const values = field.enumeration ? ` Valores: ${[...new Set(publicEnumNames(field.enumeration).values())].join(", ")}.` : "";
      lines.push(`| \`${field.name}\`${field.required ? "" : " (opcional)"} | ${field.type} | ${cell(field.description.pt + values)} | ${cell(field.description.en)} |`);
    }
  }
  return `${lines.join("\n")}\n`;
}
