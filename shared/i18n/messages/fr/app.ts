import type { CatalogueOf } from "../../catalogues.ts";
import type { app as source } from "../en/app.ts";

export const app: CatalogueOf<typeof source> = {};
