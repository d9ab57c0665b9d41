/*
 * Live feedback on the reset form: length and whether the two passwords match, announced
 * through the form's aria-live region as the person types. It only helps; the server checks
 * the full shared policy (common passwords, email address) on submit, and the form works
 * without this script.
 */
/* global document */
"use strict";

(function startPasswordFeedback() {
  const form = document.querySelector("form[data-min-length]");
  const password = document.getElementById("password");
  const confirmation = document.getElementById("confirm_password");
  const feedback = document.getElementById("password-feedback");
  if (!form || !password || !confirmation || !feedback) return;
  const minLength = Number(form.getAttribute("data-min-length")) || 12;

  function countCharacters(value) {
    return Array.from(value.normalize("NFC")).length;
  }

  function describe() {
    const length = countCharacters(password.value);
    if (length === 0) return "";
    if (length < minLength) return `${length} of at least ${minLength} characters.`;
    if (length > 128) return "That is more than 128 characters.";
    if (confirmation.value && confirmation.value !== password.value) return "The two passwords do not match yet.";
    if (confirmation.value) return "Long enough, and the two passwords match.";
    return "Long enough. Now type it a second time.";
  }

  let pending;
  function update() {
    // Wait for a pause in typing so screen readers are not flooded with announcements.
    clearTimeout(pending);
    pending = setTimeout(() => {
      feedback.textContent = describe();
    }, 400);
  }

  password.addEventListener("input", update);
  confirmation.addEventListener("input", update);
})();
