// Stock ledger under load: many concurrent transfers and adjustments over HTTP
// on a few hot lots. Reports accepted movements per second, then checks that
// every balance equals the sum of its movements and none is negative (the
// benchmark fails otherwise).
import { systemActor } from '../../src/server/platform/actor.ts';
import { DEFAULT_SECURITY_POLICY } from '../../src/server/platform/config.ts';
import { createUser } from '../../src/server/platform/identity/users.service.ts';
import { verifyStockLedger } from '../../src/server/modules/lots/index.ts';
import { makeLotsFixture, makeReleasedLot, makeSigner } from '../support/lots.ts';
import { startBenchServer, writeResult } from './bench-support.ts';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = 32;
const HOT_LOTS = 4;
const START_QUANTITY = '1000';

const server = await startBenchServer();
try {
  const database = server.database;
  const fixture = await makeLotsFixture(database);
  const signer = await makeSigner(database);
  const lots: { id: string }[] = [];
  for (let i = 0; i < HOT_LOTS; i++) {
    lots.push(await makeReleasedLot(database, fixture, { quantity: START_QUANTITY, signer }));
  }
  const password = 'Bench-Password-2026';
  await database.db.transaction().execute((trx) =>
    createUser(trx, systemActor('bench'), DEFAULT_SECURITY_POLICY, {
      username: 'bench-warehouse',
      fullName: 'Bench Warehouse',
      preferredLanguage: 'en',
      roles: ['warehouse'],
      password,
      mustChangePassword: false,
    }),
  );
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench-warehouse', password }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf };

  const places = [
    fixture.locations.storage,
    fixture.locations.storage2,
    fixture.locations.production,
  ];
  const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)] as T;
  const outcomes = new Map<string, number>();
  const latencies: number[] = [];
  let accepted = 0;

  const oneRequest = async () => {
    const lotId = pick(lots).id;
    const from = pick(places);
    const quantity = String(1 + Math.floor(Math.random() * 5));
    const adjust = Math.random() < 0.25;
    const [url, body] = adjust
      ? [
          '/api/stock/adjustments',
          {
            lotId,
            locationId: from,
            quantity: Math.random() < 0.5 ? `-${quantity}` : quantity,
            reason: 'Bench count',
          },
        ]
      : [
          '/api/stock/transfers',
          {
            lotId,
            fromLocationId: from,
            toLocationId: pick(places.filter((p) => p !== from)),
            quantity,
          },
        ];
    const started = performance.now();
    const res = await fetch(`${server.url}${url}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    const payload = (await res.json()) as { code?: string };
    latencies.push(performance.now() - started);
    const key = res.status === 201 ? '201' : `${res.status} ${payload.code ?? ''}`;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    if (res.status === 201) accepted++;
  };

  const run = async (seconds: number) => {
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) await oneRequest();
      }),
    );
  };
  await run(1); // warm-up
  outcomes.clear();
  latencies.length = 0;
  accepted = 0;
  const started = performance.now();
  await run(DURATION_S);
  const elapsed = (performance.now() - started) / 1000;

  const check = await verifyStockLedger(database.db);
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((sorted[Math.floor((sorted.length - 1) * p)] ?? 0) * 10) / 10;
  const requests = latencies.length;
  const unexpected = [...outcomes.entries()].filter(
    ([k]) => k !== '201' && k !== '409 STOCK_INSUFFICIENT' && k !== '409 CONFLICT',
  );
  writeResult({
    benchmark: 'stock',
    description:
      'Concurrent POST /api/stock/transfers and /api/stock/adjustments (3:1) on a few hot lots, then a ledger check',
    database: database.kind,
    connections: CONNECTIONS,
    hotLots: HOT_LOTS,
    durationSeconds: Math.round(elapsed * 10) / 10,
    requests,
    requestsPerSecond: Math.round((requests / elapsed) * 10) / 10,
    movements: accepted,
    movementsPerSecond: Math.round((accepted / elapsed) * 10) / 10,
    outcomes: Object.fromEntries(outcomes),
    latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) },
    ledgerCheck: {
      balances: check.balances,
      movements: check.movements,
      mismatches: check.mismatches.length,
      ok: check.mismatches.length === 0,
    },
  });
  if (check.mismatches.length > 0) {
    console.error('Balances out of step with the ledger:', check.mismatches.slice(0, 10));
    process.exitCode = 1;
  }
  if (unexpected.length > 0) {
    console.error('Unexpected answers:', unexpected);
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}
