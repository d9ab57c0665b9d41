/**
 * Who is signed in on the web: the session in the session cookie, checked exactly as a Bearer
 * token is (sessions/session.ts), since the web and the API share their sessions. A reset, a
 * password change elsewhere or "this wasn't me" ends it here too. Also the small pieces the
 * signed-in pages share: the redirect, and the one-shot notice it can leave.
 *
 * @example
 * const current = await readSignedIn(request, env); // { account, session } | null
 */
import { message, type Message, type MessageKey } from "../../../shared/i18n/translator.ts";
import type { Account } from "../accounts/accounts.ts";
import { validateSessionToken, type Session } from "../sessions/session.ts";
import { clearPageCookie, readPageCookie, setPageCookie } from "./page-cookies.ts";

/** The notices a redirect may leave for the next page, by the key the notice cookie holds. */
export const NOTICES = {
  "signed-out": "signIn.signedOut",
  "signed-out-everywhere": "signIn.signedOutEverywhere",
  "password-changed": "account.changed",
} as const satisfies Record<string, MessageKey>;
export type NoticeKey = keyof typeof NOTICES;
const NOTICE_SECONDS = 60;

/** The account and session of the session cookie, or null when there is none or it has ended. */
export async function readSignedIn(request: Request, env: Env): Promise<{ account: Account; session: Session } | null> {
  const token = readPageCookie(request, "session");
  return token ? validateSessionToken(env, token) : null;
}

/** A 303 to `location`, with the given cookies set. */
export function redirectTo(location: string, cookies: readonly (string | null)[] = []): Response {
  const headers = new Headers({ location });
  for (const cookie of cookies) if (cookie) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}

/** The cookie that leaves a notice for the page a redirect leads to. */
export function setNotice(request: Request, key: NoticeKey): string {
  return setPageCookie(request, "notice", key, NOTICE_SECONDS);
}

/** The one-shot notice a redirect left for this page, and the cookie that forgets it. */
export function takeNotice(request: Request): { notice: Message | undefined; clear: string | null } {
  const key = readPageCookie(request, "notice");
  if (!key) return { notice: undefined, clear: null };
  return { notice: Object.hasOwn(NOTICES, key) ? message(NOTICES[key as NoticeKey]) : undefined, clear: clearPageCookie(request, "notice") };
}

/** The sentence for a limit: how long to wait, in whole minutes. */
export function describeWait(retryAfterSeconds: number): Message {
  return message("wait.minutes", { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
}
