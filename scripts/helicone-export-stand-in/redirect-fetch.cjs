// Sends the export tool's https://api.helicone.ai calls to the local stand-in; nothing else changes.
const original = globalThis.fetch;
globalThis.fetch = (url, init) => original(String(url).replace('https://api.helicone.ai', 'http://127.0.0.1:' + (process.env.PORT ?? 4555)), init);
