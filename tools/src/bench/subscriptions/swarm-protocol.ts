/** What the bench asks of one subscriber swarm (a child process), and what it answers. */
export interface SwarmConfig {
  wsUrl: string;
  natsUrl: string;
  meetingId: string;
  /** Tokens the subscribers connect with, round robin. */
  tokens: string[];
  subscribers: number;
  /** Events published at `rateHz`, for latency. */
  pacedEvents: number;
  rateHz: number;
  /** Events published at once afterwards, for deliveries per second. */
  burstEvents: number;
  /** Also select `meeting { title status }` (resolved through the federated graph). */
  withMeeting: boolean;
}

export interface LatencySummary {
  deliveries: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export type SwarmMessage =
  | { type: 'connected'; seconds: number }
  | {
      type: 'result';
      paced: LatencySummary;
      burst: LatencySummary & { deliveriesPerSecond: number };
      /** Events some subscriber never received (expected deliveries minus received). */
      missing: number;
      duplicates: number;
      completed: number;
    }
  | { type: 'failed'; error: string };
