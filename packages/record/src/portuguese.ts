import rendering from "./portuguese.json";

/**
 * The research file paraphrases many texts in English where the graph shows them as data (act titles and notes, a
 * council's nature, binding and rules, meeting labels, places and notes, Decide Contagem facts), and the graph's data
 * is Portuguese (DESIGN: schema text in English, data as the city writes it). `portuguese.json` is our rendering of
 * those texts, one for one, adding and dropping no fact, and the Portuguese label of each key of a council's `rules`;
 * the file itself stays verbatim. A test checks that every rendered text still occurs in the file, that every rules
 * key has a label, and that no text the seed shows is left in English.
 */
export const PORTUGUESE_RENDERING: Readonly<Record<string, string>> = rendering.texts;

/** The Portuguese label of each key the file's `rules` use (its keys are camelCase English). */
export const RULE_LABELS: Readonly<Record<string, string>> = rendering.labels;

/** A display text of the record in Portuguese: our rendering where the file paraphrased it in English. */
export const inPortuguese = <T extends string | null | undefined>(text: T): T =>
  (typeof text === "string" && text in PORTUGUESE_RENDERING ? PORTUGUESE_RENDERING[text] : text) as T;

/** Every string inside a value (a council's rules), rendered in Portuguese; keys, numbers and booleans kept. */
export function deepInPortuguese<T>(value: T): T {
  if (typeof value === "string") return inPortuguese(value);
  if (Array.isArray(value)) return value.map(deepInPortuguese) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, deepInPortuguese(inner)])) as T;
  }
  return value;
}

/** A rules key as a reader sees it: its label, or the key itself where it is already a label (a term like "2021-2023"). */
export const ruleLabel = (key: string): string => RULE_LABELS[key] ?? key;

/**
 * Words of English that Portuguese text does not use: what the file's paraphrases were written with. A text that
 * holds one of them is (partly) English. Checked on words (letters, accents included; a hyphenated word such as "on-line"
 * is one word), with links left out.
 */
const ENGLISH_WORDS = new Set(
  (
    "the and of with from by at on in is are was were be been not it its their this that which or to per since until after before each " +
    "also only about under into than more plus all other every new first last one two three five seven eight year years meeting meetings " +
    "council councils councillors members seat seats says said stated shown held found cited used run numbered published approved sworn " +
    "news page copy stored excerpt minutes notice law bill then when where who has have had will can them they creates governs includes " +
    "consolidates revoked duties basis rectified originally made government city school director head presided advises calls jointly " +
    "acts holds supports inspections licensing files own auditorium night wednesday january may june july september october november " +
    "weekday wrong source unofficial treat unconfirmed comes count representatives launched built described reported gathered private " +
    "institutions universities registered became inactive half person candidate community women movements acronym none belongs convened " +
    "president ordinary extraordinary months organised thematic commissions million regions allocated average neighbourhoods " +
    "collectives rules registration exclusively plenaries voters elected holders trust commissioned posts attendees across segments " +
    "people featured topics draft purpose called questionnaire residents programme invested conference theme technical team prepares " +
    "document climate change opened business report reading delegates deadline extended planned platform participant chose commitments " +
    "choice achieved submitted hosts internal mandate ending lists address office adopted support signed seminar earlier file " +
    "place recorded opening moved known mentions inconsistently cut composition term true false longer authorises certificates organisations"
  ).split(" "),
);

/** The English words a text holds (none for Portuguese text). */
export function englishWordsIn(text: string): string[] {
  const words = text.replace(/https?:\/\/\S+/g, " ").toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? [];
  return words.filter((word) => ENGLISH_WORDS.has(word));
}
