'use strict';
// What DirectLineJS 0.15.8 needs from a browser, supplied in Node 20 through its own `services` hooks (options.ajax,
// options.WebSocket): no XMLHttpRequest shim and no change to the library.
//   - ajax: rxjs 5's Observable.ajax uses XMLHttpRequest, which Node lacks; this hook does the same request with fetch
//     and answers in the AjaxResponse / AjaxError shape DirectLineJS reads (response, status, xhr.getResponseHeader).
//   - WebSocket: the `ws` package (8.23.0), which has the browser's onopen/onmessage/onclose properties. It is also set
//     as the global, because DirectLineJS checks `typeof WebSocket` before it looks at the hook.
const { Observable } = require('rxjs/Observable');
const WebSocket = require('ws');

global.WebSocket = global.WebSocket || WebSocket;

function fetchAjax(request) {
  return Observable.create(subscriber => {
    const controller = new AbortController();
    const timer = request.timeout ? setTimeout(() => controller.abort(), request.timeout) : null;
    let body = request.body;
    if (body !== undefined && body !== null && typeof body === 'object' && !(body instanceof FormData)) body = JSON.stringify(body);
    let done = false;
    fetch(request.url, { method: request.method || 'GET', headers: request.headers, body, signal: controller.signal })
      .then(async res => {
        const text = await res.text();
        let response = text;
        try { response = text ? JSON.parse(text) : null; } catch { /* not JSON: keep the text */ }
        const result = { status: res.status, response, xhr: { status: res.status, getResponseHeader: name => res.headers.get(name) } };
        done = true;
        if (res.ok) { subscriber.next(result); subscriber.complete(); } else subscriber.error(result);
      }, error => {
        done = true;
        subscriber.error({ status: 0, response: null, message: String(error), xhr: { status: 0, getResponseHeader: () => null } });
      })
      .finally(() => { if (timer) clearTimeout(timer); });
    return () => { if (!done) controller.abort(); };
  });
}

/** Options for `new DirectLine(...)` that make it run in Node; `random: () => 0` makes its reconnect delay the minimum (3 s). */
function nodeServices() {
  return { ajax: fetchAjax, WebSocket, random: () => 0 };
}

module.exports = { nodeServices, WebSocket };
