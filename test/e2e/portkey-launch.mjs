// Starts the open-source Portkey gateway (npm @portkey-ai/gateway) for the failover tests, bound to
// loopback: its start script listens on every interface, so listen() is narrowed to 127.0.0.1 first.
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  if (typeof args[0] === 'number') {
    const callback = typeof args.at(-1) === 'function' ? args.at(-1) : undefined;
    return listen.call(this, args[0], '127.0.0.1', callback);
  }
  if (args[0] && typeof args[0] === 'object') args[0] = { ...args[0], host: '127.0.0.1' };
  return listen.apply(this, args);
};

// The gateway's Node build adds its x-portkey-* headers to the upstream's fetch Response, whose
// headers are immutable; with @hono/node-server newer than 1.14.2 every streamed answer then fails
// with "TypeError: immutable" and a 500 (Portkey-AI/gateway#1389, #1550). Hand the gateway upstream
// responses with their own, mutable, copy of the headers: same status, headers and body stream.
const NativeResponse = globalThis.Response;
const nativeFetch = globalThis.fetch;
globalThis.fetch = async function fetchWithMutableHeaders(...args) {
  const response = await nativeFetch(...args);
  return new NativeResponse(response.body, { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) });
};

process.argv.push('--headless');
await import('@portkey-ai/gateway/build/start-server.js');
