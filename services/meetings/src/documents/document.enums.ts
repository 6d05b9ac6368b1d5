import { registerEnumType } from "type-graphql";

/** What a document is to the record that carries it. */
export enum DocumentKind {
  AGENDA = "AGENDA",
  CONVOCATION_NOTICE = "CONVOCATION_NOTICE",
  SIGNED_MINUTES = "SIGNED_MINUTES",
  RESOLUTION_TEXT = "RESOLUTION_TEXT",
  ANNEX = "ANNEX",
}

registerEnumType(DocumentKind, {
  name: "DocumentKind",
  description: "What a document is to the record that carries it.",
  valuesConfig: {
    AGENDA: { description: "A meeting's agenda (pauta)." },
    CONVOCATION_NOTICE: { description: "A meeting's convocation notice (edital de convocação)." },
    SIGNED_MINUTES: { description: "The signed minutes (ata assinada) as published in the Diário Oficial de Contagem." },
    RESOLUTION_TEXT: { description: "The text of a resolution as published." },
    ANNEX: { description: "Supporting material (anexo): a report, a presentation, a spreadsheet." },
  },
});
