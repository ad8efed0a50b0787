export { createDemoApi } from './demo-api'
export type { DemoApi, DemoApiOptions } from './demo-api'
