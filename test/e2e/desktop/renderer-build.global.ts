/**
 * The Node suites' global setup: builds the desktop renderer once for the run, exactly as
 * electron-vite does, into desktop/out/renderer, which each renderer suite then serves
 * (renderer-fixtures.ts). A build per suite would repeat the same seconds of work.
 */
import { build } from "vite";
import { rendererConfig } from "../../../desktop/electron.vite.config.ts";

export default async function buildRenderer(): Promise<void> {
  await build({ ...rendererConfig, configFile: false, logLevel: "warn", mode: "production" });
}
