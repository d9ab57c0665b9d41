// Runs the built main process (argv[2]) on the Electron stand-in, plays a short session and
// sends the record to the parent over IPC; nothing is printed, so a test can assert that the
// app itself printed nothing either. Steps come from the RUN_STEPS environment variable.
import { register } from "node:module";
import { pathToFileURL } from "node:url";

register("./resolve-hook.mjs", import.meta.url);
const { app, BrowserWindow, ipcMain, Menu, protocol, report } = await import("electron");
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
const steps = JSON.parse(process.env.RUN_STEPS ?? "[]");

await import(pathToFileURL(process.argv[2]).href);
await tick();
for (const step of steps) {
  const window = BrowserWindow.all[0];
  if (step.type === "ready") app.becomeReady();
  if (step.type === "subscribe") {
    const url = window.record.loaded.url;
    report.subscribeResult = await ipcMain.handlers.get("resetkit:subscribe-deep-links")({
      sender: window.webContents,
      senderFrame: { url, parent: null },
    });
  }
  if (step.type === "second-instance") app.emit("second-instance", {}, step.argv, "/");
  if (step.type === "open-url") app.emit("open-url", { preventDefault() {} }, step.url);
  if (step.type === "fetch") {
    const response = await protocol.handlers.get(new URL(step.url).protocol.slice(0, -1))(new Request(step.url));
    report.fetched ??= [];
    report.fetched.push({ url: step.url, status: response.status, contentType: response.headers.get("content-type"), csp: response.headers.get("content-security-policy"), body: await response.text() });
  }
  if (step.type === "window-open") report.windowOpenAnswer = window.webContents.windowOpenHandler({ url: step.url });
  if (step.type === "invoke") {
    report.invoked ??= [];
    report.invoked.push(await ipcMain.handlers.get(step.channel)({ sender: window.webContents, senderFrame: { url: window.record.loaded.url, parent: null } }));
  }
  if (step.type === "choose-menu-item") {
    const item = Menu.current.template.flatMap((menu) => menu.submenu ?? []).find((entry) => entry.label === step.label);
    item.click();
  }
  await tick();
}
report.ipcChannels = [...ipcMain.handlers.keys()];
process.send(report, () => process.exit(0));
