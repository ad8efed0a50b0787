// What renderToString gives for <ServerPage> (asserted in server.ssr.test.tsx): the markup a
// SolidStart page would send, hydration keys included.
export const SERVER_HTML =
  '<div data-hk="000000" data-passline-captcha="" class="box " >' +
  '<div data-hk="0000010" ></div><div data-hk="0000020" role="status" ></div></div>' +
  '<form data-hk="00010"><div data-status="idle"></div></form>'
