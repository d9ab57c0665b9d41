/**
 * Sustained load on POST /api/v1/password-resets against a real `wrangler dev` with its real
 * rate limits: 100 connections for 10 seconds (the 60-second run is part of `npm run bench`),
 * from 20 client addresses, for a mix of registered and unknown addresses. Every answer is a
 * 202 or a 429, the per-IP limit lets exactly 10 through per address, and afterwards D1 holds
 * exactly what the accepted requests should have made: one live link per account that was
 * asked for, and as many reset emails per account as its limits allow (3 per network, 10 in
 * all), nothing lost and nothing extra.
 */
import { Agent, request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, type RunningWorker } from "../support/wrangler-dev.ts";
import { waitFor } from "../support/wait-for.ts";
import { createAccount, queryD1 } from "./reliability-fixtures.ts";

const CONNECTIONS = 100;
const DURATION_MS = 10_000;
const CLIENT_IPS = Array.from({ length: 20 }, (_, i) => `203.0.113.${i + 1}`);
const KNOWN = Array.from({ length: 24 }, (_, i) => `load-${i}@example.com`);
const PER_IP_LIMIT = 10;
const PER_ADDRESS_AND_NETWORK_LIMIT = 3;
const PER_ADDRESS_CEILING = 10;
const WINDOW_MS = 15 * 60_000;

let worker: RunningWorker;
beforeAll(async () => {
  worker = await startWorker();
  for (const email of KNOWN) await createAccount(worker, email);
}, 240_000);
afterAll(async () => {
  await worker?.stop();
});

interface Sent {
  ip: string;
  email: string;
  status: number;
}

function post(agent: Agent, ip: string, email: string): Promise<number> {
  const body = JSON.stringify({ email });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${worker.url}/api/v1/password-resets`,
      { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "cf-connecting-ip": ip } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The limits count in fixed 15-minute windows; a run must not straddle two of them. */
async function waitForRoomInWindow(neededMs: number): Promise<void> {
  const left = WINDOW_MS - (Date.now() % WINDOW_MS);
  if (left < neededMs) await new Promise((resolve) => setTimeout(resolve, left + 1_000));
}

describe("100 connections on the reset-request endpoint", () => {
  it(
    "answers only 202 or 429, and D1 holds exactly the links and emails the accepted requests made",
    async () => {
      await waitForRoomInWindow(DURATION_MS + 30_000);
      const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
      const sent: Sent[] = [];
      const deadline = Date.now() + DURATION_MS;
      let next = 0;
      const connection = async () => {
        while (Date.now() < deadline) {
          const i = next++;
          const ip = CLIENT_IPS[(i * 7) % CLIENT_IPS.length] ?? "";
          const email = i % 5 < 3 ? (KNOWN[i % KNOWN.length] ?? "") : `unknown-${i}@example.com`;
          sent.push({ ip, email, status: await post(agent, ip, email) });
        }
      };
      await Promise.all(Array.from({ length: CONNECTIONS }, connection));
      agent.destroy();

      // 20 addresses × 10 allowed: more than 200 requests means some must meet the per-IP limit.
      expect(sent.length).toBeGreaterThan(400);
      expect(sent.filter((s) => s.status !== 202 && s.status !== 429)).toEqual([]);
      const accepted = sent.filter((s) => s.status === 202);
      expect(accepted.length).toBeGreaterThan(0);
      expect(sent.length - accepted.length, "some requests were over the per-IP limit").toBeGreaterThan(0);

      const perIp = new Map<string, { sent: number; accepted: number }>();
      for (const s of sent) {
        const entry = perIp.get(s.ip) ?? { sent: 0, accepted: 0 };
        entry.sent += 1;
        if (s.status === 202) entry.accepted += 1;
        perIp.set(s.ip, entry);
      }
      for (const [ip, { sent: count, accepted: ok }] of perIp) expect(ok, ip).toBe(Math.min(PER_IP_LIMIT, count));

      const acceptedPerKnown = new Map(KNOWN.map((email) => [email, 0]));
      for (const s of accepted) if (acceptedPerKnown.has(s.email)) acceptedPerKnown.set(s.email, (acceptedPerKnown.get(s.email) ?? 0) + 1);
      // Each network gets up to 3 emails per address, and all of them together (none trusted here) up to 10.
      const expectedMail = new Map(
        KNOWN.map((email) => {
          const perNetwork = new Map<string, number>();
          for (const s of accepted) if (s.email === email) perNetwork.set(s.ip, (perNetwork.get(s.ip) ?? 0) + 1);
          const admitted = [...perNetwork.values()].reduce((sum, count) => sum + Math.min(PER_ADDRESS_AND_NETWORK_LIMIT, count), 0);
          return [email, Math.min(PER_ADDRESS_CEILING, admitted)];
        }),
      );
      const expectedLinks = [...acceptedPerKnown.values()].filter((count) => count > 0).length;

      // The emails and links are made after the answers; wait until the expected number of
      // emails is in D1 (more than expected fails the checks below).
      const expectedMailTotal = [...expectedMail.values()].reduce((a, b) => a + b, 0);
      const rows = await waitFor(
        async () => {
          const current = await queryD1<{ email: string; links: number; mails: number }>(
            worker,
            `SELECT a.email AS email,
                    (SELECT COUNT(*) FROM password_reset_tokens t WHERE t.account_id = a.id AND t.used_at IS NULL) AS links,
                    (SELECT COUNT(*) FROM mail_outbox m WHERE m.to_address = a.email) AS mails
             FROM accounts a ORDER BY a.email`,
          );
          return current.reduce((sum, row) => sum + row.mails, 0) >= expectedMailTotal ? current : null;
        },
        { timeoutMs: 90_000, intervalMs: 500, description: `${expectedMailTotal} reset emails in the outbox` },
      );
      const [totals] = await queryD1<{ tokens: number; mails: number }>(
        worker,
        "SELECT (SELECT COUNT(*) FROM password_reset_tokens) AS tokens, (SELECT COUNT(*) FROM mail_outbox) AS mails",
      );

      for (const row of rows) {
        expect(row.mails, `reset emails to ${row.email}`).toBe(expectedMail.get(row.email));
        expect(row.links, `live links for ${row.email}`).toBe((acceptedPerKnown.get(row.email) ?? 0) > 0 ? 1 : 0);
      }
      expect(totals?.tokens, "no link for anything but the accepted requests").toBe(expectedLinks);
      expect(totals?.mails, "no email for anything but the accepted requests").toBe(expectedMailTotal);
    },
    300_000,
  );
});
