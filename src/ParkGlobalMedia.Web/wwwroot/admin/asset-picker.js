// Asset picker for the story editor: searches the assets this story's enterprise may use (its own library and the
// approved shared bank, nothing expired or withdrawn), inserts ![alt](asset:id) at the cursor, or sets the cover.
// Without JavaScript the editor still takes asset ids typed by hand.
(function () {
  const dialog = document.getElementById("asset-picker");
  const open = document.getElementById("open-picker");
  const body = document.getElementById("Body");
  if (!dialog || !open || !body || typeof dialog.showModal !== "function") return;
  const results = document.getElementById("picker-results");
  const query = document.getElementById("picker-q");
  const text = dialog.dataset;
  open.hidden = false;

  function insert(item) {
    const markdown = "![" + (item.alt || item.title).replace(/[\[\]]/g, "") + "](asset:" + item.id + ")";
    const start = body.selectionStart, end = body.selectionEnd;
    body.value = body.value.slice(0, start) + markdown + body.value.slice(end);
    body.selectionStart = body.selectionEnd = start + markdown.length;
    body.dispatchEvent(new Event("input"));
    dialog.close();
    body.focus();
  }

  function cover(item) {
    const field = document.getElementById("coverAssetId");
    if (field) { field.value = item.id; dialog.close(); field.focus(); }
  }

  function button(label, action) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", action);
    return b;
  }

  async function search() {
    const url = "/admin/assets/picker?enterprise=" + encodeURIComponent(text.enterprise) + "&q=" + encodeURIComponent(query.value);
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    results.replaceChildren();
    if (!response.ok) return;
    const items = await response.json();
    if (items.length === 0) {
      const none = document.createElement("li");
      none.textContent = text.textEmpty;
      results.append(none);
    }
    for (const item of items) {
      const li = document.createElement("li");
      li.className = "asset-tile";
      if (item.thumbnailUrl) {
        const img = document.createElement("img");
        img.src = item.thumbnailUrl; img.alt = item.alt || ""; img.width = 120; img.height = 120;
        li.append(img);
      }
      const title = document.createElement("span");
      title.className = "asset-title";
      title.textContent = item.title + (item.creditLine ? " · " + item.creditLine : "");
      li.append(title, button(text.textInsert, function () { insert(item); }), button(text.textCover, function () { cover(item); }));
      results.append(li);
    }
  }

  open.addEventListener("click", function () { dialog.showModal(); query.focus(); search(); });
  document.getElementById("picker-search").addEventListener("submit", function (e) { e.preventDefault(); search(); });
  document.getElementById("picker-close").addEventListener("click", function () { dialog.close(); open.focus(); });
})();
