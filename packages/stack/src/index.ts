export { DEFINITIONS, ROOT } from "./artifacts";
export { devSecret, GATEWAY_NODE_ARGS, PROCESS_ENV_DEFAULTS, startStack, type Stack, type StackConfig } from "./launcher";
export { seedDemo, seedDemoInto, type DemoOptions, type DemoOrms } from "./seed-demo";
