import { registerEnumType } from "type-graphql";

export enum LegalActKind {
  LAW = "LAW",
  COMPLEMENTARY_LAW = "COMPLEMENTARY_LAW",
  DECREE = "DECREE",
  ORDINANCE = "ORDINANCE",
  RESOLUTION = "RESOLUTION",
  NOTICE = "NOTICE",
  BILL = "BILL",
}

registerEnumType(LegalActKind, {
  name: "LegalActKind",
  description: "Kind of official act: lei, lei complementar, decreto, portaria, resolução, edital, projeto de lei.",
});
