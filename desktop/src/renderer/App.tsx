/**
 * The app's screens and how one leads to the next. There is no router: the app has five
 * screens, and a deep link can interrupt any of them to open the Reset or the Sign in screen.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { SignedInAccount } from "../ipc/api-result.ts";
import { getApi, unwrap } from "./api-bridge.ts";
import { ForgotPasswordScreen } from "./screens/ForgotPasswordScreen.tsx";
import { ResetPasswordScreen } from "./screens/ResetPasswordScreen.tsx";
import { ResetSuccessScreen } from "./screens/ResetSuccessScreen.tsx";
import { SignedInScreen } from "./screens/SignedInScreen.tsx";
import { SignInScreen } from "./screens/SignInScreen.tsx";

export type Screen =
  | { name: "sign-in"; notice?: string; initial?: true }
  | { name: "forgot-password" }
  | { name: "reset-password"; token: string; opened: number }
  | { name: "reset-success" }
  | { name: "signed-in"; account: SignedInAccount };

export function App() {
  const [screen, setScreen] = useState<Screen>({ name: "sign-in", initial: true });
  // The session lives in the main process and outlives a reload of this page (Ctrl+R), so the
  // first screen asks who is signed in. Without a session main answers at once, offline.
  const session = useQuery({ queryKey: ["me"], queryFn: () => unwrap(getApi().me()), retry: false, staleTime: Infinity });
  const shown: Screen =
    screen.name === "sign-in" && screen.initial && session.data ? { name: "signed-in", account: session.data } : screen;

  useEffect(
    () =>
      getApi().onDeepLink((link) => {
        if (link.kind === "sign-in") setScreen({ name: "sign-in" });
        // `opened` remounts the screen even when the same link is opened twice.
        else setScreen({ name: "reset-password", token: link.token, opened: Date.now() });
      }),
    [],
  );

  return (
    <div className="page">
      <header className="page-header">
        <p className="brand">ResetKit</p>
      </header>
      <main className="page-main">
        <div className="card">{renderScreen(shown, setScreen)}</div>
      </main>
    </div>
  );
}

function renderScreen(screen: Screen, go: (next: Screen) => void) {
  switch (screen.name) {
    case "sign-in":
      return (
        <SignInScreen
          notice={screen.notice}
          onForgotPassword={() => go({ name: "forgot-password" })}
          onSignedIn={(account) => go({ name: "signed-in", account })}
        />
      );
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
          onSignedOut={() => go({ name: "sign-in", notice: "You have signed out." })}
        />
      );
  }
}
