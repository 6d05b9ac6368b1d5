import { englishWordsIn, PORTUGUESE_RENDERING, record, RULE_LABELS, verbatimRecord } from "./index";

/** Every string inside a value (a council's rules), links aside. */
const stringsIn = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(stringsIn)
      : value !== null && typeof value === "object"
        ? Object.values(value).flatMap(stringsIn)
        : [];

const keysIn = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(keysIn)
    : value !== null && typeof value === "object"
      ? Object.entries(value).flatMap(([key, inner]) => [key, ...keysIn(inner)])
      : [];

/**
 * Every text the graph shows as data: act titles and notes; a council's name, nature, binding and rules; meeting labels,
 * places, agendas and notes; Decide Contagem names, facts and results. A council's former name ("X (until 2025: Y)")
 * is shown apart, under a Portuguese heading, by the councils seed.
 */
function displayTexts(of: typeof record): string[] {
  const acts = [...of.councils.flatMap((c) => c.legalBasis), ...of.otherActs];
  return [
    ...acts.flatMap((a) => [a.title, a.note]),
    ...of.councils.flatMap((c) => [c.name.replace(/ \(until \d{4}: (.*)\)$/, " $1"), c.nature, c.boundTo, ...stringsIn(c.rules)]),
    ...of.meetings.flatMap((m) => [m.type, m.sequence, m.place, m.note, m.convocation, ...m.agenda]),
    ...of.decideContagem.flatMap((item) => [item.name, item.result, item.whatWasVoted, ...(item.facts ?? [])]),
  ].filter((text): text is string => typeof text === "string" && !/^https?:\/\//.test(text));
}

describe("the record's display texts", () => {
  it("are Portuguese: none holds an English word", () => {
    const english = displayTexts(record).map((text) => [text, englishWordsIn(text)]).filter(([, words]) => words.length);
    expect(english).toEqual([]);
  });

  it("render only texts the file holds, and each one: the rendering cannot go stale when the file changes", () => {
    const inFile = new Set(displayTexts(verbatimRecord));
    expect(Object.keys(PORTUGUESE_RENDERING).filter((text) => !inFile.has(text))).toEqual([]);
    // The word test catches a paraphrase the rendering missed: the file's own texts do read as English, exactly those.
    const english = new Set(displayTexts(verbatimRecord).filter((text) => englishWordsIn(text).length));
    expect([...english].filter((text) => !(text in PORTUGUESE_RENDERING))).toEqual([]);
    expect(english.size).toBe(Object.keys(PORTUGUESE_RENDERING).length);
  });

  it("label every key of the councils' rules in Portuguese (the file's keys are camelCase English)", () => {
    const keys = new Set(record.councils.flatMap((c) => keysIn(c.rules)));
    // A key that is a term ("2021-2023") reads as it is.
    expect([...keys].filter((key) => !/^\d{4}-\d{4}$/.test(key) && !(key in RULE_LABELS))).toEqual([]);
    expect(Object.keys(RULE_LABELS).filter((key) => !keys.has(key))).toEqual([]);
    expect(Object.values(RULE_LABELS).filter((label) => englishWordsIn(label).length)).toEqual([]);
  });

  it("tell English from Portuguese (the word test the seeds' tests use too)", () => {
    expect(englishWordsIn("ordinary meeting every two months")).toEqual(["ordinary", "meeting", "every", "two", "months"]);
    expect(englishWordsIn("reunião ordinária a cada dois meses, até 2025-01-30, no site, on-line, sem errata")).toEqual([]);
    expect(englishWordsIn("fonte: https://example.org/the-council-meeting")).toEqual([]);
  });
});
