import { sourcesOf } from "./source";

describe("sourcesOf", () => {
  it("keeps one entry per document, with its distinct notes, in first-seen order", () => {
    expect(
      sourcesOf([
        { url: "https://portal.contagem.mg.gov.br/a" },
        { url: "https://portal.contagem.mg.gov.br/b", note: "fonte de: eleição de 2023" },
        { url: "https://portal.contagem.mg.gov.br/a", note: "data da notícia" },
        { url: "https://portal.contagem.mg.gov.br/b", note: "fonte de: eleição de 2023" },
        { url: "https://portal.contagem.mg.gov.br/a", note: "local" },
      ]),
    ).toEqual([
      { url: "https://portal.contagem.mg.gov.br/a", note: "data da notícia; local" },
      { url: "https://portal.contagem.mg.gov.br/b", note: "fonte de: eleição de 2023" },
    ]);
  });

  it("refuses an address that is not an absolute http(s) URL", () => {
    expect(() => sourcesOf([{ url: "portal.contagem.mg.gov.br/a" }])).toThrow(/Not an absolute http\(s\) URL/);
    expect(() => sourcesOf([{ url: "javascript:alert(1)" }])).toThrow(/Not an absolute/);
  });
});
