/* Upload size check: dcc.Upload drops files over its max_size without a word, so the files
   are looked at here first (picked or dropped) and every one over the limit is reported by
   name and size. The upload component still refuses them, so a huge file is never read into
   the page nor sent to the server. */
(function () {
  "use strict";

  function limitOf(node) {
    var holder = node && node.closest ? node.closest("[data-limit-bytes]") : null;
    return holder ? Number(holder.getAttribute("data-limit-bytes")) : 0;
  }

  function report(files, limit) {
    if (!limit || !files || !files.length) { return; }
    if (!window.dash_clientside || !window.dash_clientside.set_props) { return; }
    var refused = [];
    for (var i = 0; i < files.length; i++) {
      if (files[i].size > limit) { refused.push({name: files[i].name, size: files[i].size}); }
    }
    window.dash_clientside.set_props("upload-rejected", {
      data: {refused: refused, accepted: files.length - refused.length, limit: limit, at: Date.now()}
    });
  }

  document.addEventListener("change", function (e) {
    var t = e.target;
    if (t && t.type === "file" && t.closest && t.closest("#upload")) {
      report(t.files, limitOf(t));
    }
  }, true);

  document.addEventListener("drop", function (e) {
    var t = e.target;
    if (t && t.closest && t.closest("#upload") && e.dataTransfer) {
      report(e.dataTransfer.files, limitOf(t));
    }
  }, true);
})();
