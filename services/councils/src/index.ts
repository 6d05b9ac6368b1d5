export { councils } from "./definition";
export { createServer } from "./server";
