export { participation } from "./definition";
export { createServer } from "./server";
