/** English, the source language: every other catalogue has exactly these keys and placeholders. */
import { api } from "./api.ts";
import { app } from "./app.ts";
import { common } from "./common.ts";
import { email } from "./email.ts";
import { pages } from "./pages.ts";

export const en = { ...common, ...pages, ...email, ...api, ...app } as const;
export { api, app, common, email, pages };
