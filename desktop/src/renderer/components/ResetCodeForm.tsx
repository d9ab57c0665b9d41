/**
 * "Enter the code from the email": for a reset email read on another device. The code is
 * formatted as it is typed or pasted (`XXXX-XXXX`) and checked for shape here, so a typo costs
 * no guess; the Worker decides the rest. Its refusal reads the same whether or not the address
 * has an account. The Worker allows a few wrong codes per code (shared/reset-code.ts); the form
 * counts the refusals it has seen so it can say plainly when the code has stopped working, which
 * needs no knowledge of the account either. The address and the code are typed left to right
 * whatever the language, and the example code keeps its direction inside the sentences.
 */
import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { ErrorCode } from "../../../../shared/errors.ts";
import { Rich, useI18n } from "../../../../shared/i18n/react.tsx";
import { formatTypedResetCode, normalizeResetCode, RESET_CODE_EXAMPLE, RESET_CODE_GUESS_BUDGET } from "../../../../shared/reset-code.ts";
import { ErrorSummary, type InvalidField } from "../../../../shared/ui/ErrorSummary.tsx";
import { ResetCodeExample } from "../../../../shared/ui/ResetCodeExample.tsx";
import { ApiError, describeError, getApi, unwrap } from "../api-bridge.ts";
import { TextField } from "./TextField.tsx";

export interface ResetCodeFormProps {
  /** The address the email went to, when this screen already knows it. */
  email?: string;
  /** Called with the fresh reset token once the Worker accepts the code. */
  onRedeemed(token: string): void;
  /** 3 when the form sits in a section of its screen, under an h2. */
  summaryHeadingLevel?: 2 | 3;
}

export function ResetCodeForm({ email: knownEmail, onRedeemed, summaryHeadingLevel }: ResetCodeFormProps) {
  const words = useI18n();
  const { t } = words;
  const [email, setEmail] = useState(knownEmail ?? "");
  const [code, setCode] = useState("");
  const [misshapen, setMisshapen] = useState(false);
  const [wrongCodes, setWrongCodes] = useState(0);
  const emailId = useId();
  const codeId = useId();
  const codeInput = useRef<HTMLInputElement>(null);
  const redeem = useMutation({
    mutationFn: (request: { email: string; code: string }) => unwrap(getApi().redeemResetCode(request)),
    onSuccess: (redeemed) => onRedeemed(redeemed.token),
    onError: (error) => {
      if (error instanceof ApiError && error.code === ErrorCode.codeInvalid) setWrongCodes((count) => count + 1);
      codeInput.current?.focus();
    },
  });
  const fieldErrors = redeem.error instanceof ApiError ? redeem.error.fieldErrors : {};
  const refused = redeem.error instanceof ApiError && redeem.error.code === ErrorCode.codeInvalid;
  const budget = { budget: RESET_CODE_GUESS_BUDGET };
  const refusal = refused
    ? t(wrongCodes >= RESET_CODE_GUESS_BUDGET ? "resetCode.refusedLast" : "resetCode.refused", budget)
    : redeem.isError
      ? describeError(redeem.error, words)
      : null;
  const shapeError = misshapen ? t("resetCode.shape", { example: words.isolate(RESET_CODE_EXAMPLE) }) : null;
  const codeError = shapeError ?? fieldErrors.code;
  const invalidFields: InvalidField[] = [
    ...(fieldErrors.email ? [{ id: emailId, label: t("forgotPassword.emailLabel") }] : []),
    ...(codeError ? [{ id: codeId, label: t("resetCode.label") }] : []),
  ];
  // A refusal is about the address and the code together, so it stands in the summary, once.
  const formError = invalidFields.length === 0 ? refusal : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!normalizeResetCode(code)) {
      setMisshapen(true);
      codeInput.current?.focus();
      return;
    }
    setMisshapen(false);
    redeem.mutate({ email: knownEmail ?? email, code });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("resetCode.enterTitle")}>
      <ErrorSummary messages={formError ? [formError] : []} fields={invalidFields} headingLevel={summaryHeadingLevel} />
      {knownEmail === undefined ? (
        <TextField
          id={emailId}
          label={t("forgotPassword.emailLabel")}
          type="email"
          name="email"
          autoComplete="email"
          dir="ltr"
          required
          value={email}
          error={fieldErrors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
      ) : null}
      <TextField
        id={codeId}
        ref={codeInput}
        label={t("resetCode.label")}
        hint={<Rich id="resetCode.hint" values={{ example: <ResetCodeExample /> }} />}
        name="code"
        type="text"
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        dir="ltr"
        required
        value={code}
        error={codeError}
        onChange={(event) => setCode(formatTypedResetCode(event.target.value))}
      />
      <button className="button button-primary" type="submit" disabled={redeem.isPending}>
        {redeem.isPending ? t("resetCode.submitting") : t("resetCode.submit")}
      </button>
    </form>
  );
}
