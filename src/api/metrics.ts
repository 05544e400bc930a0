/**
 * Prometheus metrics (prom-client), in a registry of this server's own so several servers in one
 * process (tests) never share counters. Served at /metrics to admin keys only: the numbers tell an
 * outsider how the service is used. Labels come from the schema (root field names), never from
 * text the caller chose, so a caller cannot blow up the series count.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { IngestionService } from '../ingest/runtime';
import type { GraphClient } from '../neo4j/graph-client';

export interface ApiMetrics {
  registry: Registry;
  requests: Counter<'operation' | 'outcome'>;
  latency: Histogram<'operation'>;
  refusals: Counter<'reason'>;
  subscribers: Gauge;
  stop(): void;
}

export function createMetrics(graph: GraphClient, ingestion?: IngestionService): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'cg_' });
  const requests = new Counter({
    name: 'cg_graphql_requests_total',
    help: 'GraphQL operations by operation (type:first root field) and outcome (ok, error)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'cg_graphql_request_duration_seconds',
    help: 'GraphQL operation latency by operation',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'cg_refusals_total',
    help: 'Requests refused before or while running, by reason (depth, aliases, cost, rate, unauthenticated, forbidden, timeout, body, strings)',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const subscribers = new Gauge({ name: 'cg_ws_subscriptions', help: 'Active graphql-ws subscriptions', registers: [registry] });
  const cypher = new Counter({
    name: 'cg_neo4j_round_trips_total',
    help: 'Cypher statements sent to Neo4j, by mode',
    labelNames: ['mode'] as const,
    registers: [registry],
  });
  const stopObserving = graph.observe((e) => cypher.inc({ mode: e.mode }));
  if (ingestion) {
    const lanes = async () => ingestion.lanes.status().catch(() => []);
    new Gauge({
      name: 'cg_lane_requests_last_hour',
      help: 'Provider requests each lane made in the last hour',
      labelNames: ['platform'] as const,
      registers: [registry],
      async collect() {
        for (const s of await lanes()) this.set({ platform: s.platform }, s.requestsLastHour);
      },
    });
    new Counter({
      name: 'cg_lane_provider_requests_total',
      help: 'Provider HTTP requests each lane sent since start (retries included), by outcome: 2xx, 3xx, 4xx, 429 (rate limited), 5xx, network (no response)',
      labelNames: ['lane', 'status'] as const,
      registers: [registry],
      // The transports count as they go; this reads their running totals at scrape time.
      async collect() {
        const all = await lanes();
        this.reset();
        for (const s of all) for (const [status, n] of Object.entries(s.requests)) this.inc({ lane: s.platform, status }, n);
      },
    });
    new Gauge({
      name: 'cg_lane_queue_depth',
      help: 'Lane jobs waiting or running',
      labelNames: ['platform'] as const,
      registers: [registry],
      async collect() {
        for (const s of await lanes()) this.set({ platform: s.platform }, s.queueDepth);
      },
    });
    new Gauge({
      name: 'cg_lane_backing_off',
      help: '1 while a lane backs off (rate limited by its provider, 429) or is paused',
      labelNames: ['platform'] as const,
      registers: [registry],
      async collect() {
        for (const s of await lanes()) this.set({ platform: s.platform }, s.state === 'BACKING_OFF' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'cg_lane_jobs_failed',
      help: 'Lane jobs that failed since start',
      labelNames: ['platform'] as const,
      registers: [registry],
      async collect() {
        for (const s of await lanes()) this.set({ platform: s.platform }, s.jobsFailed);
      },
    });
  }
  return { registry, requests, latency, refusals, subscribers, stop: stopObserving };
}
