'use strict';
// A Direct Line customer on botframework-directlinejs 0.15.8 (Microsoft's client library, unmodified) against the
// gateway. It reports what it saw as JSON lines on stdout; the NUnit test decides what is right.
//
//   DIRECTLINE_SECRET=... node tests/peers/directline/conversation.js --gateway http://127.0.0.1:PORT --msisdn +79161234567
//
// Steps: trade the secret for a token; start the conversation with the token (WebSocket stream); link the phone with the
// one-time code from the gateway's SMS outbox; ask the balance and a question; refresh the token; open a second socket
// on the conversation (the gateway closes DirectLineJS's socket with "collision", DirectLineJS reconnects by watermark
// and takes it back); ask again; then restart the client from conversationId + watermark with the refreshed token, and
// ask once more. Events: token, status, socket-closed, posted, reply, refreshed, second-socket-closed, result, error.
const { DirectLine } = require('botframework-directlinejs');
const { nodeServices, WebSocket } = require('./node-services');

const REPLY_TIMEOUT_MS = 30000;

function arg(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 && index + 1 < process.argv.length ? process.argv[index + 1] : fallback;
}

function emit(event, fields) {
  process.stdout.write(JSON.stringify({ event, ...fields }) + '\n');
}

async function call(method, url, bearer) {
  const response = await fetch(url, { method, headers: bearer ? { Authorization: 'Bearer ' + bearer } : {} });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

/** One DirectLineJS client; remembers every activity it got, in order, and whose socket closed why. */
class Client {
  constructor(name, options) {
    this.name = name;
    this.activities = [];
    this.waiters = [];
    const services = nodeServices();
    const clientName = name;
    // The hook's WebSocket reports how the gateway closed it (DirectLineJS itself only sees "closed").
    services.WebSocket = class ReportingWebSocket extends WebSocket {
      constructor(url) {
        super(url);
        this.addEventListener('close', e => emit('socket-closed', { client: clientName, code: e.code, reason: e.reason }));
      }
    };
    this.directLine = new DirectLine({ ...services, webSocket: true, ...options });
    this.statusSubscription = this.directLine.connectionStatus$.subscribe(status => emit('status', { client: name, status }));
    this.subscription = this.directLine.activity$.subscribe(activity => {
      this.activities.push(activity);
      this.waiters = this.waiters.filter(w => !w.test(activity) || (w.resolve(activity), false));
    }, error => emit('error', { client: name, message: 'activity$ failed: ' + String(error && error.message || error) }));
  }

  waitFor(test, what) {
    const found = this.activities.find(test);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = { test, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        if (!this.waiters.includes(waiter)) return;
        this.waiters = this.waiters.filter(w => w !== waiter);
        reject(new Error(`${this.name}: no ${what} within ${REPLY_TIMEOUT_MS} ms`));
      }, REPLY_TIMEOUT_MS);
    });
  }

  post(text) {
    const activity = {
      type: 'message', text, locale: 'ru-RU', from: { id: 'node-customer', name: 'Node' },
      channelData: { clientActivityID: `${this.name}-${Date.now()}-${Math.random().toString(36).slice(2)}` },
    };
    return new Promise((resolve, reject) => this.directLine.postActivity(activity).subscribe(
      id => id === 'retry' ? reject(new Error('postActivity answered retry')) : resolve(id),
      error => reject(new Error('postActivity failed: ' + (error && error.status)))));
  }

  /** Posts a message and waits for the bot's answer to it (replyToId), returning its text and suggested actions. */
  async ask(step, text) {
    const id = await this.post(text);
    emit('posted', { client: this.name, step, id });
    const reply = await this.waitFor(a => a.type === 'message' && a.from && a.from.role === 'bot' && a.replyToId === id, `reply to ${step}`);
    emit('reply', { client: this.name, step, id: reply.id, text: reply.text, textFormat: reply.textFormat,
      actions: (reply.suggestedActions && reply.suggestedActions.actions || []).map(a => `${a.type}:${a.value}`) });
    return reply;
  }

  end() {
    this.subscription.unsubscribe();
    this.statusSubscription.unsubscribe();
    this.directLine.end();
  }
}

async function main() {
  const gateway = arg('--gateway');
  const msisdn = arg('--msisdn', '+79161234567');
  const secret = process.env.DIRECTLINE_SECRET;
  if (!gateway || !secret) throw new Error('usage: DIRECTLINE_SECRET=... node conversation.js --gateway http://127.0.0.1:PORT [--msisdn +7...]');
  const domain = gateway + '/v3/directline';

  const generated = await call('POST', domain + '/tokens/generate', secret);
  emit('token', { conversationId: generated.conversationId, expires_in: generated.expires_in });

  const first = new Client('first', { domain, token: generated.token });
  const linkAsked = await first.ask('link', 'LINK ' + msisdn);
  // The operator's outbox API needs a staff token (a supervisor's), given by the test.
  const outbox = await call('GET', `${gateway}/api/outbox?channel=sms&address=${encodeURIComponent(msisdn)}&limit=1`, process.env.SELFSERVICE_STAFF_TOKEN);
  const code = (outbox.map(m => /\b\d{6}\b/.exec(m.text)).find(Boolean) || [])[0];
  if (!code) throw new Error('no one-time code in the SMS outbox after ' + JSON.stringify(linkAsked.text));
  await first.ask('code', code);
  await first.ask('balance', 'БАЛАНС');
  await first.ask('question', 'Как пополнить баланс?');
  const typingSeen = first.activities.filter(a => a.type === 'typing').length;

  // Refresh: a new token for the same conversation.
  const before = first.directLine.token;
  const refreshed = await call('POST', domain + '/tokens/refresh', before);
  emit('refreshed', { conversationId: refreshed.conversationId, changed: refreshed.token !== before, expires_in: refreshed.expires_in });

  // A second socket on the conversation: the gateway closes the first ("collision"); DirectLineJS reconnects by
  // watermark after its retry delay and takes the conversation back, closing this one the same way.
  const resumed = await call('GET', `${domain}/conversations/${refreshed.conversationId}?watermark=${first.directLine.watermark}`, refreshed.token);
  const secondClosed = new Promise(resolve => {
    const second = new WebSocket(resumed.streamUrl);
    second.on('close', (closeCode, reason) => resolve({ code: closeCode, reason: reason.toString() }));
    second.on('error', error => resolve({ code: 0, reason: 'error: ' + error.message }));
  });
  const closed = await Promise.race([secondClosed, new Promise(r => setTimeout(() => r({ code: -1, reason: 'still open' }), REPLY_TIMEOUT_MS))]);
  emit('second-socket-closed', closed);
  await first.ask('balance-after-collision', 'BAL');

  // A restart from what a page would have kept: conversationId, watermark and the refreshed token.
  const watermark = first.directLine.watermark;
  first.end();
  const restarted = new Client('restarted', { domain, token: refreshed.token, conversationId: refreshed.conversationId, watermark });
  await restarted.ask('question-after-restart', 'Как подключить роуминг?');

  const messageIds = [...first.activities, ...restarted.activities].filter(a => a.type === 'message').map(a => a.id);
  const duplicates = messageIds.filter((id, i) => messageIds.indexOf(id) !== i);
  emit('result', {
    conversationId: generated.conversationId,
    typingSeen,
    firstMessages: first.activities.filter(a => a.type === 'message').length,
    restartedMessages: restarted.activities.filter(a => a.type === 'message').map(a => ({ id: a.id, role: a.from && a.from.role, text: a.text })),
    duplicates,
    watermarkAtRestart: watermark,
  });
  restarted.end();
}

main().then(() => process.exit(0), error => {
  emit('error', { message: String(error && error.stack || error) });
  process.exit(1);
});
