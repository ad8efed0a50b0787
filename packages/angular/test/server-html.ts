import { VERSION } from '@angular/core'

// What platform-server renders for the page in ssr-page.ts (asserted in server.ssr.test.ts):
// the body an Angular SSR response carries, hydration data included. The version is whichever
// Angular runs it (21 here, 22 in compat/angular-22).
export const SERVER_BODY =
  `<!--nghm--><app-root ng-version="${VERSION.full}" ngh="1" ng-server-context="other">` +
  '<ngx-passline-captcha data-passline-captcha="" action="login" ngh="0">' +
  '<div></div><div role="status"><!--container--></div></ngx-passline-captcha>' +
  '<form><div data-status="idle"></div></form></app-root>' +
  '<script id="ng-state" type="application/json">{"__nghData__":[{"t":{"3":"t0"},"c":{"3":[]}},{}]}</script>'
