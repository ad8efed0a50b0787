// SvelteKit's `$env/dynamic/private` for the recipes: the process environment, read live.
export const env = process.env
