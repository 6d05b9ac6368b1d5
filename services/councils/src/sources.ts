/** One description for the `sources` field of every record of this subgraph. */
export const SOURCES_DESCRIPTION =
  "Public documents this record's facts come from (`url`, with a `note` where a source is weak, partial or contradicts " +
  "another), as gathered in Contagem's public record; at least one for every council and act the default seed loads, " +
  "none for a record entered through a mutation.";
