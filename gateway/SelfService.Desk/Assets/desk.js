// The desk's live parts. The server pushes "ticketChanged" over SignalR; the page then fetches the fresh,
// server-rendered (and so HTML-escaped) part and swaps it in. Nothing the customer wrote is ever put in as markup here.
(() => {
  "use strict";

  const refreshers = [...document.querySelectorAll("[data-refresh]")];

  async function refresh(element) {
    const response = await fetch(element.dataset.refresh, { headers: { "X-Requested-With": "fetch" } });
    if (response.ok) {
      element.innerHTML = await response.text();   // server-rendered Razor: every value in it is encoded
      tick();
    }
  }

  // "Waiting for" columns: minutes and seconds since the timestamp, ticking in the browser.
  function tick() {
    const now = Date.now();
    for (const cell of document.querySelectorAll("[data-since]")) {
      const seconds = Math.max(0, Math.floor((now - Number(cell.dataset.since)) / 1000));
      cell.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
    }
  }
  setInterval(tick, 1000);
  tick();

  // "Insert" puts a published answer into the reply box for the agent to adjust.
  document.addEventListener("click", event => {
    const button = event.target.closest("[data-insert]");
    if (!button) return;
    const box = document.getElementById("reply-text");
    box.value = button.dataset.insert;
    box.focus();
  });

  if (refreshers.length === 0 || !window.signalR) return;
  const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/desk").withAutomaticReconnect().build();
  const popup = document.getElementById("popup");
  connection.on("ticketChanged", ticketId => {
    for (const element of refreshers) {
      if (element.dataset.refreshOn) continue;
      // The conversation page follows its own ticket; the queue page follows all of them.
      if (element.id === "timeline" && popup && popup.dataset.ticket !== ticketId) continue;
      refresh(element);
    }
  });
  connection.on("figuresChanged", () => refreshers.filter(e => e.dataset.refreshOn === "figuresChanged").forEach(refresh));
  connection.onreconnected(() => refreshers.forEach(refresh));
  const watchesFigures = refreshers.some(e => e.dataset.refreshOn === "figuresChanged");
  const watch = () => watchesFigures ? connection.invoke("WatchFigures") : Promise.resolve();
  connection.onreconnected(watch);
  connection.start().then(watch).then(() => document.body.dataset.live = "connected").catch(() => document.body.dataset.live = "failed");
})();
