/**
 * The question a deep link asks when it reaches the app while the person is somewhere else in it
 * (signed in, or in the middle of a form): any web page can open a `resetkit://` link by itself,
 * so nobody is pushed into a reset or a confirmation they did not start. A reset names the account
 * it is for, the domain in full, once the Worker has checked the link. Cancel keeps the screen
 * underneath exactly as it was.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { DeepLinkPromptCopy } from "../../../../shared/copy.ts";
import type { DeepLink } from "../../../../shared/deep-link.ts";
import { getApi, unwrap } from "../api-bridge.ts";

export interface DeepLinkPromptProps {
  link: DeepLink;
  onOpen(): void;
  onCancel(): void;
}

export function DeepLinkPrompt({ link, onOpen, onCancel }: DeepLinkPromptProps) {
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
        <h2 id="deep-link-prompt-title">{describeQuestion(link, reset.data?.email)}</h2>
        <p id="deep-link-prompt-body">{DeepLinkPromptCopy.body}</p>
        <p className="actions">
          <button className="button button-primary" type="button" onClick={onOpen}>
            {DeepLinkPromptCopy.open}
          </button>
          <button ref={cancel} className="button button-secondary" type="button" onClick={onCancel}>
            {DeepLinkPromptCopy.cancel}
          </button>
        </p>
      </section>
    </div>
  );
}

function describeQuestion(link: DeepLink, maskedEmail: string | undefined): string {
  switch (link.kind) {
    case "reset-password":
      return maskedEmail ? DeepLinkPromptCopy.openResetFor(maskedEmail.replace("***", "•••")) : DeepLinkPromptCopy.openReset;
    case "verify-email":
      return DeepLinkPromptCopy.openVerifyEmail;
    case "sign-in":
      return DeepLinkPromptCopy.openSignIn;
  }
}
