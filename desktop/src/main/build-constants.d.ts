/** Set by electron.vite.config.ts at build time: the Worker URL, or "" in a development build without one. */
declare const __RESETKIT_API_URL__: string;
