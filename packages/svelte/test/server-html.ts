// What svelte/server renders for ServerPage.svelte (asserted in server.ssr.test.ts): the
// markup a SvelteKit page would send, hydration markers included.
export const SERVER_HTML =
  '<!--[--><div data-passline-captcha=""><div></div> <div role="status"><!--[-1--><!--]--></div></div><!----> ' +
  '<form><div data-status="idle"></div> <div data-testid="action"></div></form><!--]-->'
