// The editor's live channel preview. The server measures and renders it (the same SmsLength and ReplySizer the
// gateway sends with, Markdown with raw HTML disabled), so this script only posts the form as the editor types and
// puts the server's answer in place. Only the newest answer is shown, however the requests overtake each other.
(function () {
  'use strict';
  const form = document.querySelector('form[data-kb-editor]');
  const preview = document.getElementById('channel-preview');
  if (!form || !preview) return;

  let timer = 0;
  let latest = 0;

  async function refresh() {
    const request = ++latest;
    try {
      const response = await fetch(preview.dataset.previewUrl, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
      if (request !== latest) return;
      if (!response.ok) throw new Error('preview answered ' + response.status);
      preview.innerHTML = await response.text();
      preview.dataset.state = 'fresh';
    } catch (error) {
      if (request === latest) preview.dataset.state = 'failed';
      console.warn(error);
    }
  }

  form.addEventListener('input', function () {
    preview.dataset.state = 'stale';
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  });
})();
