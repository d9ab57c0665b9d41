/**
 * Live feedback on the reset and sign-up forms, from the shared policy (shared/password-feedback.ts),
 * the same sentences the desktop app shows. It only helps: the server checks the whole policy on
 * submit, and the forms work without this script. The address the password must differ from is the
 * reset form's hidden `username`, or whatever is typed into the sign-up form's `email`, read at
 * each check so a changed address counts. The sentences come already in the page's language, in
 * the head's JSON block `#password-policy-words` (keyed like the catalogue), so the script
 * carries no catalogue.
 * Bundled into worker/public/password-feedback.js by scripts/build-browser.mjs.
 */
import type { Message } from "../../shared/i18n/translator.ts";
import { describeConfirmationProblem, describePasswordFeedback, POLICY_WORDS_ID } from "../../shared/password-feedback.ts";
import { DEFAULT_PASSWORD_MIN_LENGTH } from "../../shared/password-policy.ts";

const TYPING_PAUSE_MS = 400;

function startPasswordFeedback(): void {
  const form = document.querySelector<HTMLFormElement>("form[data-min-length]");
  const password = document.getElementById("password");
  const confirmation = document.getElementById("confirm_password");
  const passwordRegion = document.getElementById("password-feedback");
  const confirmationRegion = document.getElementById("confirm_password-feedback");
  if (!form || !(password instanceof HTMLInputElement) || !(confirmation instanceof HTMLInputElement)) return;
  if (!passwordRegion || !confirmationRegion) return;
  const minLength = Number(form.dataset.minLength) || DEFAULT_PASSWORD_MIN_LENGTH;
  const words = readWords();
  const say = (message: Message) => words[message.key] ?? "";
  const emailInput = form.querySelector<HTMLInputElement>('input[name="username"], input[name="email"]');

  let pending: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    // Wait for a pause in typing so screen readers are not flooded with announcements.
    clearTimeout(pending);
    pending = setTimeout(() => {
      const feedback = describePasswordFeedback(password.value, { minLength, email: emailInput?.value ?? "" });
      passwordRegion.replaceChildren(...renderList(feedback.messages.map(say), feedback.acceptable));
      const mismatch = describeConfirmationProblem(password.value, confirmation.value);
      confirmationRegion.replaceChildren(...renderList(mismatch ? [say(mismatch)] : [], false));
    }, TYPING_PAUSE_MS);
  };
  password.addEventListener("input", update);
  confirmation.addEventListener("input", update);
  // An address typed after the password changes whether the password repeats it.
  emailInput?.addEventListener("input", () => {
    if (password.value) update();
  });
}

function readWords(): Readonly<Record<string, string>> {
  try {
    const words: unknown = JSON.parse(document.getElementById(POLICY_WORDS_ID)?.textContent ?? "{}");
    return typeof words === "object" && words !== null ? (words as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The markup of shared/ui/PasswordFeedback.tsx, without React. */
function renderList(messages: readonly string[], acceptable: boolean): HTMLElement[] {
  if (messages.length === 0) return [];
  const list = document.createElement("ul");
  list.className = acceptable ? "policy-feedback policy-ok" : "policy-feedback policy-problems";
  for (const message of messages) {
    const item = document.createElement("li");
    item.textContent = message;
    list.append(item);
  }
  return [list];
}

startPasswordFeedback();
