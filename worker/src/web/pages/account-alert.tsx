/**
 * "This wasn't me", reached from the "password changed" email. Opening the link changes
 * nothing (mail scanners open links too); only the button, a CSRF-checked POST, signs the
 * account out everywhere, stops the current password from working and sends a fresh reset
 * link to the account's own address.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { CsrfField } from "./form-parts.tsx";
import { Layout } from "./layout.tsx";

export interface AccountAlertPageProps {
  appName: string;
  csrfToken: string;
  alertToken: string;
  maskedEmail: string;
}

/** The confirmation step. */
export function AccountAlertPage({ appName, csrfToken, alertToken, maskedEmail }: AccountAlertPageProps) {
  return (
    <Layout appName={appName} title="Secure your account">
      <h1>Didn't change your password?</h1>
      <p>
        Someone changed the password of <strong>{maskedEmail}</strong>. If it wasn't you, we will sign the account out on every
        device, stop the current password from working and email a new reset link to its address.
      </p>
      <form method="post" action={PagePath.accountAlert}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="token" value={alertToken} />
        <button className="button button-danger" type="submit">
          Sign out everywhere and send a reset link
        </button>
      </form>
    </Layout>
  );
}

/** After the POST: what happened and what to do next. */
export function AccountAlertDonePage({ appName }: { appName: string }) {
  return (
    <Layout appName={appName} title="Account secured">
      <h1>Your account is signed out everywhere</h1>
      <p className="notice" role="status">
        The current password no longer works. We sent a new reset link to the account's email address: use it to choose a
        new password.
      </p>
    </Layout>
  );
}

/** An unknown, expired or already used alert link. */
export function AccountAlertInvalidPage({ appName }: { appName: string }) {
  return (
    <Layout appName={appName} title="Link invalid or expired">
      <h1>This link is invalid or has expired</h1>
      <p>If you still don't recognise a password change, ask for a reset link: it signs nobody in, and a new password signs every other device out.</p>
      <p>
        <a className="button button-primary" href={PagePath.forgotPassword}>
          Ask for a reset link
        </a>
      </p>
    </Layout>
  );
}
