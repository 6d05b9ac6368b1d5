export { participation } from "./definition";
export { createServer } from "./server";
export { seedParticipationDemo } from "./seed/demo";
// The benchmark's monolith baseline computes figures with the same statement and rounding, from SQL alone.
export { figuresQuery, figuresOf, FIGURES_FRESH_MS, StatsDimension } from "./stats/stats";
export { figuresSaltOf } from "./stats/disclosure";
