import { OPEN_DATA_PACKAGE, publicEnumNames, type OpenDataField, type OpenDataResource } from "@contagem/schema";
import type { WrittenTable } from "./tables";

/** The licence of the package (LAI art. 8 §3: open formats; CC BY 4.0: reuse freely, citing the source). */
export const LICENSE = {
  name: "CC-BY-4.0",
  path: "https://creativecommons.org/licenses/by/4.0/",
  title: "Creative Commons Attribution 4.0 International",
} as const;

/** One text, both languages: Table Schema has one `description`; the English follows the Portuguese. */
const both = (text: { pt: string; en: string }) => `${text.pt}\n\nEnglish: ${text.en}`;

function tableField(field: OpenDataField) {
  const values = field.enumeration ? [...new Set(publicEnumNames(field.enumeration).values())] : undefined;
  const constraints = { ...(field.required ? { required: true } : {}), ...(values ? { enum: values } : {}), ...field.constraints };
  return {
    name: field.name,
    type: field.type,
    description: both(field.description),
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

/** The Table Schema of a resource: its fields, `id` as primary key, and its references to any resource of the package. */
export function tableSchema(resource: OpenDataResource) {
  return {
    fields: resource.fields.map(tableField),
    missingValues: [""],
    ...((resource.primaryKey ?? ["id"]).length ? { primaryKey: resource.primaryKey ?? ["id"] } : {}),
    ...(resource.foreignKeys?.length
      ? {
          foreignKeys: resource.foreignKeys.map((key) => ({
            fields: [key.field],
            // Table Schema names a reference to the same resource with "".
            reference: { resource: key.resource === resource.name ? "" : key.resource, fields: [key.references ?? "id"] },
          })),
        }
      : {}),
  };
}

/** `datapackage.json`: a Frictionless Tabular Data Package (v1) with every file's size and SHA-256. */
export function packageDescriptor(tables: WrittenTable[], meta: { version: string; created: Date; homepage?: string }) {
  return {
    profile: "tabular-data-package",
    name: OPEN_DATA_PACKAGE,
    title: "Sistema Municipal de Participação de Contagem — dados abertos",
    description: both({
      pt:
        "Conselhos, reuniões, presenças, deliberações e votos, atas publicadas (cada versão com seu SHA-256), resoluções, " +
        "processos participativos, propostas e obras de Contagem (MG), como a API pública os mostra. Sem dados pessoais: " +
        "de pessoas, só o nome que um ato oficial publica. Lei 12.527/2011 (LAI), art. 8º §3º.",
      en:
        "Councils, meetings, attendance, deliberations and votes, published minutes (every version with its SHA-256), " +
        "resolutions, participatory processes, proposals and works of Contagem (MG), as the public API shows them. No " +
        "personal data: of people, only the name an official act publishes.",
    }),
    version: meta.version,
    created: meta.created.toISOString().replace(/\.\d{3}Z$/, "Z"),
    ...(meta.homepage ? { homepage: meta.homepage } : {}),
    keywords: ["Contagem", "participação social", "conselhos", "atas", "resoluções", "LAI", "open government"],
    licenses: [LICENSE],
    resources: tables.map((table) => ({
      name: table.resource.name,
      path: `${table.resource.name}.csv`,
      profile: "tabular-data-resource",
      title: table.resource.title.pt,
      description: both(table.resource.description),
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      bytes: table.bytes,
      hash: `sha256:${table.sha256}`,
      dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true },
      schema: tableSchema(table.resource),
      "x-rows": table.rows,
      "x-subgraph": table.subgraph,
    })),
  };
}
