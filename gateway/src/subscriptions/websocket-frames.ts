import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

// The parts of a ws 8 WebSocket (pinned: 8.23.0) this writer relies on.
interface WsInternals {
  _socket?: Socket;
  _sender?: { _state: number };
  _extensions?: Record<string, unknown>;
}

/**
 * Sends one text message as a single, already framed write to the WebSocket's TCP socket. A fan-out
 * to thousands of sockets is bound by one write per socket; ws's own send adds a corked two-part
 * write per message on top (header, then data), which at 5,000 subscribers costs tens of
 * milliseconds per event. Used only when nothing else can be in the way: the connection is open,
 * uncompressed (the server negotiates no extension) and ws has nothing queued, so messages keep
 * their order with those ws sends itself (pings, `complete`, close frames). Otherwise it is ws.send.
 */
export function sendTextFrame(
  socket: WebSocket,
  parts: readonly Buffer[],
  done: (error?: Error | null) => void,
): void {
  const internals = socket as unknown as WsInternals;
  const tcp = internals._socket;
  const direct =
    socket.readyState === socket.OPEN &&
    tcp !== undefined &&
    internals._sender?._state === 0 &&
    internals._extensions !== undefined &&
    Object.keys(internals._extensions).length === 0;
  let length = 0;
  for (const part of parts) length += part.length;
  if (!direct) {
    socket.send(Buffer.concat(parts, length), { binary: false }, done);
    return;
  }
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x81; // FIN, text
  if (header === 2) {
    frame[1] = length;
  } else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  let offset = header;
  for (const part of parts) offset += part.copy(frame, offset);
  tcp.write(frame, done);
}
