/**
 * MailChannels failing in every way it can, in sequence, against a real `wrangler dev`: the
 * stand-in answers 500, then 429, then hangs, then recovers, while reset requests keep coming.
 * Users never see any of it: every answer is the same 202 with the same bytes. Behind it, the
 * mail queue retries (one second apart here, MAIL_RETRY_DELAYS_SECONDS), every reset email ends
 * up delivered (once MailChannels is back) or recorded as failed, no email is sent again after
 * MailChannels has accepted it, and the delivered link is the one that works.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailChannelsStandIn, type MailChannelsStandIn, type StandInRequest } from "../support/mailchannels-stand-in.ts";
import { startWorker, type RunningWorker } from "../support/wrangler-dev.ts";
import { waitFor } from "../support/wait-for.ts";
import { createAccount, postJson } from "./reliability-fixtures.ts";

interface Delivery {
  kind: string;
  to: string;
  status: string;
  attempts: number;
}

let worker: RunningWorker;
let standIn: MailChannelsStandIn;

beforeAll(async () => {
  standIn = await startMailChannelsStandIn();
  worker = await startWorker({
    vars: {
      MAIL_TRANSPORT: "mailchannels",
      MAILCHANNELS_API_URL: standIn.url,
      MAILCHANNELS_API_KEY: "fault-suite-api-key-0123456789",
      MAIL_RETRY_DELAYS_SECONDS: "1",
    },
  });
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await standIn?.close();
});

const TOKEN_IN_LINK = /\/reset-password\?token=([A-Za-z0-9_-]{43})/;

function tokenOf(request: StandInRequest): string | undefined {
  const body = request.body as { content?: Array<{ value?: string }> } | undefined;
  return TOKEN_IN_LINK.exec(body?.content?.[0]?.value ?? "")?.[1];
}

function recipientsOf(request: StandInRequest): string[] {
  const body = request.body as { personalizations?: Array<{ to?: Array<{ email?: string }> }> } | undefined;
  return (body?.personalizations ?? []).flatMap((p) => (p.to ?? []).map((to) => (to.email ?? "").toLowerCase()));
}

function requestsTo(email: string): StandInRequest[] {
  return standIn.requests.filter((request) => recipientsOf(request).includes(email.toLowerCase()));
}

async function readDeliveries(email: string): Promise<Delivery[]> {
  const response = await fetch(`${worker.url}/dev/deliveries.json?to=${encodeURIComponent(email)}`);
  return ((await response.json()) as { deliveries: Delivery[] }).deliveries;
}

async function requestReset(email: string): Promise<{ status: number; body: string }> {
  const response = await postJson(worker, "/api/v1/password-resets", { email });
  return { status: response.status, body: await response.text() };
}

/** Resolves once every address of a phase has reached MailChannels at least once. */
function waitForFirstAttempts(emails: readonly string[]): Promise<boolean> {
  return waitFor(() => emails.every((email) => requestsTo(email).length > 0), {
    timeoutMs: 30_000,
    description: `a first send to ${emails.join(", ")}`,
  });
}

describe("MailChannels answering 500, then 429, then hanging, then recovering", () => {
  it(
    "changes nothing users see, and every email ends delivered once or recorded as failed",
    async () => {
      const phases = ["500", "429", "hang", "recovered"] as const;
      const known = Object.fromEntries(phases.map((phase) => [phase, [`fault-${phase}-a@example.com`, `fault-${phase}-b@example.com`]]));
      for (const emails of Object.values(known)) for (const email of emails) await createAccount(worker, email);

      // What a user sees while everything works.
      const baseline = await requestReset("nobody-before@example.com");
      expect(baseline.status).toBe(202);

      const answers: Array<{ status: number; body: string }> = [];
      const ask = async (phase: (typeof phases)[number]) => {
        for (const email of known[phase] ?? []) answers.push(await requestReset(email));
        answers.push(await requestReset(`nobody-${phase}@example.com`));
      };

      standIn.reset();
      standIn.respondWith({ status: 500 });
      // Each fault lasts until every address of its phase has met it at least once.
      await ask("500");
      await waitForFirstAttempts(known["500"] ?? []);
      standIn.respondWith({ status: 429 });
      await ask("429");
      await waitForFirstAttempts(known["429"] ?? []);
      standIn.respondWith("hang");
      await ask("hang");
      await waitForFirstAttempts(known.hang ?? []);
      standIn.respondWith({ status: 202 });
      const recoveredAt = Date.now();
      await ask("recovered");

      // Users: the same answer, byte for byte, in every phase and for every address.
      for (const answer of answers) expect(answer).toEqual(baseline);

      // Mail: wait until every delivery is final, then check each against what the stand-in saw.
      const allKnown = Object.values(known).flat();
      // "sent" and "failed" are written after a message's last attempt, so once every record
      // holds one of them nothing can change any more.
      const deliveries = await waitFor(
        async () => {
          const records = await Promise.all(allKnown.map(readDeliveries));
          const final = records.every((list) => list.length > 0 && list.every((record) => record.status === "sent" || record.status === "failed"));
          return final ? records : null;
        },
        { timeoutMs: 90_000, intervalMs: 250, description: "every delivery to be sent or failed" },
      );

      let deliveredAfterRetries = 0;
      for (const [i, email] of allKnown.entries()) {
        const records = deliveries[i] ?? [];
        expect(records, `${email} has exactly one reset email on record`).toHaveLength(1);
        const record = records[0] as Delivery;
        expect(record.kind).toBe("password_reset");
        expect(["sent", "failed"], `${email} ended ${record.status}`).toContain(record.status);
        const sends = requestsTo(email);
        expect(sends, `${email}: every attempt reached MailChannels`).toHaveLength(record.attempts);
        // Each attempt makes its own link, so a link's lifetime starts when it is sent.
        expect(new Set(sends.map(tokenOf)).size, `${email}: each attempt carries its own link`).toBe(sends.length);
        const afterRecovery = sends.filter((send) => send.receivedAt >= recoveredAt);
        if (record.status === "sent") {
          // Before recovery every answer was a failure, so the one accepted send is the last one.
          expect(afterRecovery, `${email} was sent once after recovery and never again`).toHaveLength(1);
          if (record.attempts > 1) deliveredAfterRetries += 1;
          const verify = await postJson(worker, "/api/v1/password-resets/verify", { token: tokenOf(afterRecovery[0]!) });
          expect(verify.status, `${email}: the delivered link works`).toBe(200);
        } else {
          expect(afterRecovery, `${email} failed before recovery and was not tried again`).toHaveLength(0);
        }
      }
      expect(deliveredAfterRetries, "at least one email waited out the outage and was delivered").toBeGreaterThan(0);
      for (const email of known.recovered ?? []) expect((deliveries[allKnown.indexOf(email)] ?? [])[0]?.status).toBe("sent");

      // Nothing for addresses without an account; every send belongs to a final record above.
      for (const phase of phases) expect(requestsTo(`nobody-${phase}@example.com`)).toHaveLength(0);
      expect(standIn.requests.filter((request) => !recipientsOf(request).some((to) => allKnown.includes(to)))).toHaveLength(0);
    },
    180_000,
  );
});
