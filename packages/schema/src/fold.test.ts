import { excerptOf, foldQuery, foldText, foldWord, highlight } from "./fold";

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

describe("text typed in decomposed form (NFD), and graphemes of several code points", () => {
  const NFC = "Aos dez dias do mês, em reunião ordinária, o conselho aprovou as resoluções sobre as praças.";
  const NFD = NFC.normalize("NFD");
  const graphemesOf = (text: string) => [...new Intl.Segmenter("pt-BR", { granularity: "grapheme" }).segment(text)].map((s) => s.segment);

  it("folds a decomposed text exactly as the composed one, so both are found", () => {
    expect(NFD).not.toBe(NFC);
    expect(foldText(NFD)).toBe(foldText(NFC));
    expect(foldQuery("reuniões".normalize("NFD"))).toBe("reuniao");
  });

  it.each([
    ["NFC", NFC],
    ["NFD", NFD],
  ])("highlights whole words of a %s text, in the text's own form, never parting a letter from its accent", (_form, body) => {
    const excerpt = highlight(body, "reuniao resolucao");
    expect(excerpt).toContain(`**${"reunião".normalize(_form as "NFC" | "NFD")}**`);
    expect(excerpt).toContain(`**${"resoluções".normalize(_form as "NFC" | "NFD")}**`);
    expect(excerpt).not.toMatch(/\*\*\p{M}/u);
    expect(excerpt.replace(/\*\*/g, "")).toBe(body);
  });

  it("cuts long excerpts on grapheme boundaries: no lone accent, half emoji or lone surrogate", () => {
    const family = "👩‍👩‍👧‍👦";
    const flag = "🇧🇷";
    const accent = "ã".normalize("NFD");
    for (let pad = 0; pad < 12; pad++) {
      const body = `${"x".repeat(pad)}${`${family}${flag}a${accent}`.repeat(60)} reunião ${`${flag}${family}o${accent}`.repeat(60)}`;
      for (const excerpt of [highlight(body, "reuniao", 30), excerptOf(body, 40 + pad)]) {
        const inner = excerpt.replace(/\*\*/g, "").replace(/^…|…$/g, "");
        expect(inner.isWellFormed()).toBe(true);
        const whole = new Set(graphemesOf(body));
        expect(graphemesOf(inner).filter((g) => !whole.has(g))).toEqual([]);
      }
    }
  });
});
