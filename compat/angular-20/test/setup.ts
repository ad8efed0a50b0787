// TestBed for the browser, as packages/angular/test/setup.ts sets it up, plus what Angular 20
// needs to run it zoneless like 21 and later do by default: without zone.js loaded and without
// this provider, Angular 20 still schedules change detection for zone.js and throws on creating
// the first component (NG0908).
import { NgModule, provideZonelessChangeDetection } from '@angular/core'
import { getTestBed, TestBed } from '@angular/core/testing'
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing'
import { afterEach } from 'vitest'

@NgModule({
  exports: [BrowserTestingModule],
  providers: [provideZonelessChangeDetection()],
})
class ZonelessTestingModule {}

getTestBed().initTestEnvironment(ZonelessTestingModule, platformBrowserTesting(), {
  teardown: { destroyAfterEach: true },
})
afterEach(() => TestBed.resetTestingModule())
