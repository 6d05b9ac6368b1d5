export { DEFINITIONS, ROOT } from "./artifacts";
export { devSecret, startStack, type Stack, type StackConfig } from "./launcher";
export { seedDemo, type DemoOptions } from "./seed-demo";
