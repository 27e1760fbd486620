// A campaign's live progress. The server counts (the same CampaignManager.ProgressAsync the API answers with); this
// script only asks for the counts every two seconds while the campaign is under way and puts them in place. When the
// state changes (running → done, a pause from another screen) the page is loaded again, so its buttons match the state.
(function () {
  'use strict';
  const campaign = document.getElementById('campaign');
  if (!campaign || campaign.dataset.live !== 'true') return;
  const url = campaign.dataset.progressUrl;
  const shownState = campaign.dataset.state;

  async function refresh() {
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error('progress answered ' + response.status);
      const progress = await response.json();
      document.querySelectorAll('#progress [data-count]').forEach(function (element) {
        const key = element.dataset.count;
        const value = progress[key.charAt(0).toLowerCase() + key.slice(1)];
        if (value !== undefined && value !== null) element.textContent = String(value);
      });
      const bar = document.getElementById('progress-bar');
      if (bar && progress.recipients > 0) bar.style.width = (100 * (progress.recipients - progress.pending) / progress.recipients).toFixed(1) + '%';
      if (progress.state !== shownState) {
        window.location.reload();
        return;
      }
    } catch (error) {
      console.warn(error);
    }
    setTimeout(refresh, 2000);
  }

  setTimeout(refresh, 1000);
})();
