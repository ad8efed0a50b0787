import adapter from '@sveltejs/adapter-node'

/** @type {import('@sveltejs/kit').Config} */
export default {
  compilerOptions: { runes: true },
  kit: {
    // `node build` serves the production build; the demo and the tests use `vite preview`.
    adapter: adapter(),
    // A strict policy with a fresh nonce per response (`%sveltekit.nonce%`): the page passes
    // the nonce to the CAPTCHA, whose loader hands it on to the scripts it loads. The
    // provider's origin (here the mock, on a local port; in production the provider's host)
    // is allowed for its API calls and its stylesheet. Inline style attributes are allowed
    // for SvelteKit's own route announcer; inline scripts and <style> elements are not.
    csp: {
      mode: 'nonce',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'http://127.0.0.1:*', 'http://localhost:*'],
        'style-src-attr': ['unsafe-inline'],
        'connect-src': ['self', 'http://127.0.0.1:*', 'http://localhost:*'],
        'img-src': ['self', 'data:'],
        'base-uri': ['none'],
        'object-src': ['none'],
      },
    },
  },
}
