#!/usr/bin/env node
// The npm emulator telegram-test-api 4.2.1 as a Bot API server for the gateway's tests, with its answers corrected
// toward the documented Bot API (https://core.telegram.org/bots/api) where Telegram.Bot trips on them, plus what a
// test must be able to provoke (a 429, a blocked user, update kinds the emulator cannot make). Not a second product:
// the emulator keeps the chats; this file only fixes answers, long-polls and posts to webhooks.
//
//   node tests/peers/telegram/bot-api.js [--port N]     (0, the default, takes a free port on 127.0.0.1)
//
// stdout: one line {"event":"listening","port":N}. Ends with stdin or SIGTERM. The routes are in tests/peers/README.md.
'use strict';

const http = require('http');
const TelegramServer = require('telegram-test-api');

const port = Number(process.argv[process.argv.indexOf('--port') + 1] || 0) || 0;
const BOT = { id: 666, is_bot: true, first_name: 'Northern Telecom', username: 'NorthernTelecomBot' };
const MAX_TEXT = 4096;          // sendMessage: 1-4096 characters after entities parsing
const MAX_CALLBACK_DATA = 64;   // InlineKeyboardButton.callback_data: 1-64 bytes

// The emulator is used in-process: its express app serves the user side (/sendMessage, /sendCallback, ...), and the
// bot side is answered here. Its own listen() is never called (it takes no port 0), so its store is never swept either.
const emulator = new TelegramServer({ host: '127.0.0.1', port: 1 });

const calls = [];             // every bot call but getUpdates: {seq, method, params, status, result?, description?}
const deliveries = [];        // webhook posts: {update_id, url, status, error?}
const failures = [];          // injected: {method, chat_id?, error_code, description, retry_after?, remaining}
const blocked = new Set();    // chat ids whose user "blocked the bot"
const queues = new Map();     // token -> updates fetched from the emulator or injected, kept until confirmed by an offset
const webhooks = new Map();   // token -> {url, secret_token}
const polling = new Map();    // token -> the getUpdates request open now: as Telegram, one poller per bot
const pollStats = { polls: 0, conflicts: 0 };   // getUpdates answered, and those refused for another being open
const waiters = new Set();    // resolvers of long polls and webhook loops waiting for an update

for (const event of ['AddedUserMessage', 'AddedUserCommand', 'AddedUserCallbackQuery']) emulator.on(event, wake);

function wake() {
  for (const resolve of [...waiters]) resolve();
}

function waitForUpdate(ms) {
  return new Promise((resolve) => {
    const done = () => { clearTimeout(timer); waiters.delete(done); resolve(); };
    const timer = setTimeout(done, ms);
    waiters.add(done);
  });
}

// ----------------------------------------------------------------------------------------------------------------
// Updates: the emulator's getUpdates hands each update out once and ignores offset; here they wait in a queue until
// the bot confirms them with a higher offset, as Telegram keeps them.
function queueOf(token) {
  if (!queues.has(token)) queues.set(token, []);
  const queue = queues.get(token);
  for (const update of emulator.getUpdates(token)) queue.push(corrected(update));
  return queue;
}

function corrected(update) {
  const copy = JSON.parse(JSON.stringify(update));
  for (const key of ['message', 'callback_query']) if (copy[key]) delete copy[key].botToken;
  if (copy.message && copy.message.date > 1e11) copy.message.date = Math.floor(copy.message.date / 1000);
  if (copy.callback_query) {
    const query = copy.callback_query;
    // Required by the Bot API, missing in the emulator.
    query.chat_instance = query.chat_instance || String(query.message && query.message.chat ? query.message.chat.id : 0);
  }
  return copy;
}

// ----------------------------------------------------------------------------------------------------------------
// Telegram's HTML parse mode (https://core.telegram.org/bots/api#html-style): the visible text, or the error Telegram
// gives for markup it cannot parse.
const TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'code', 'pre', 'blockquote', 'tg-emoji']);
const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"' };

function parseHtml(html) {
  const open = [];
  let visible = '';
  for (let i = 0; i < html.length;) {
    const c = html[i];
    if (c === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) throw new Error(`Unclosed start tag at byte offset ${i}`);
      const inner = html.slice(i + 1, end);
      const closing = inner.startsWith('/');
      const name = (closing ? inner.slice(1) : inner).trim().split(/\s+/)[0].toLowerCase();
      if (!TAGS.has(name)) throw new Error(`Unsupported start tag "${name}" at byte offset ${i}`);
      if (closing) {
        const expected = open.pop();
        if (expected !== name) throw new Error(`Unmatched end tag at byte offset ${i}, expected "</${expected}>", found "</${name}>"`);
      } else {
        if (name === 'a' && !/href\s*=\s*"[^"]+"/.test(inner)) throw new Error(`Can't find href in "a" tag at byte offset ${i}`);
        if (name === 'blockquote' && open.includes('blockquote')) throw new Error('Blockquote entities can\'t be nested');
        open.push(name);
      }
      i = end + 1;
    } else if (c === '&') {
      const match = /^&(lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);/.exec(html.slice(i, i + 12));
      if (!match) throw new Error(`Character entity expected at byte offset ${i}`);
      const name = match[1];
      visible += ENTITIES[name] || String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
      i += match[0].length;
    } else {
      visible += c;
      i++;
    }
  }
  if (open.length) throw new Error(`Can't find end tag corresponding to start tag "${open.pop()}"`);
  return visible;
}

// ----------------------------------------------------------------------------------------------------------------
// Bot methods.
class BotApiError extends Error {
  constructor(code, description, parameters) { super(description); this.code = code; this.parameters = parameters; }
}

const methods = {
  getMe: () => BOT,

  sendMessage(token, p) {
    const chatId = Number(p.chat_id);
    if (!Number.isFinite(chatId)) throw new BotApiError(400, 'Bad Request: chat not found');
    if (blocked.has(chatId)) throw new BotApiError(403, 'Forbidden: bot was blocked by the user');
    if (typeof p.text !== 'string' || p.text.trim() === '') throw new BotApiError(400, 'Bad Request: message text is empty');
    let visible = p.text;
    if (String(p.parse_mode || '').toLowerCase() === 'html') {
      try { visible = parseHtml(p.text); } catch (e) { throw new BotApiError(400, "Bad Request: can't parse entities: " + e.message); }
    }
    if (visible.length > MAX_TEXT) throw new BotApiError(400, 'Bad Request: message is too long');
    const markup = typeof p.reply_markup === 'string' ? JSON.parse(p.reply_markup) : p.reply_markup;
    for (const row of (markup && markup.inline_keyboard) || []) {
      for (const button of row) {
        if (button.callback_data !== undefined && (Buffer.byteLength(String(button.callback_data)) > MAX_CALLBACK_DATA || button.callback_data === '')) {
          throw new BotApiError(400, 'Bad Request: BUTTON_DATA_INVALID');
        }
      }
    }
    const sent = emulator.addBotMessage(Object.assign({}, p, { reply_markup: markup }), token);
    const result = { message_id: sent.message_id, from: BOT, chat: { id: chatId, type: 'private' }, date: Math.floor(sent.date / 1000), text: visible };
    if (markup && markup.inline_keyboard) result.reply_markup = markup;
    return result;
  },

  answerCallbackQuery: () => true,
  sendChatAction: () => true,

  async getUpdates(token, p, request) {
    if (webhooks.has(token)) throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    const offset = Number(p.offset || 0);
    const limit = Math.min(Math.max(Number(p.limit || 100), 1), 100);
    const deadline = Date.now() + Math.max(Number(p.timeout || 0), 0) * 1000;
    let gone = false;
    request.on('close', () => { gone = true; });
    for (;;) {
      const queue = queueOf(token);
      // An offset confirms every update below it: Telegram forgets them.
      while (offset > 0 && queue.length && queue[0].update_id < offset) queue.shift();
      const ready = queue.slice(0, limit);
      if (ready.length || Date.now() >= deadline || gone) return ready;
      await waitForUpdate(deadline - Date.now());
    }
  },

  setWebhook(token, p) {
    if (!/^https?:\/\//.test(String(p.url || ''))) throw new BotApiError(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
    webhooks.set(token, { url: p.url, secret_token: p.secret_token });
    deliverLoop(token);
    return true;
  },

  deleteWebhook(token, p) {
    webhooks.delete(token);
    if (String(p.drop_pending_updates) === 'true') queueOf(token).length = 0;
    wake();
    return true;
  },

  getWebhookInfo(token) {
    const hook = webhooks.get(token);
    return { url: hook ? hook.url : '', has_custom_certificate: false, pending_update_count: queueOf(token).length };
  },
};

// ----------------------------------------------------------------------------------------------------------------
// Webhooks: updates are posted one at a time, in order, with the secret; anything but 2xx is posted again later.
const looping = new Set();

async function deliverLoop(token) {
  if (looping.has(token)) return;
  looping.add(token);
  try {
    while (webhooks.has(token)) {
      const queue = queueOf(token);
      if (!queue.length) { await waitForUpdate(1000); continue; }
      const hook = webhooks.get(token);
      const update = queue[0];
      const delivery = { update_id: update.update_id, url: hook.url, status: 0 };
      try {
        delivery.status = await post(hook.url, update, hook.secret_token);
      } catch (e) {
        delivery.error = e.message;
      }
      deliveries.push(delivery);
      if (delivery.status >= 200 && delivery.status < 300) queue.shift();
      else await waitForUpdate(200);
    }
  } finally {
    looping.delete(token);
  }
}

function post(url, body, secret) {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body));
    const headers = { 'Content-Type': 'application/json', 'Content-Length': data.length };
    if (secret) headers['X-Telegram-Bot-Api-Secret-Token'] = secret;
    const request = http.request(url, { method: 'POST', headers, timeout: 10000 }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', reject);
    request.end(data);
  });
}

// ----------------------------------------------------------------------------------------------------------------
// Control routes for the tests (JSON in, JSON out).
const control = {
  // {method, chat_id?, error_code, description, retry_after?, count?, skip?}: after skip calls that succeed, the next count fail so.
  'POST /control/fail': (p) => { failures.push(Object.assign({ remaining: Number(p.count || 1) }, p)); return true; },
  // {chat_id, blocked}: sends to the chat answer 403 as if its user blocked the bot.
  'POST /control/block': (p) => { if (p.blocked === false) blocked.delete(Number(p.chat_id)); else blocked.add(Number(p.chat_id)); return true; },
  // {token, update}: an update the emulator cannot make (edited_message, channel_post, my_chat_member...); gets the next update_id.
  'POST /control/update': (p) => {
    const update = Object.assign({}, p.update, { update_id: emulator.updateId++ });
    queueOf(p.token).push(update);
    wake();
    return update.update_id;
  },
  'GET /control/calls': (p) => calls.filter((c) => !p.method || c.method === p.method),
  'GET /control/deliveries': () => deliveries,
  'GET /control/polls': () => pollStats,
};

function injectedFailure(method, params) {
  const failure = failures.find((f) => f.remaining > 0 && f.method === method && (f.chat_id === undefined || Number(f.chat_id) === Number(params.chat_id)));
  if (!failure) return null;
  if (failure.skip > 0) {
    failure.skip--;
    return null;
  }
  failure.remaining--;
  return new BotApiError(failure.error_code, failure.description, failure.retry_after ? { retry_after: failure.retry_after } : undefined);
}

// ----------------------------------------------------------------------------------------------------------------
// HTTP.
function readParams(request, url) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (c) => chunks.push(c));
    request.on('error', reject);
    request.on('end', () => {
      const params = Object.fromEntries(url.searchParams);
      const body = Buffer.concat(chunks).toString('utf8');
      const type = String(request.headers['content-type'] || '');
      try {
        if (body && type.includes('json')) Object.assign(params, JSON.parse(body));
        else if (body && type.includes('urlencoded')) Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
        resolve(params);
      } catch (e) {
        reject(new BotApiError(400, 'Bad Request: ' + e.message));
      }
    });
  });
}

function reply(response, status, body) {
  const data = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) });
  response.end(data);
}

// As Telegram: a getUpdates while another is open for the bot is refused with 409, and counted, so a test can tell that
// two gateways configured for one bot never polled at once. A poll whose client hung up is over at once.
async function onePoller(token, request, poll) {
  if (polling.has(token)) {
    pollStats.conflicts++;
    throw new BotApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running');
  }
  const over = () => { if (polling.get(token) === request) polling.delete(token); };
  polling.set(token, request);
  request.socket.on('close', over);   // the socket: a request's own 'close' only says its body was read
  pollStats.polls++;
  try {
    return await poll();
  } finally {
    request.socket.off('close', over);
    over();
  }
}

async function answerBot(token, method, request, response, url) {
  let params = {};
  const call = { method };
  try {
    params = await readParams(request, url);
    call.params = params;
    const handler = methods[method];
    if (!handler) throw new BotApiError(404, 'Not Found: method not found');
    const failure = injectedFailure(method, params);
    if (failure) throw failure;
    const result = method === 'getUpdates' ? await onePoller(token, request, () => handler(token, params, request)) : await handler(token, params, request);
    call.status = 200;
    call.result = result;
    reply(response, 200, { ok: true, result });
  } catch (e) {
    const error = e instanceof BotApiError ? e : new BotApiError(500, 'Internal Server Error: ' + e.message);
    call.status = error.code;
    call.description = error.message;
    const body = { ok: false, error_code: error.code, description: error.message };
    if (error.parameters) body.parameters = error.parameters;
    reply(response, error.code, body);
  }
  if (method !== 'getUpdates') calls.push(Object.assign({ seq: calls.length + 1 }, call));
}

const server = http.createServer(async (request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  const bot = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
  if (bot) return answerBot(bot[1], bot[2], request, response, url);
  const route = control[`${request.method} ${url.pathname}`];
  if (route) {
    try {
      reply(response, 200, { ok: true, result: route(await readParams(request, url)) });
    } catch (e) {
      reply(response, 400, { ok: false, description: e.message });
    }
    return;
  }
  emulator.webServer(request, response);   // the user side: /sendMessage, /sendCallback, /getUpdates, /getUpdatesHistory
});

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ event: 'listening', port: server.address().port }) + '\n');
});

function quit() {
  server.close();
  process.exit(0);
}
process.stdin.on('end', quit);
process.stdin.resume();
process.on('SIGTERM', quit);
