import { api } from "./api.ts";
import { app } from "./app.ts";
import { common } from "./common.ts";
import { email } from "./email.ts";
import { pages } from "./pages.ts";

export const de = { ...common, ...pages, ...email, ...api, ...app };
