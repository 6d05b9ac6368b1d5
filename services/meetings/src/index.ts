export { meetings } from "./definition";
export { createServer } from "./server";
