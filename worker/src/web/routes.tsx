/**
 * The edge HTML pages: `/forgot-password`, `/forgot-password/check-email`, `/reset-password`, `/account-alert`, `/sign-up`,
 * `/sign-up/check-email`, `/verify-email`, `/` (which leads to the forgot form) and the HTML 404. Every form POST passes the CSRF
 * check first; every response gets the security headers (see `web-route.tsx`). GET routes also answer HEAD, with the same status
 * and headers; the sign-up pages answer any other method with 405.
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
import { showSignUpCheckEmail, showSignUpForm, submitSignUpForm } from "./sign-up.tsx";
import { SIGN_UP_CHECK_EMAIL_PATH } from "./pages/sign-up.tsx";
import { openVerifyEmail, submitVerifyEmail } from "./verify-email.tsx";
import { rejectOtherPageMethods, renderErrorPage, renderNotFoundPage, webRoute } from "./web-route.tsx";

const protectForm = csrf({
  onRejected: (_request, env) => renderPage(<FormRefusedPage appName={readConfig(env).appName} />, { status: 403 }),
});

/**
 * Runs before the CSRF check, which fails closed on any body it cannot read: an oversized form
 * would otherwise be told it had "expired".
 */
async function refuseUnreadableForm(request: Request, env: Env): Promise<Response | undefined> {
  const body = await readFormBody(request);
  if (body.ok) return undefined;
  if (body.reason === "too_large") return renderPage(<FormTooLargePage appName={readConfig(env).appName} />, { status: 413 });
  return renderErrorPage(env, 415, "This form could not be read. Reload the page and send it again.");
}

/** Registers every edge page on the router. */
export function registerWebRoutes(router: AppRouter): void {
  // The site has no home page of its own: its front door is the reset form.
  router.get(PagePath.home, webRoute(() => new Response(null, { status: 303, headers: { location: PagePath.forgotPassword } })));

  const forgotPasswordForm = webRoute(showForgotPasswordForm);
  router.get(PagePath.forgotPassword, forgotPasswordForm);
  router.head(PagePath.forgotPassword, forgotPasswordForm);
  router.post(PagePath.forgotPassword, webRoute(refuseUnreadableForm, protectForm, submitForgotPasswordForm));
  router.all(PagePath.forgotPassword, webRoute(rejectOtherPageMethods(["GET", "HEAD", "POST"])));

  const checkEmail = webRoute(showCheckEmail);
  router.get("/forgot-password/check-email", checkEmail);
  router.head("/forgot-password/check-email", checkEmail);
  router.post("/forgot-password/check-email", webRoute(protectForm, submitResetCode));
  router.all("/forgot-password/check-email", webRoute(rejectOtherPageMethods(["GET", "HEAD", "POST"])));

  const resetPassword = webRoute(openResetPassword);
  router.get(PagePath.resetPassword, resetPassword);
  router.head(PagePath.resetPassword, resetPassword);
  router.post(PagePath.resetPassword, webRoute(refuseUnreadableForm, protectForm, submitResetPassword));
  router.all(PagePath.resetPassword, webRoute(rejectOtherPageMethods(["GET", "HEAD", "POST"])));

  const accountAlert = webRoute(showAccountAlert);
  router.get(PagePath.accountAlert, accountAlert);
  router.head(PagePath.accountAlert, accountAlert);
  router.post(PagePath.accountAlert, webRoute(refuseUnreadableForm, protectForm, submitAccountAlert));
  router.all(PagePath.accountAlert, webRoute(rejectOtherPageMethods(["GET", "HEAD", "POST"])));

  const signUpForm = webRoute(showSignUpForm);
  router.get(PagePath.signUp, signUpForm);
  router.head(PagePath.signUp, signUpForm);
  router.post(PagePath.signUp, webRoute(refuseUnreadableForm, protectForm, submitSignUpForm));
  router.all(PagePath.signUp, webRoute(rejectOtherPageMethods(["GET", "HEAD", "POST"])));

  const signUpCheckEmail = webRoute(showSignUpCheckEmail);
  router.get(SIGN_UP_CHECK_EMAIL_PATH, signUpCheckEmail);
  router.head(SIGN_UP_CHECK_EMAIL_PATH, signUpCheckEmail);
  router.all(SIGN_UP_CHECK_EMAIL_PATH, webRoute(rejectOtherPageMethods(["GET", "HEAD"])));

  const verifyEmail = webRoute(openVerifyEmail);
  router.get(PagePath.verifyEmail, verifyEmail);
  router.head(PagePath.verifyEmail, verifyEmail);
  router.post(PagePath.verifyEmail, webRoute(refuseUnreadableForm, protectForm, submitVerifyEmail));
  router.all(PagePath.verifyEmail, webRoute(rejectOtherPageMethods(["GET", "HEAD", "POST"])));
}

/** The catch-all for paths outside /api: an HTML 404 with the usual headers. */
export const handleNotFoundPage = webRoute(renderNotFoundPage);
