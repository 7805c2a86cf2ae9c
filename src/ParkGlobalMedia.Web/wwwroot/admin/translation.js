// While a translation job runs, refresh its progress region every second (the page works without this: reload).
(() => {
  const region = document.getElementById('job-progress');
  if (!region || region.dataset.running !== 'true') return;
  const url = region.dataset.progressUrl;
  const poll = async () => {
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } });
      if (!response.ok) return;
      region.innerHTML = await response.text();
      const state = region.querySelector('[data-job-state]')?.dataset.jobState;
      if (state === 'Queued' || state === 'Running') setTimeout(poll, 1000);
    } catch {
      setTimeout(poll, 5000);
    }
  };
  setTimeout(poll, 1000);
})();
