// Live preview for the story editor: posts the Markdown to the page's Preview handler (antiforgery-checked,
// rendered by the same pipeline readers get) at most every 400 ms while typing. Without JavaScript the server
// renders the preview of the saved text on every load.
(function () {
  const body = document.getElementById("Body");
  const preview = document.getElementById("preview");
  const form = document.getElementById("editor-form");
  if (!body || !preview || !form) return;
  const token = form.querySelector("input[name='__RequestVerificationToken']");
  let timer = 0, pending = null;
  body.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(async function () {
      if (pending) pending.abort();
      pending = new AbortController();
      const data = new FormData();
      data.append("Body", body.value);
      try {
        const response = await fetch(body.dataset.previewUrl, {
          method: "POST", body: data, signal: pending.signal,
          headers: token ? { "X-CSRF-TOKEN": token.value } : {},
        });
        if (response.ok) preview.innerHTML = await response.text();
      } catch (e) {
        if (e.name !== "AbortError") console.warn("preview failed", e);
      }
    }, 400);
  });
})();
