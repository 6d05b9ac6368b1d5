import { foldForSearch, slugify } from "./text";

describe("text", () => {
  it("folds accents and case for search", () => {
    expect(foldForSearch("Petrolândia RESOLUÇÃO Saúde")).toBe("petrolandia resolucao saude");
  });

  it("makes URL-safe slugs", () => {
    expect(slugify("Conselho Regional Vargem das Flores")).toBe("conselho-regional-vargem-das-flores");
    expect(slugify("  COMPUR ")).toBe("compur");
    expect(slugify("Promoção da Igualdade Racial!")).toBe("promocao-da-igualdade-racial");
  });
});
