import { registerEnumType } from "type-graphql";

/** The system a record is kept in. Stored only on imported rows (`origin_system`); a null there is CONTAGEM. */
export enum SourceSystem {
  CONTAGEM = "CONTAGEM",
  DECIDIM = "DECIDIM",
}

registerEnumType(SourceSystem, {
  name: "SourceSystem",
  description: "The system a record is kept in, and written through.",
  valuesConfig: {
    CONTAGEM: { description: "This graph: written through its mutations (or seeded from Contagem's public record)." },
    DECIDIM: {
      description:
        "Decide Contagem (Decidim, decidim.contagem.mg.gov.br): imported by the scheduled sync, read-only here; every write to it " +
        "through this graph is refused with RECORD_IMMUTABLE (write on Decidim; the next sync brings the change).",
    },
  },
});
