// API request throughput and latency for GET /api/health (one database round trip per request).
import autocannon from 'autocannon';
import { startBenchServer, writeResult } from './bench-support.ts';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = 50;

const server = await startBenchServer();
try {
  const url = `${server.url}/api/health`;
  // Warm up the JIT and the connection pool before measuring.
  await autocannon({ url, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  writeResult({
    benchmark: 'health',
    description: 'GET /api/health over HTTP keep-alive, each request pinging the database',
    database: server.database.kind,
    connections: CONNECTIONS,
    durationSeconds: DURATION_S,
    requests: r.requests.total,
    requestsPerSecond: r.requests.average,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  });
  if (r.non2xx > 0 || r.errors > 0) process.exitCode = 1;
} finally {
  await server.stop();
}
