// What Solid 2's renderToString gives for the binding's <ServerPage> (its server test asserts
// it; its hydration test adopts it): the elements and attributes of Solid 1's
// (packages/solid/test/server-html.ts) as Solid 2 writes them, hydration keys `_hk=…`.
export const SERVER_HTML =
  '<div _hk=080 data-passline-captcha class="box">' +
  '<div _hk=0830></div><div _hk=0860 role="status"></div></div>' +
  '<form _hk=0c><div data-status="idle"></div></form>'
