import { InjectionToken, VERSION } from '@angular/core'
import { CAPTCHA_DEFAULTS } from '@passline/angular'
import { describe, expect, it } from 'vitest'

describe('this project', () => {
  it('runs the binding on Angular 20', () => {
    expect(VERSION.full).toMatch(/^20\./)
    // The binding's files sit next to Angular 21; only resolveFromHere sends their imports
    // here. A token made by another copy of Angular is no instance of this one's class.
    expect(CAPTCHA_DEFAULTS).toBeInstanceOf(InjectionToken)
  })
})
