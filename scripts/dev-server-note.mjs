/**
 * The note `npm start` leaves in .wrangler/ while it runs, so `npm run reset-local` and a second
 * `npm start` can tell that a dev server from this checkout is using .wrangler/state. Its
 * `wrangler dev` keeps that state's SQLite files open: wiping them underneath leaves it answering
 * 503 (SQLITE_CANTOPEN) until it is restarted. The note names npm start's process, its wrangler's
 * and the URL. It counts only while one of those processes is alive, so a note left behind by a
 * crash or `kill -9` is ignored instead of blocking anyone; a port alone would prove nothing, since
 * npm start may run on any port and anything may listen on 8787.
 *
 * Node's own modules only: the scripts read it before they know that `npm install` has run.
 *
 * @example
 * const running = findRunningDevServer(ROOT); // { pid: 4242, url: "http://127.0.0.1:8787" } | null
 * writeDevServerNote(ROOT, { pid: process.pid, workerPid: null, url });
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Where the note lives: next to .wrangler/state, which `reset-local` deletes, not inside it. */
export function devServerNotePath(root) {
  return join(root, ".wrangler", "npm-start.json");
}

/** The dev server another process runs from this checkout, or null when none is alive. */
export function findRunningDevServer(root) {
  const note = readNote(root);
  if (!note) return null;
  const pids = [note.pid, note.workerPid].filter((pid) => Number.isInteger(pid) && pid > 0 && pid !== process.pid);
  return pids.some(isAlive) ? { pid: note.pid, url: note.url } : null;
}

/** Writes (or rewrites, once wrangler has a process id) this process's note. */
export function writeDevServerNote(root, { pid, workerPid, url }) {
  const path = devServerNotePath(root);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ pid, workerPid, url })}\n`);
}

/** Removes the note if it is still `pid`'s, so an exiting process never deletes another one's. */
export function removeDevServerNote(root, pid) {
  if (readNote(root)?.pid === pid) rmSync(devServerNotePath(root), { force: true });
}

function readNote(root) {
  try {
    const note = JSON.parse(readFileSync(devServerNotePath(root), "utf8"));
    return typeof note === "object" && note !== null ? { pid: note.pid, workerPid: note.workerPid, url: String(note.url) } : null;
  } catch {
    return null;
  }
}

/** True while a process with this id exists (EPERM: it does, it is just someone else's). */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
