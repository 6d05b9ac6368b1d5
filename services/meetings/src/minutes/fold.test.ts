import { foldQuery, foldText, foldWord, highlight } from "./fold";

describe("Portuguese folding for search", () => {
  it.each([
    ["reunião", "reuniões"],
    ["resolução", "resoluções"],
    ["resolucao", "resolução"],
    ["ata", "atas"],
    ["conselho", "Conselhos"],
    ["orçamento", "orçamentos"],
    ["animal", "animais"],
    ["papel", "papéis"],
    ["pão", "pães"],
  ])("folds %s and %s alike", (a, b) => {
    expect(foldWord(a)).toBe(foldWord(b));
  });

  it("keeps the text's shape and the query's operators", () => {
    expect(foldText("Reuniões do Conselho: 12 atas.")).toBe("reuniao do conselho: 12 ata.");
    expect(foldQuery('"reuniões ordinárias" or praças -obras')).toBe('"reuniao ordinaria" or praca -obra');
  });

  it("highlights the matched words of the original text", () => {
    const body = "Aos dez dias do mês, em reunião ordinária, o conselho aprovou as resoluções sobre as praças.";
    expect(highlight(body, "resolucao praca")).toContain("**resoluções**");
    expect(highlight(body, "resolucao praca")).toContain("**praças**");
    expect(highlight(body, "reuniões")).toContain("**reunião**");
  });
});
