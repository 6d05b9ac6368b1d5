import loadHighs, { type Highs } from "highs";

/**
 * The reader who subtracts. Everything the graph publishes about participation is a count over a group of one
 * five-dimensional table (each dimension fixed to one value, or ALL of them); this audit gathers what every answer
 * implies about every group and, by linear programming (integer programming where the interval is narrow), computes
 * the least and the greatest value each group can have given all of it: the feasibility intervals of the cell-suppression literature (Fischetti & Salazar-González,
 * "Solving the cell suppression problem on tabular data with linear constraints", Management Science 47(7), 2001;
 * Hundepool et al., "Statistical Disclosure Control", Wiley 2012, ch. 4). A group is disclosed when its interval
 * holds a single whole number.
 */
export const DIMENSIONS = ["TERRITORY", "COUNCIL", "KIND", "CHANNEL", "MONTH"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const ALL = "*";
/** A group: each dimension one value (as a string, "null" for none) or ALL. */
export type Group = Record<Dimension, string>;
export type Figure = "participants" | "activities";
export type Interval = [number, number];
export type Reading = Record<Figure, Interval>;
export type Domain = Record<Dimension, string[]>;

export const groupId = (group: Group) => DIMENSIONS.map((d) => group[d]).join("|");

/** Every group over the domain: each dimension one of its values or ALL. */
export function groups(domain: Domain): Group[] {
  let all: Partial<Group>[] = [{}];
  for (const d of DIMENSIONS) all = all.flatMap((g) => [...domain[d], ALL].map((v) => ({ ...g, [d]: v })));
  return all as Group[];
}

/** What the reader knows of each group: the intersection of what every answer that reached it implies. */
export class Knowledge {
  readonly readings = new Map<string, Reading>();
  /** Groups that two answers gave different figures. */
  readonly inconsistent = new Set<string>();
  private readonly seen = new Map<string, string>();

  add(group: Group, reading: Reading, published: unknown) {
    const id = groupId(group);
    const shown = JSON.stringify(published);
    if (this.seen.has(id) && this.seen.get(id) !== shown) this.inconsistent.add(id);
    this.seen.set(id, shown);
    const known = this.readings.get(id);
    const meet = (a: Interval, b: Interval): Interval => [Math.max(a[0], b[0]), Math.min(a[1], b[1])];
    this.readings.set(id, known ? { participants: meet(known.participants, reading.participants), activities: meet(known.activities, reading.activities) } : reading);
  }
}

let solver: Promise<Highs> | undefined;

/** Intervals at most this wide after the linear relaxation are recomputed as integer programs. */
const INTEGER_CHECK_WIDTH = 4;

/**
 * Least and greatest value of each target consistent with the knowledge and with how counts relate: activities add
 * up over every dimension; participants add up over territories (each person has one), and over any other dimension
 * a whole counts at least as many people as each part and at most their sum; a group has no more people than acts.
 */
export async function feasibleIntervals(domain: Domain, knowledge: Knowledge, targets: { group: Group; figure: Figure }[]) {
  const highs = await (solver ??= loadHighs());
  const all = groups(domain);
  const finest = all.filter((g) => DIMENSIONS.every((d) => g[d] !== ALL));
  const byTerritory = all.filter((g) => g.TERRITORY !== ALL);
  const actColumn = new Map(finest.map((g, i) => [groupId(g), i]));
  const peopleColumn = new Map(byTerritory.map((g, i) => [groupId(g), finest.length + i]));
  const columns = finest.length + byTerritory.length;
  const within = (g: Group, cell: Group) => DIMENSIONS.every((d) => g[d] === ALL || g[d] === cell[d]);
  const acts = (g: Group) => finest.filter((cell) => within(g, cell)).map((cell) => actColumn.get(groupId(cell))!);
  const people = (g: Group) =>
    g.TERRITORY !== ALL ? [peopleColumn.get(groupId(g))!] : domain.TERRITORY.map((t) => peopleColumn.get(groupId({ ...g, TERRITORY: t }))!);

  const rows: { columns: number[]; coefficients: number[]; lower: number; upper: number }[] = [];
  const sum = (plus: number[], minus: number[], lower: number, upper: number) =>
    rows.push({ columns: [...plus, ...minus], coefficients: [...plus.map(() => 1), ...minus.map(() => -1)], lower, upper });
  for (const g of byTerritory) {
    const whole = peopleColumn.get(groupId(g))!;
    sum([whole], acts(g), -highs.infinity, 0);
    for (const d of DIMENSIONS) {
      if (d === "TERRITORY" || g[d] !== ALL) continue;
      const parts = domain[d].map((v) => peopleColumn.get(groupId({ ...g, [d]: v }))!);
      sum([whole], parts, -highs.infinity, 0);
      for (const part of parts) sum([part], [whole], -highs.infinity, 0);
    }
  }
  const rowOf = new Map<string, number>();
  for (const g of all) {
    const reading = knowledge.readings.get(groupId(g));
    const bound = (x: number) => (x === Infinity ? highs.infinity : x);
    sum(acts(g), [], reading ? reading.activities[0] : 0, reading ? bound(reading.activities[1]) : highs.infinity);
    rowOf.set(`activities:${groupId(g)}`, rows.length - 1);
    sum(people(g), [], reading ? reading.participants[0] : 0, reading ? bound(reading.participants[1]) : highs.infinity);
    rowOf.set(`participants:${groupId(g)}`, rows.length - 1);
  }

  const starts = [0];
  for (const r of rows) starts.push(starts.at(-1)! + r.columns.length);
  const solve = (integer: boolean, wanted: { group: Group; figure: Figure }[]) => {
    const model = highs.createModel({
      numCols: columns,
      numRows: rows.length,
      colCost: new Float64Array(columns),
      colLower: new Float64Array(columns),
      colUpper: new Float64Array(columns).fill(highs.infinity),
      rowLower: Float64Array.from(rows.map((r) => r.lower)),
      rowUpper: Float64Array.from(rows.map((r) => r.upper)),
      matrix: {
        format: "csr",
        numRows: rows.length,
        numCols: columns,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(rows.flatMap((r) => r.columns)),
        values: Float64Array.from(rows.flatMap((r) => r.coefficients)),
      },
      ...(integer ? { integrality: new Int32Array(columns).fill(highs.constants.variableType.integer) } : {}),
    });
    // Primal simplex without presolve keeps the basis from one target to the next.
    model.options.set(integer ? { output_flag: false } : { output_flag: false, presolve: "off", solver: "simplex", simplex_strategy: 4 });
    try {
      const { minimize, maximize } = highs.constants.objectiveSense;
      const extreme = (target: number[], sense: typeof minimize | typeof maximize) => {
        for (const c of target) model.changeColCost(c, 1);
        model.changeObjectiveSense(sense);
        model.run();
        const status = model.getModelStatus();
        const value = model.getObjectiveValue();
        for (const c of target) model.changeColCost(c, 0);
        if (status === highs.constants.modelStatus.unbounded) return Infinity;
        if (status !== highs.constants.modelStatus.optimal) throw new Error(`The published figures contradict each other (status ${status}).`);
        return value;
      };
      for (const { group, figure } of wanted) {
        const key = `${figure}:${groupId(group)}`;
        const target = rows[rowOf.get(key)!].columns;
        // Counts are whole numbers: the interval's ends round inwards.
        intervals.set(key, [Math.ceil(extreme(target, minimize) - 1e-6), Math.floor(extreme(target, maximize) + 1e-6)]);
      }
    } finally {
      model.dispose();
    }
  };
  const intervals = new Map<string, Interval>();
  solve(false, targets);
  // The linear relaxation can leave room that no whole numbers fill: narrow intervals are solved again in integers.
  solve(true, targets.filter(({ group, figure }) => {
    const [low, high] = intervals.get(`${figure}:${groupId(group)}`)!;
    return high - low <= INTEGER_CHECK_WIDTH;
  }));
  return intervals;
}
