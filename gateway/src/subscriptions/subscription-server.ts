import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { JwtVerifier } from '@mymeet/auth';
import { ErrorCode, type Logger } from '@mymeet/core';
import { enforceRateLimit } from '../limits/rate-limit.js';
import type { RateLimiter } from '../limits/rate-limiter.js';
import { CLOSE } from './close-codes.js';
import { createConnectionAuthenticator } from './connection-auth.js';
import { ConnectionCounter } from './connection-counter.js';
import type { StreamEvent } from './feeds/progress-feed.js';
import type { ErrorFormatter, PayloadRenderer } from './payload-renderer.js';
import { permissionScope } from './permission-scope.js';
import { SocketSession } from './socket-session.js';
import { sendTextFrame } from './websocket-frames.js';
import { liveEventsUnavailable, meetingNotFound } from './subscription-errors.js';
import { renderingSchemaOf } from './rendering-schema.js';
import { planSubscription, type PlanLimits, type SubscribeRequest } from './subscription-plan.js';
import { SubscriptionStream, type StreamSettings } from './subscription-stream.js';
import type { TopicRegistry } from './topic-registry.js';

export interface SubscriptionSettings extends StreamSettings {
  maxConnectionsPerUser: number;
  maxSubscriptionsPerConnection: number;
  /** Events a socket may owe (that cannot be merged) before it is closed as too slow. */
  maxBacklog: number;
  /** WebSocket ping interval; a client that misses a pong for as long is dropped. */
  keepAliveMs: number;
}

export interface SubscriptionServerOptions {
  httpServer: Server;
  path: string;
  schema: () => GraphQLSchema | undefined;
  verify: JwtVerifier;
  limiter: RateLimiter;
  limits: PlanLimits & { maxBodyBytes: number };
  settings: SubscriptionSettings;
  registry: TopicRegistry;
  renderer: PayloadRenderer;
  history: (meetingId: string) => AsyncGenerator<StreamEvent>;
  formatError: ErrorFormatter;
  logger: Logger;
}

export interface RunningSubscriptionServer {
  sockets(): number;
  subscriptions(): number;
  /** Closes every socket with 1001 going-away (clients reconnect elsewhere with their last cursor). */
  stop(): Promise<void>;
}

/**
 * graphql-ws (subprotocol graphql-transport-ws) on the HTTP server's own port and path. A connection
 * authenticates in `connection_init`; each `subscribe` passes the HTTP limits, must name a meeting
 * the user may see, and becomes a reader of that meeting's topic.
 */
export function startSubscriptionServer(options: SubscriptionServerOptions): RunningSubscriptionServer {
  const { settings, logger } = options;
  // No compression: messages are small, and the frames the subscriptions write are uncompressed.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.limits.maxBodyBytes,
    perMessageDeflate: false,
  });
  let stopping = false;
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== options.path || stopping) {
      socket.end(
        `HTTP/1.1 ${stopping ? '503 Service Unavailable' : '404 Not Found'}\r\nConnection: close\r\n\r\n`,
      );
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  options.httpServer.on('upgrade', onUpgrade);

  const sessions = new WeakMap<object, SocketSession>();
  let subscriptionCount = 0;
  const counter = new ConnectionCounter(settings.maxConnectionsPerUser);
  const authenticate = createConnectionAuthenticator(options.verify);

  const handle = useServer<Record<string, unknown>>(
    {
      onConnect: async (ctx) => {
        const close = (reason: { code: number; reason: string }) => {
          ctx.extra.socket.close(reason.code, reason.reason);
          return false;
        };
        const verdict = await authenticate(ctx.connectionParams);
        if ('refuse' in verdict) return close(verdict.refuse);
        const { user } = verdict;
        if (options.limiter.take(user.sub) > 0) return close(CLOSE.tooManyRequests);
        if (!counter.tryOpen(user.sub)) return close(CLOSE.tooManyConnections);
        const socket = ctx.extra.socket;
        const session = new SocketSession(
          user,
          permissionScope(user),
          verdict.expiresAtMs,
          settings.maxBacklog,
          {
            send: (parts, done) => sendTextFrame(socket, parts, done),
            close: (code, reason) => socket.close(code, reason),
          },
        );
        sessions.set(ctx, session);
        return true;
      },

      onSubscribe: async (ctx, id, payload) => {
        const session = sessions.get(ctx);
        if (!session)
          return [new GraphQLError('Not connected', { extensions: { code: ErrorCode.UNAUTHENTICATED } })];
        if (session.subscriptions.size + session.admitting >= settings.maxSubscriptionsPerConnection) {
          return [
            rateLimited(`At most ${settings.maxSubscriptionsPerConnection} subscriptions per connection`),
          ];
        }
        session.admitting += 1;
        try {
          return await admit(session, id, payload as SubscribeRequest);
        } catch (error) {
          return asErrors(error);
        } finally {
          session.admitting -= 1;
        }
      },

      subscribe: (args) => {
        const stream = args.contextValue as SubscriptionStream;
        subscriptionCount += 1;
        void stream.closed.then(() => (subscriptionCount -= 1));
        return stream;
      },

      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) => options.formatError(error.toJSON(), error)),

      onClose: (ctx) => {
        const session = sessions.get(ctx);
        if (!session) return;
        sessions.delete(ctx);
        session.ended();
        counter.release(session.user.sub);
      },
    },
    wss,
    settings.keepAliveMs,
  );

  async function admit(session: SocketSession, id: string, request: SubscribeRequest) {
    enforceRateLimit(options.limiter, session.user.sub);
    const served = options.schema();
    if (!served) return [liveEventsUnavailable()];
    const schema = renderingSchemaOf(served);
    const plan = planSubscription(request, session, schema, options.limits);
    const lease = await options.registry.acquire(plan.meetingId).catch((error: unknown) => {
      logger.error({ err: error, meetingId: plan.meetingId }, 'cannot follow the meeting on NATS');
      throw liveEventsUnavailable();
    });
    let admitted: boolean;
    try {
      admitted = await lease.topic.admits(session.user, session.scope);
    } catch (error) {
      lease.release();
      throw error;
    }
    if (!admitted || session.isClosed) {
      lease.release();
      return [meetingNotFound()];
    }
    const stream = new SubscriptionStream({
      id,
      lease,
      feed: plan.feed,
      session,
      after: plan.after,
      payload: (entry) => options.renderer.payload(entry, plan, lease.topic),
      history: () => options.history(plan.meetingId),
      settings,
    });
    return {
      schema,
      document: plan.document,
      operationName: plan.operationName,
      variableValues: plan.variables,
      contextValue: stream,
    };
  }

  function asErrors(error: unknown): GraphQLError[] {
    if (Array.isArray(error) && error.every((item) => item instanceof GraphQLError)) return error;
    if (error instanceof GraphQLError) return [error];
    logger.error({ err: error }, 'subscription refused by an internal error');
    return [
      new GraphQLError('Internal server error', { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }),
    ];
  }

  return {
    sockets: () => counter.total,
    subscriptions: () => subscriptionCount,
    stop: async () => {
      stopping = true;
      options.httpServer.off('upgrade', onUpgrade);
      // Clients that never answer the close frame are cut after a moment.
      const cut = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
      }, 2_000);
      cut.unref();
      await handle.dispose();
      clearTimeout(cut);
    },
  };
}

function rateLimited(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.RATE_LIMITED } });
}
