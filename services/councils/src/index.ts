export { councils } from "./definition";
export { createServer } from "./server";
export { demoRegions, seedCouncilsDemo, type DemoCouncil } from "./seed/demo";
