export { participation } from "./definition";
export { createServer } from "./server";
export { seedParticipationDemo } from "./seed/demo";
