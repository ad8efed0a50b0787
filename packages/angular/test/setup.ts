// TestBed for the browser. Without zone.js loaded, Angular runs it zoneless, as the apps this
// binding targets; each test starts from a fresh testing module.
import { getTestBed, TestBed } from '@angular/core/testing'
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing'
import { afterEach } from 'vitest'

getTestBed().initTestEnvironment(BrowserTestingModule, platformBrowserTesting(), {
  teardown: { destroyAfterEach: true },
})
afterEach(() => TestBed.resetTestingModule())
