// Starts the open-source Portkey gateway (npm @portkey-ai/gateway) for the failover test, bound to
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
process.argv.push('--headless');
await import('@portkey-ai/gateway/build/start-server.js');
