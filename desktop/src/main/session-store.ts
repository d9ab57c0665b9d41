/**
 * Where the session token lives: in this process's memory and nowhere else. It is never sent
 * to the renderer, never logged and never written to disk, so quitting the app signs out.
 */
export interface SessionStore {
  /** The current session token, or null when signed out. */
  read(): string | null;
  save(token: string): void;
  clear(): void;
}

/** Creates an empty in-memory store. */
export function createSessionStore(): SessionStore {
  let token: string | null = null;
  return {
    read: () => token,
    save(next) {
      token = next;
    },
    clear() {
      token = null;
    },
  };
}
