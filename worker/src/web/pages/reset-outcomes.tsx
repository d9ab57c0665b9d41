/**
 * The pages around the reset form: the link is invalid or expired, the password was changed,
 * and the short hop that finishes opening a link that was followed from another site.
 */
import { Layout } from "./layout.tsx";

/** Unknown, expired and used links all get this one page, with a way to ask again. */
export function ResetLinkInvalidPage({ appName }: { appName: string }) {
  return (
    <Layout appName={appName} title="Link invalid or expired">
      <h1>This link is invalid or has expired</h1>
      <p>Reset links work once, for a limited time, and only the newest one you asked for is valid.</p>
      <p>
        <a className="button button-primary" href="/forgot-password">
          Ask for a new link
        </a>
      </p>
    </Layout>
  );
}

/** Success: the new password is set and every session was signed out. */
export function PasswordChangedPage({ appName, signInLink }: { appName: string; signInLink: string }) {
  return (
    <Layout appName={appName} title="Password changed">
      <h1>Your password has been changed</h1>
      <p className="notice" role="status">
        You can now sign in with your new password. For your safety we signed you out everywhere else.
      </p>
      <p>
        <a className="button button-primary" href={signInLink}>
          Sign in with {appName} desktop
        </a>
      </p>
    </Layout>
  );
}

/**
 * A link followed from a mail site arrives cross-site, and browsers withhold SameSite=Strict
 * cookies on that navigation even after our redirect. This page reloads itself at once, now as
 * a same-origin navigation that carries the cookie. It needs no script, and keeps a link for
 * browsers that ignore the refresh.
 */
export function ContinueToResetPage({ appName }: { appName: string }) {
  return (
    <Layout appName={appName} title="Opening your reset link" refreshTo="/reset-password">
      <h1>Opening your reset link…</h1>
      <p>
        <a className="button button-primary" href="/reset-password">
          Continue
        </a>
      </p>
    </Layout>
  );
}
