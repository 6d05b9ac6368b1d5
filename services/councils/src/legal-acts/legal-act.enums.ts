import { registerEnumType } from "type-graphql";

export enum LegalActKind {
  LAW = "LAW",
  COMPLEMENTARY_LAW = "COMPLEMENTARY_LAW",
  DECREE = "DECREE",
  ORDINANCE = "ORDINANCE",
  RESOLUTION = "RESOLUTION",
  NORMATIVE_DELIBERATION = "NORMATIVE_DELIBERATION",
  NOTICE = "NOTICE",
  BILL = "BILL",
}

registerEnumType(LegalActKind, {
  name: "LegalActKind",
  description: "Kind of official act: lei, lei complementar, decreto, portaria, resolução, deliberação normativa, edital, projeto de lei.",
  valuesConfig: {
    LAW: { description: "Lei (municipal law)." },
    COMPLEMENTARY_LAW: { description: "Lei complementar, e.g. the Plano Diretor." },
    DECREE: { description: "Decreto of the mayor." },
    ORDINANCE: { description: "Portaria of a secretariat, or joint (Portaria Conjunta)." },
    RESOLUTION: { description: "Resolução of a council." },
    NORMATIVE_DELIBERATION: { description: "Deliberação normativa of a council, e.g. COMAC's." },
    NOTICE: { description: "Edital: a call or notice, e.g. of a council election." },
    BILL: { description: "Projeto de lei: a bill before the city council (Câmara); `number` is written as the Câmara writes it." },
  },
});
