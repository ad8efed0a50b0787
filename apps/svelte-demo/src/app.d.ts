// SvelteKit's app-wide types; this sample adds none.
export {}
