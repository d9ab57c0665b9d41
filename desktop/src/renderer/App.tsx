/**
 * The app's screens and how one leads to the next. There is no router: the app has ten
 * screens. A deep link opens the Reset, the Confirm email or the Sign in screen: at once when it
 * is the link the app was launched with or the person is on Sign in, and otherwise only after
 * asking (DeepLinkPrompt), so a link nobody meant to open cannot take over what they are doing.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { DeepLink } from "../../../shared/deep-link.ts";
import { useI18n } from "../../../shared/i18n/react.tsx";
import type { MessageKey } from "../../../shared/i18n/translator.ts";
import { APP_NAME } from "../app-name.ts";
import type { SignedInAccount } from "../ipc/api-result.ts";
import { ApiError, getApi, unwrap } from "./api-bridge.ts";
import { DeepLinkPrompt } from "./components/DeepLinkPrompt.tsx";
import { ChangePasswordScreen } from "./screens/ChangePasswordScreen.tsx";
import { EmailVerifiedScreen } from "./screens/EmailVerifiedScreen.tsx";
import { ForgotPasswordScreen } from "./screens/ForgotPasswordScreen.tsx";
import { ResetPasswordScreen } from "./screens/ResetPasswordScreen.tsx";
import { ResetSuccessScreen } from "./screens/ResetSuccessScreen.tsx";
import { SignedInScreen } from "./screens/SignedInScreen.tsx";
import { SignInScreen } from "./screens/SignInScreen.tsx";
import { SignUpScreen } from "./screens/SignUpScreen.tsx";
import { SignUpSentScreen } from "./screens/SignUpSentScreen.tsx";
import { VerifyEmailScreen } from "./screens/VerifyEmailScreen.tsx";

/** A screen and what it was opened with; a notice is a catalogue key, so it follows a change of language. */
export type Screen =
  | { name: "sign-in"; notice?: MessageKey; email?: string; initial?: true }
  | { name: "sign-up" }
  | { name: "sign-up-sent"; email: string }
  | { name: "verify-email"; token: string; opened: number }
  | { name: "email-verified"; email: string }
  | { name: "forgot-password" }
  | { name: "reset-password"; token: string; opened: number }
  | { name: "reset-success" }
  | { name: "signed-in"; account: SignedInAccount; notice?: MessageKey }
  | { name: "change-password"; account: SignedInAccount };

export function App() {
  const [screen, setScreen] = useState<Screen>({ name: "sign-in", initial: true });
  // The session lives in the main process, kept across launches when the person asked, and
  // outlives a reload of this page (Ctrl+R), so the first screen asks who is signed in. Without a
  // session main answers at once, offline; a kept one the Worker refuses is forgotten, and said so.
  const session = useQuery({ queryKey: ["me"], queryFn: () => unwrap(getApi().me()), retry: false, staleTime: Infinity });
  const savedSessionEnded = session.error instanceof ApiError && session.error.code === "saved_session_ended" ? session.error.message : undefined;
  const shown: Screen = screen.name === "sign-in" && screen.initial && session.data ? { name: "signed-in", account: session.data } : screen;
  const { t } = useI18n();
  // Main's sentence about a kept sign-in that ended shows on the first Sign in screen only.
  const firstNotice = screen.name === "sign-in" && screen.initial ? savedSessionEnded : undefined;
  const [pendingLink, setPendingLink] = useState<DeepLink | null>(null);
  // The listener is added once; it reads the screen on show through this ref.
  const shownScreen = useRef(shown);
  useLayoutEffect(() => {
    shownScreen.current = shown;
  });

  useEffect(
    () =>
      getApi().onDeepLink((link, { atLaunch }) => {
        if (atLaunch || shownScreen.current.name === "sign-in") {
          setPendingLink(null);
          setScreen(screenForDeepLink(link));
        } else {
          setPendingLink(link);
        }
      }),
    [],
  );

  return (
    <div className="page">
      <header className="page-header">
        <p className="brand">{APP_NAME}</p>
      </header>
      <main className="page-main">
        <div className="card" inert={pendingLink !== null}>
          {renderScreen(shown, setScreen, (notice) => (notice ? t(notice) : firstNotice))}
        </div>
      </main>
      {pendingLink ? (
        <DeepLinkPrompt
          link={pendingLink}
          onOpen={() => {
            setScreen(screenForDeepLink(pendingLink));
            setPendingLink(null);
          }}
          onCancel={() => setPendingLink(null)}
        />
      ) : null}
    </div>
  );
}

/** The screen a deep link opens; `opened` remounts it even when the same link is opened twice. */
function screenForDeepLink(link: DeepLink): Screen {
  switch (link.kind) {
    case "sign-in":
      return { name: "sign-in" };
    case "verify-email":
      return { name: "verify-email", token: link.token, opened: Date.now() };
    case "reset-password":
      return { name: "reset-password", token: link.token, opened: Date.now() };
  }
}

/** `describeNotice` puts a screen's notice into words (or gives main's, for the first Sign in). */
function renderScreen(screen: Screen, go: (next: Screen) => void, describeNotice: (notice: MessageKey | undefined) => string | undefined) {
  switch (screen.name) {
    case "sign-in":
      return (
        <SignInScreen
          notice={describeNotice(screen.notice)}
          email={screen.email}
          onForgotPassword={() => go({ name: "forgot-password" })}
          onCreateAccount={() => go({ name: "sign-up" })}
          onSignedIn={({ keep, ...account }) =>
            go({ name: "signed-in", account, ...(keep === "unprotected" ? { notice: "app.signIn.notKept" } : {}) })
          }
        />
      );
    case "sign-up":
      return (
        <SignUpScreen
          onAccepted={(email) => go({ name: "sign-up-sent", email })}
          onBackToSignIn={() => go({ name: "sign-in" })}
        />
      );
    case "sign-up-sent":
      return <SignUpSentScreen email={screen.email} onBackToSignIn={() => go({ name: "sign-in" })} />;
    case "verify-email":
      return (
        <VerifyEmailScreen
          key={`${screen.token}:${screen.opened}`}
          token={screen.token}
          onVerified={(email) => go({ name: "email-verified", email })}
          onSignUpAgain={() => go({ name: "sign-up" })}
        />
      );
    case "email-verified":
      return <EmailVerifiedScreen email={screen.email} onSignIn={() => go({ name: "sign-in", email: screen.email })} />;
    case "forgot-password":
      return (
        <ForgotPasswordScreen
          onBackToSignIn={() => go({ name: "sign-in" })}
          onCodeRedeemed={(token) => go({ name: "reset-password", token, opened: Date.now() })}
        />
      );
    case "reset-password":
      return (
        <ResetPasswordScreen
          key={`${screen.token}:${screen.opened}`}
          token={screen.token}
          onRequestNewLink={() => go({ name: "forgot-password" })}
          onReset={() => go({ name: "reset-success" })}
        />
      );
    case "reset-success":
      return <ResetSuccessScreen onSignIn={() => go({ name: "sign-in" })} />;
    case "signed-in":
      return (
        <SignedInScreen
          account={screen.account}
          notice={describeNotice(screen.notice)}
          onChangePassword={() => go({ name: "change-password", account: screen.account })}
          onSignedOut={(everywhere) => go({ name: "sign-in", notice: everywhere ? "signIn.signedOutEverywhere" : "signIn.signedOut" })}
        />
      );
    case "change-password":
      return (
        <ChangePasswordScreen
          account={screen.account}
          onChanged={() => go({ name: "signed-in", account: screen.account, notice: "account.changed" })}
          onCancel={() => go({ name: "signed-in", account: screen.account })}
        />
      );
  }
}
