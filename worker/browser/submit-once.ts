/**
 * Sends each form once: after the first submit its button is disabled and says so, so a double
 * click cannot post the same reset twice. (The server copes anyway: a repeat of a change that
 * just succeeded shows the success page again.) It also fills in a form's `time_zone` field.
 * Bundled into worker/public/submit-once.js.
 */
const SUBMITTING_LABEL_ATTRIBUTE = "data-submitting-label";

function preventDoubleSubmit(event: SubmitEvent): void {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  if (form.dataset.submitted === "true") {
    event.preventDefault();
    return;
  }
  form.dataset.submitted = "true";
  fillTimeZone(form);
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (!button) return;
  // Disabling the button now would not stop this submission, only the next ones.
  button.disabled = true;
  button.setAttribute("aria-disabled", "true");
  const label = button.getAttribute(SUBMITTING_LABEL_ATTRIBUTE);
  if (label) {
    button.dataset.label = button.textContent ?? "";
    button.textContent = label;
  }
}

/**
 * Tells the server the browser's time zone, so an email can say "until 14:05" in the reader's
 * time; without this script the email names the time in UTC.
 */
function fillTimeZone(form: HTMLFormElement): void {
  const field = form.querySelector<HTMLInputElement>('input[name="time_zone"]');
  if (field) field.value = Intl.DateTimeFormat().resolvedOptions().timeZone;
}

document.addEventListener("submit", preventDoubleSubmit);
// Coming back with the Back button restores the page from cache with the button still disabled.
window.addEventListener("pageshow", (event) => {
  if (!event.persisted) return;
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-submitted]")) {
    delete form.dataset.submitted;
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button) {
      button.disabled = false;
      button.removeAttribute("aria-disabled");
      if (button.dataset.label) button.textContent = button.dataset.label;
    }
  }
});
