// Angular's packages load partially compiled here: the compiler finishes them as they load.
import '@angular/compiler'
import { VERSION } from '@angular/platform-server'
import { describe, expect, it } from 'vitest'

describe('this project', () => {
  it("renders on Angular 20's platform-server", () => {
    expect(VERSION.full).toMatch(/^20\./)
  })
})
