import { PORTUGUESE_RENDERING, record, verbatimRecord } from "./index";

/** Words of English that a Portuguese display text never holds (the file's paraphrases used them). */
const ENGLISH = /\b(the|and|then|creates|new|duties|per|includes|basis|consolidates|governs|revoked|first|under|says|not in|excerpt|of the)\b/i;

/** Every text the graph shows as data: act titles, meeting labels and places, Decide Contagem names. */
function displayTexts(of: typeof record): string[] {
  const acts = [...of.councils.flatMap((c) => c.legalBasis), ...of.otherActs];
  return [
    ...acts.map((a) => a.title),
    ...of.meetings.flatMap((m) => [m.type, m.sequence, m.place, ...m.agenda]),
    ...of.decideContagem.map((item) => item.name),
    ...of.councils.map((c) => c.name),
  ].filter((text): text is string => typeof text === "string");
}

describe("the record's display texts", () => {
  it("are Portuguese: none reads as English", () => {
    expect(displayTexts(record).filter((text) => ENGLISH.test(text))).toEqual([]);
  });

  it("render only texts the file holds, and each one: the rendering cannot go stale when the file changes", () => {
    const inFile = new Set(displayTexts(verbatimRecord));
    expect(Object.keys(PORTUGUESE_RENDERING).filter((text) => !inFile.has(text))).toEqual([]);
    // The test of the kind would catch a paraphrase the rendering missed: the file's own texts do read as English.
    expect(new Set(displayTexts(verbatimRecord).filter((text) => ENGLISH.test(text))).size).toBe(Object.keys(PORTUGUESE_RENDERING).length);
  });
});
