export { councils } from "./definition";
export { createServer } from "./server";
export { seedCouncilsDemo, type DemoCouncil } from "./seed/demo";
