import { createMockServer } from '@passline/mock-server'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string
  }
}

/** The provider the tests' pages talk to: the mock server, on a free port of 127.0.0.1. */
export default async function setup(project: TestProject) {
  const mock = await createMockServer()
  project.provide('mockUrl', mock.url)
  return () => mock.close()
}
