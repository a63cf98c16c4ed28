/* Keyboard scrubbing: ←/→ a day, Shift+←/→ a week, Space play/pause. Keys typed into a text
   field, a dropdown or the slider itself (which handles its own arrows) are left alone. */
(function () {
  "use strict";
  document.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight" && e.key !== " ") { return; }
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var t = e.target;
    if (t && t.closest) {
      if (t.closest("input, textarea, select, [contenteditable], .date-slider, .dash-dropdown")) {
        return;
      }
      if (e.key === " " && t.closest("button, summary")) { return; }  // the browser clicks it
    }
    if (!window.dash_clientside || !window.dash_clientside.set_props) { return; }
    e.preventDefault();
    window.dash_clientside.set_props("keyboard", {
      data: {key: e.key, shift: e.shiftKey, at: Date.now()}
    });
  });
})();
