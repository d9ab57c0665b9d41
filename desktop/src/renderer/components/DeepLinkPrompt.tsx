/**
 * The question a deep link asks when it reaches the app while the person is somewhere else in it
 * (signed in, or in the middle of a form): any web page can open a `resetkit://` link by itself,
 * so nobody is pushed into a reset or a confirmation they did not start. A reset names the account
 * it is for, the domain in full, once the Worker has checked the link. Cancel keeps the screen
 * underneath exactly as it was.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { DeepLink } from "../../../../shared/deep-link.ts";
import { Isolated, Rich, useI18n } from "../../../../shared/i18n/react.tsx";
import { APP_NAME } from "../../app-name.ts";
import { getApi, unwrap } from "../api-bridge.ts";

export interface DeepLinkPromptProps {
  link: DeepLink;
  onOpen(): void;
  onCancel(): void;
}

export function DeepLinkPrompt({ link, onOpen, onCancel }: DeepLinkPromptProps) {
  const { t } = useI18n();
  const cancel = useRef<HTMLButtonElement>(null);
  const reset = useQuery({
    queryKey: ["password-reset", link.kind === "reset-password" ? link.token : ""],
    queryFn: () => unwrap(getApi().verifyToken({ token: link.kind === "reset-password" ? link.token : "" })),
    enabled: link.kind === "reset-password",
    retry: false,
    staleTime: Infinity,
  });
  useEffect(() => {
    cancel.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onCancel();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onCancel]);

  return (
    <div className="prompt-backdrop">
      <section className="prompt" role="alertdialog" aria-modal="true" aria-labelledby="deep-link-prompt-title" aria-describedby="deep-link-prompt-body">
        <h2 id="deep-link-prompt-title">
          <Question link={link} maskedEmail={reset.data?.email} />
        </h2>
        <p id="deep-link-prompt-body">{t("app.deepLink.body", { appName: APP_NAME })}</p>
        <p className="actions">
          <button className="button button-primary" type="button" onClick={onOpen}>
            {t("app.deepLink.open")}
          </button>
          <button ref={cancel} className="button button-secondary" type="button" onClick={onCancel}>
            {t("app.deepLink.cancel")}
          </button>
        </p>
      </section>
    </div>
  );
}

/** What the link would open; a reset names its account, which keeps its own direction. */
function Question({ link, maskedEmail }: { link: DeepLink; maskedEmail: string | undefined }) {
  const { t } = useI18n();
  switch (link.kind) {
    case "reset-password":
      return maskedEmail ? (
        <Rich id="app.deepLink.openResetFor" values={{ email: <Isolated>{maskedEmail.replace("***", "•••")}</Isolated> }} />
      ) : (
        t("app.deepLink.openReset")
      );
    case "verify-email":
      return t("app.deepLink.openVerifyEmail");
    case "sign-in":
      return t("app.deepLink.openSignIn");
  }
}
