// What renderToString gives for <ServerPage> (asserted in server.ssr.test.tsx): the markup a
// SolidStart page would send, hydration keys included.
export const SERVER_HTML =
  '<div data-hk="000000" data-passline-captcha="" class="box "></div>' +
  '<form data-hk="00010"><div data-status="idle"></div></form>'
