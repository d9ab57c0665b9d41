/**
 * Error pages for the HTML side of the Worker: unknown page, refused form (CSRF), a form too
 * large to read, a failure on our side (503), and a bad request. They say what to do next,
 * never what went wrong inside.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { Layout } from "./layout.tsx";

/** 404 for any path that is neither an API endpoint nor a page. */
export function NotFoundPage({ appName }: { appName: string }) {
  return (
    <Layout appName={appName} title="Page not found">
      <h1>Page not found</h1>
      <p>There is no page at this address. If you followed a reset link, copy the whole link from the email.</p>
      <p>
        <a href={PagePath.forgotPassword}>Reset your password</a>
      </p>
    </Layout>
  );
}

/** 403 for a form post that failed the CSRF check. */
export function FormRefusedPage({ appName }: { appName: string }) {
  return (
    <Layout appName={appName} title="Form expired">
      <h1>This form has expired</h1>
      <p>For your safety we only accept forms sent from this site. Go back, reload the page and try again.</p>
      <p>
        <a href={PagePath.forgotPassword}>Start again</a>
      </p>
    </Layout>
  );
}

/** 413 for a form bigger than any of ours can be: it says so, instead of calling the form expired. */
export function FormTooLargePage({ appName }: { appName: string }) {
  return (
    <Layout appName={appName} title="Too much text">
      <h1>That was more text than this form accepts</h1>
      <p>Passwords can be at most 128 characters and email addresses 254. Go back, shorten what you typed and send the form again.</p>
      <p>
        <a href={PagePath.forgotPassword}>Start again</a>
      </p>
    </Layout>
  );
}

/** 503 when storage or the Worker's configuration fails: the visitor did nothing wrong. */
export function UnavailablePage({ appName }: { appName: string }) {
  return (
    <Layout appName={appName} title="Temporarily unavailable">
      <h1>Temporarily unavailable</h1>
      <p>We can't handle your request right now. Nothing you did caused this. Please try again in a few minutes.</p>
      <p>If you were using a reset link, it still works until it expires.</p>
    </Layout>
  );
}

/** Any other failure, with its status (400, 413, 415, 405). */
export function ErrorPage({ appName, message }: { appName: string; message: string }) {
  return (
    <Layout appName={appName} title="Something went wrong">
      <h1>Something went wrong</h1>
      <p>{message}</p>
      <p>
        <a href={PagePath.forgotPassword}>Start again</a>
      </p>
    </Layout>
  );
}
