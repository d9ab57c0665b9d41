/**
 * Racing confirms on one reset link, against a real `wrangler dev` and its local D1: 50
 * confirms with 50 different passwords leave the Worker at once, 4 times over. Each round
 * exactly one may succeed, the other 49 see the link as used, and the account's password is
 * afterwards the winner's and nobody else's. Every racer hashes its password (scrypt, about
 * 100 ms of CPU) before the atomic claim, and the hashes run one after another on the Worker's
 * isolate, so a round costs about 5 seconds of CPU and its claims reach D1 interleaved by the
 * order the hashes finish. More rounds repeat that same interleaving at the same price; the
 * worker suite races 50 more inside workerd (test/worker/reset/).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, type RunningWorker } from "../support/wrangler-dev.ts";
import { createAccount, postJson, requestResetToken } from "./reliability-fixtures.ts";

const ROUNDS = 4;
const RACERS = 50;

let worker: RunningWorker;
beforeAll(async () => {
  worker = await startWorker();
});
afterAll(async () => {
  await worker?.stop();
});

describe("50 parallel confirms on one reset link", () => {
  it(
    `exactly one succeeds in each of ${ROUNDS} rounds, and the password is the winner's`,
    async () => {
      for (let round = 0; round < ROUNDS; round += 1) {
        const email = `racer-${round}@example.com`;
        await createAccount(worker, email);
        const token = await requestResetToken(worker, email);
        const passwords = Array.from({ length: RACERS }, (_, i) => `round ${round} racer ${i} picks this passphrase`);

        const answers = await Promise.all(passwords.map((password) => postJson(worker, "/api/v1/password-resets/confirm", { token, password })));
        const statuses = answers.map((answer) => answer.status);
        const bodies = await Promise.all(answers.map((answer) => answer.text()));

        const winners = statuses.flatMap((status, i) => (status === 204 ? [i] : []));
        expect(winners, `round ${round}: statuses ${JSON.stringify(statuses)}`).toHaveLength(1);
        const losers = statuses.filter((status) => status === 410);
        expect(losers, `round ${round}: every other confirm is told the link is invalid`).toHaveLength(RACERS - 1);
        for (const [i, body] of bodies.entries()) {
          if (i !== winners[0]) expect(JSON.parse(body)).toMatchObject({ status: 410, code: "token_invalid" });
        }

        const winner = passwords[winners[0] ?? 0] ?? "";
        const loser = passwords[((winners[0] ?? 0) + 1) % RACERS] ?? "";
        const withWinner = await postJson(worker, "/api/v1/sessions", { email, password: winner });
        expect(withWinner.status, `round ${round}: the winner's password signs in`).toBe(200);
        const withLoser = await postJson(worker, "/api/v1/sessions", { email, password: loser });
        expect(withLoser.status, `round ${round}: a losing password does not`).toBe(401);
      }
    },
    900_000,
  );
});
