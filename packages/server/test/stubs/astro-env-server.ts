// Astro's `astro:env/server` for the recipes: the secrets `astro.config.mjs` declares, from the
// process environment as the recipe's module is first loaded (the tests set it before).
export const CAPTCHALA_APP_KEY = process.env.CAPTCHALA_APP_KEY
export const CAPTCHALA_APP_SECRET = process.env.CAPTCHALA_APP_SECRET
export const CAPTCHALA_BASE_URL = process.env.CAPTCHALA_BASE_URL
