import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
  /** Every message's content, joined: what the prompt amounts to. */
  prompt: string;
}

export type ChatAnswer = { content: string; delayMs?: number } | { status: number; error: string };

export interface OpenAiCompatibleServer {
  baseUrl: string;
  requests: ChatRequest[];
  /** Requests whose answer the client stopped waiting for (it hung up first). */
  abandoned: number;
  close(): Promise<void>;
}

/**
 * A local server speaking OpenAI's chat-completions protocol (`POST /v1/chat/completions`), answering
 * with whatever `answer` returns for each request; it records every request it gets.
 */
export async function startOpenAiCompatibleServer(
  answer: (request: ChatRequest, index: number) => ChatAnswer,
): Promise<OpenAiCompatibleServer> {
  const state = { requests: [] as ChatRequest[], abandoned: 0 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      const parsed = JSON.parse(body) as {
        model: string;
        messages: Array<{ role: string; content: unknown }>;
      };
      const messages = parsed.messages.map((m) => ({ role: m.role, content: contentText(m.content) }));
      const request = { model: parsed.model, messages, prompt: messages.map((m) => m.content).join('\n') };
      const index = state.requests.push(request) - 1;
      const reply = answer(request, index);
      if ('status' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: reply.error, type: 'test_error' } }));
        return;
      }
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: `chatcmpl-${index}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: parsed.model,
            choices: [
              { index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' },
            ],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
      };
      if (!reply.delayMs) return send();
      const timer = setTimeout(send, reply.delayMs);
      res.on('close', () => {
        if (!res.writableEnded) {
          clearTimeout(timer);
          state.abandoned++;
        }
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return state.requests;
    },
    get abandoned() {
      return state.abandoned;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part: { text?: string }) => part.text ?? '').join('');
  return '';
}
