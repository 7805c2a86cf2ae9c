// Asset bank upload panel: files dropped or chosen are uploaded one after another (XHR, for upload progress), each
// with its own progress bar; then the bar follows the server's background processing until the asset is ready.
(function () {
  const form = document.getElementById("upload-form");
  const input = document.getElementById("upload-files");
  const zone = document.getElementById("drop-zone");
  const list = document.getElementById("upload-list");
  if (!form || !input || !zone || !list) return;
  const token = form.querySelector("input[name='__RequestVerificationToken']").value;
  const library = document.getElementById("upload-library");
  const text = list.dataset;
  const queue = [];
  let busy = false;

  function row(file) {
    const item = document.createElement("li");
    const label = document.createElement("span");
    label.textContent = file.name;
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", file.name);
    const status = document.createElement("span");
    status.className = "upload-status";
    status.textContent = text.textUploading;
    item.append(label, bar, status);
    list.append(item);
    return { item, bar, status };
  }

  function upload(file, view) {
    return new Promise(function (resolve) {
      const xhr = new XMLHttpRequest();
      const query = "?enterprise=" + encodeURIComponent(library.value) + "&fileName=" + encodeURIComponent(file.name);
      xhr.open("POST", "/admin/assets/upload" + query);
      xhr.setRequestHeader("X-CSRF-TOKEN", token);
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.upload.onprogress = function (e) { if (e.lengthComputable) view.bar.value = Math.round(e.loaded * 100 / e.total); };
      xhr.onload = function () {
        let body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
        if (xhr.status === 200 && body) {
          view.bar.value = 0;
          link(view, body.href, body.existing ? text.textExisting : text.textProcessing);
          follow(body.id, view);
        } else {
          view.bar.value = 0;
          view.status.textContent = text.textFailed + ": " + ((body && (body.detail || body.title)) || xhr.statusText);
          view.item.classList.add("failed");
        }
        resolve();
      };
      xhr.onerror = function () { view.status.textContent = text.textFailed; view.item.classList.add("failed"); resolve(); };
      xhr.send(file);
    });
  }

  function link(view, href, label) {
    view.status.textContent = label + " ";
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text.textOpen;
    view.status.append(a);
  }

  async function follow(id, view) {
    for (;;) {
      const response = await fetch("/admin/assets/" + id + "/status", { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const status = await response.json();
      const state = status.processing.state;
      view.bar.value = status.processing.percent;
      if (state === "Ready" || state === "Failed") {
        view.bar.value = state === "Ready" ? 100 : 0;
        view.status.firstChild.textContent = (state === "Ready" ? text.textReady : text.textFailed + ": " + (status.processing.error || "")) + " ";
        view.item.classList.add(state.toLowerCase());
        return;
      }
      view.status.firstChild.textContent = text.textProcessing + (status.processing.step ? " (" + status.processing.step + ")" : "") + " ";
      await new Promise(function (r) { setTimeout(r, 1000); });
    }
  }

  async function drain() {
    if (busy) return;
    busy = true;
    while (queue.length) {
      const next = queue.shift();
      await upload(next.file, next.view);
    }
    busy = false;
  }

  function add(files) {
    for (const file of files) queue.push({ file: file, view: row(file) });
    drain();
  }

  input.addEventListener("change", function () { add(input.files); input.value = ""; });
  zone.addEventListener("dragover", function (e) { e.preventDefault(); zone.classList.add("dragging"); });
  zone.addEventListener("dragleave", function () { zone.classList.remove("dragging"); });
  zone.addEventListener("drop", function (e) { e.preventDefault(); zone.classList.remove("dragging"); add(e.dataTransfer.files); });
})();

// Focal point picker on the asset detail page: clicking the image (or using the number fields) sets the point.
(function () {
  const image = document.getElementById("focal-image");
  const x = document.getElementById("focusX");
  const y = document.getElementById("focusY");
  const marker = document.getElementById("focal-marker");
  if (!image || !x || !y || !marker) return;
  function place() {
    marker.style.left = (parseFloat(x.value) * 100) + "%";
    marker.style.top = (parseFloat(y.value) * 100) + "%";
    marker.hidden = false;
  }
  image.addEventListener("click", function (e) {
    const box = image.getBoundingClientRect();
    x.value = ((e.clientX - box.left) / box.width).toFixed(3);
    y.value = ((e.clientY - box.top) / box.height).toFixed(3);
    place();
  });
  x.addEventListener("input", place);
  y.addEventListener("input", place);
  place();
})();

// While the asset shown is still processing, refresh its progress bar and reload the page when it is done.
(function () {
  const bar = document.getElementById("processing-progress");
  if (!bar) return;
  const id = bar.dataset.assetId;
  async function poll() {
    const response = await fetch("/admin/assets/" + id + "/status", { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const status = await response.json();
    bar.value = status.processing.percent;
    if (status.processing.state === "Ready" || status.processing.state === "Failed") { window.location.reload(); return; }
    setTimeout(poll, 1500);
  }
  setTimeout(poll, 1500);
})();
