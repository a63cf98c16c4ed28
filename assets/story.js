/* Stories in the browser: the drawer, reading the live map view for a new step, the
   presentation deck (keys, full screen, a short fade between steps). While presenting, the
   keys are taken before keyboard.js sees them, so ← / → move between steps, not days. */
(function () {
  "use strict";
  var ROOT = document.documentElement;
  var KEYS = ["ArrowLeft", "ArrowRight", "PageUp", "PageDown", "Home", "End", "Escape", " "];
  var nu = function () { return window.dash_clientside.no_update; };
  var presenting = function () { return ROOT.classList.contains("story-presenting"); };

  function send(key) {
    if (window.dash_clientside && window.dash_clientside.set_props) {
      window.dash_clientside.set_props("story-key", {data: {key: key, at: Date.now()}});
    }
  }

  window.addEventListener("keydown", function (e) {
    if (!presenting() || KEYS.indexOf(e.key) < 0 || e.ctrlKey || e.metaKey || e.altKey) { return; }
    e.preventDefault();
    e.stopPropagation();
    send(e.key);
  }, true);

  /* Esc in real full screen is taken by the browser: leaving full screen leaves the deck. */
  document.addEventListener("fullscreenchange", function () {
    if (!document.fullscreenElement && presenting() && window.__storyFullscreen) {
      window.__storyFullscreen = false;
      send("Escape");
    }
  });

  function enterFullscreen() {
    var req = null;
    try {
      req = ROOT.requestFullscreen ? ROOT.requestFullscreen() : null;
    } catch (err) {
      req = null;
    }
    if (!req || !req.then) { ROOT.classList.add("story-no-fullscreen"); return; }
    req.then(function () { window.__storyFullscreen = true; })
      .catch(function () { ROOT.classList.add("story-no-fullscreen"); });
  }

  function leaveFullscreen() {
    window.__storyFullscreen = false;
    if (document.fullscreenElement && document.exitFullscreen) {
      document.exitFullscreen().catch(function () { return null; });
    }
  }

  function fade() {
    ROOT.classList.remove("story-fade");
    void ROOT.offsetWidth;  // restart the animation
    ROOT.classList.add("story-fade");
    window.clearTimeout(window.__storyFade);
    window.__storyFade = window.setTimeout(function () { ROOT.classList.remove("story-fade"); }, 900);
  }

  function count(story) {
    return story && Array.isArray(story.steps) ? story.steps.length : 0;
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    story: {
      drawer: function (open, close, hidden) {
        var ctx = window.dash_clientside.callback_context;
        var trig = ctx.triggered.length ? ctx.triggered[0].prop_id : "";
        if (trig.indexOf("story-close.") === 0) { return true; }
        return !hidden;
      },

      capture: function (n) {
        if (!n) { return nu(); }
        var gd = document.querySelector("#map .js-plotly-plot");
        var m = gd && gd._fullLayout && gd._fullLayout.map;
        var out = {at: Date.now()};
        if (m && m.center && m.zoom != null) {
          out.lat = m.center.lat; out.lon = m.center.lon; out.zoom = m.zoom;
        }
        return out;
      },

      deck: function (present, key, deck, story) {
        var ctx = window.dash_clientside.callback_context;
        var trig = ctx.triggered.length ? ctx.triggered[0].prop_id : "";
        var n = count(story);
        var cur = deck || {on: false, index: 0};
        var at = Date.now();
        if (trig.indexOf("story-present.") === 0) {
          return n ? {on: true, index: 0, at: at} : nu();
        }
        if (!cur.on || !key || !n) { return nu(); }
        var i = cur.index || 0;
        var k = key.key;
        if (k === "Escape") { return {on: false, index: i, at: at}; }
        var next = i;
        if (k === "ArrowRight" || k === "PageDown" || k === " ") { next = i + 1; }
        else if (k === "ArrowLeft" || k === "PageUp") { next = i - 1; }
        else if (k === "Home") { next = 0; }
        else if (k === "End") { next = n - 1; }
        next = Math.max(0, Math.min(n - 1, next));
        return next === i ? nu() : {on: true, index: next, at: at};
      },

      stage: function (deck) {
        var on = !!(deck && deck.on);
        if (on && !presenting()) {
          if (document.activeElement && document.activeElement.blur) {
            document.activeElement.blur();
          }
          ROOT.classList.add("story-presenting");
          enterFullscreen();
        } else if (!on && presenting()) {
          ROOT.classList.remove("story-presenting", "story-no-fullscreen", "story-fade");
          leaveFullscreen();
        }
        if (on) { fade(); }
        return !on;
      }
    }
  });
})();
