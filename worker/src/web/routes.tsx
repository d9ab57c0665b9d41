/**
 * The edge HTML pages, in one table: each path (from `PagePath`, next to the API's paths) with
 * what a GET shows and what a form POST does. Every POST reads its form first (413 or 415 for
 * one it cannot read) and passes the CSRF check; every response gets the security headers
 * (`web-route.tsx`). A page answers HEAD like GET, without a body, and any other method with the
 * HTML 405 and its `Allow` header.
 */
import { PagePath } from "../../../shared/contract.ts";
import type { AppRouter } from "../http/app-router.ts";
import { readConfig } from "../config.ts";
import { submitAccountAlert, showAccountAlert } from "./account-alert.tsx";
import { showCheckEmail, submitResetCode } from "./check-email.tsx";
import { csrf } from "./csrf/index.ts";
import { showForgotPasswordForm, submitForgotPasswordForm } from "./forgot-password.tsx";
import { readFormBody } from "./form-body.ts";
import { FormRefusedPage, FormTooLargePage } from "./pages/errors.tsx";
import { renderPage } from "./render.ts";
import { openResetPassword, submitResetPassword } from "./reset-password.tsx";
import { showAccount, submitPasswordChange, submitSignOut } from "./account.tsx";
import { showSignInForm, submitSignInForm } from "./sign-in.tsx";
import { showSignUpCheckEmail, showSignUpForm, submitSignUpForm } from "./sign-up.tsx";
import { openVerifyEmail, submitVerifyEmail } from "./verify-email.tsx";
import { rejectOtherPageMethods, renderErrorPage, renderNotFoundPage, webRoute, type WebHandler } from "./web-route.tsx";

/** One page: what GET (and HEAD) shows, and what a form POST does; at least one of the two. */
type PageRoute = { show: WebHandler; submit?: WebHandler } | { show?: undefined; submit: WebHandler };

const PAGES: ReadonlyArray<[path: string, route: PageRoute]> = [
  // The site has no home page of its own: its front door is the reset form.
  [PagePath.home, { show: () => new Response(null, { status: 303, headers: { location: PagePath.forgotPassword } }) }],
  [PagePath.forgotPassword, { show: showForgotPasswordForm, submit: submitForgotPasswordForm }],
  [PagePath.checkEmail, { show: showCheckEmail, submit: submitResetCode }],
  [PagePath.resetPassword, { show: openResetPassword, submit: submitResetPassword }],
  [PagePath.accountAlert, { show: showAccountAlert, submit: submitAccountAlert }],
  [PagePath.signUp, { show: showSignUpForm, submit: submitSignUpForm }],
  [PagePath.signUpCheckEmail, { show: showSignUpCheckEmail }],
  [PagePath.verifyEmail, { show: openVerifyEmail, submit: submitVerifyEmail }],
  [PagePath.signIn, { show: showSignInForm, submit: submitSignInForm }],
  [PagePath.account, { show: showAccount, submit: submitPasswordChange }],
  [PagePath.signOut, { submit: submitSignOut }],
];

const protectForm = csrf({
  onRejected: (request, env) => renderPage(request, env, <FormRefusedPage appName={readConfig(env).appName} />, { status: 403 }),
});

/**
 * Runs before the CSRF check, which fails closed on any body it cannot read: an oversized form
 * would otherwise be told it had "expired".
 */
async function refuseUnreadableForm(request: Request, env: Env): Promise<Response | undefined> {
  const body = await readFormBody(request);
  if (body.ok) return undefined;
  if (body.reason === "too_large") return renderPage(request, env, <FormTooLargePage appName={readConfig(env).appName} />, { status: 413 });
  return renderErrorPage(request, env, 415, "errorPage.unreadableForm");
}

/** Registers every edge page on the router. */
export function registerWebRoutes(router: AppRouter): void {
  for (const [path, { show, submit }] of PAGES) {
    if (show) {
      const shown = webRoute(show);
      router.get(path, shown);
      router.head(path, shown);
    }
    if (submit) router.post(path, webRoute(refuseUnreadableForm, protectForm, submit));
    const allowed = [...(show ? ["GET", "HEAD"] : []), ...(submit ? ["POST"] : [])];
    router.all(path, webRoute(rejectOtherPageMethods(allowed)));
  }
}

/** The catch-all for paths outside /api: an HTML 404 with the usual headers. */
export const handleNotFoundPage = webRoute(renderNotFoundPage);
