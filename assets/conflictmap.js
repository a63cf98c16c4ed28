/* conflictmap clientside callbacks: everything that needs no data from the server runs here,
   so playing, stepping and writing the URL cost no round trip of their own. */
(function () {
  "use strict";
  var DAY_MS = 86400000;
  var nu = function () { return window.dash_clientside.no_update; };

  function iso(dayNumber) {
    return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
  }
  function dayOf(text) {
    // "2017-10-05", "2017-10-05 12:00" or "2017-10-05T12:00" -> day number (UTC)
    var d = String(text).slice(0, 10).split("-");
    return Math.floor(Date.UTC(+d[0], +d[1] - 1, +d[2]) / DAY_MS);
  }
  function bounds(min, max, range) {
    if (range && range.from && range.to) {
      return [Math.max(min, dayOf(range.from)), Math.min(max, dayOf(range.to))];
    }
    return [min, max];
  }
  function clamp(v, lo, hi) { return Math.min(hi, Math.max(lo, v)); }

  function allOrList(values, options) {
    if (!values || !options) { return null; }
    var every = options.map(function (o) { return o.value; });
    var all = every.every(function (v) { return values.indexOf(v) >= 0; });
    return all ? null : every.filter(function (v) { return values.indexOf(v) >= 0; }).join(",");
  }

  /* A marker click is reported with the key its own trace carries, taken from the click
     event (not looked up later by position, which a newer update may have shifted). */
  function watchMapClicks() {
    var gd = document.querySelector("#map .js-plotly-plot");
    if (!gd || !gd.on || gd.__conflictmapClicks) { return; }
    gd.__conflictmapClicks = true;
    gd.on("plotly_click", function (ev) {
      var p = ev && ev.points && ev.points[0];
      if (!p || p.customdata == null || !window.dash_clientside.set_props) { return; }
      window.dash_clientside.set_props("map-click", {data: {
        curve: p.curveNumber, key: Number(p.customdata), lon: p.lon, lat: p.lat, at: Date.now()
      }});
    });
  }
  window.setInterval(watchMapClicks, 400);

  /* Plotly's subplot of the map graph (it holds the MapLibre map), once the graph is drawn. */
  function mapSubplot() {
    var gd = document.querySelector("#map .js-plotly-plot");
    return gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
  }

  /* Plotly hands every Scattermap trace to MapLibre again on any figure update (convert to
     GeoJSON, setData, re-tile), so a step that patches one day of events would still redo all
     fourteen: seconds at 100k events. A trace whose input object is the very one MapLibre
     already holds (Dash's Patch leaves untouched traces as they were) is skipped here; a
     changed trace, a new map or a new style goes through Plotly as usual. If Plotly's
     internals ever differ from what is expected, nothing is changed. */
  function skipUnchangedTraces() {
    var sub = mapSubplot();
    if (!sub || !sub.traceHash) { return; }
    var any = Object.keys(sub.traceHash).map(function (k) { return sub.traceHash[k]; })[0];
    var proto = any && Object.getPrototypeOf(any);
    if (!proto || proto.__conflictmapSkip || typeof proto.update !== "function") { return; }
    var update = proto.update;
    proto.update = function (calcTrace) {
      var input = calcTrace && calcTrace[0] && calcTrace[0].trace && calcTrace[0].trace._input;
      var map = this.subplot && this.subplot.map;
      var style = map && map.style;
      if (input && input === this.__conflictmapInput && map === this.__conflictmapMap &&
          style === this.__conflictmapStyle) {
        return;
      }
      this.__conflictmapInput = input;
      this.__conflictmapMap = map;
      this.__conflictmapStyle = style;
      return update.call(this, calcTrace);
    };
    proto.__conflictmapSkip = true;
  }
  window.setInterval(skipUnchangedTraces, 400);

  /* Without a GPU every frame MapLibre paints costs 50-200 ms of the page's thread and of the
     software rasteriser, so frames that would only show an unfinished picture are skipped:
     - while the page opens it would paint after every source and tile that arrives (a dozen
       or more), each slowing the worker that tiles the next; until the basemap and the
       figure's own sources have loaded once (never longer than FIRST_HOLD_MS), nothing is
       painted, so the first picture is the whole map;
     - after a step MapLibre re-tiles the new slot of events in its worker, and until that is
       done a frame is the old picture again, which also delays the worker's answer; while an
       event source that was drawn before is loading (never longer than HOLD_MS) nothing is
       painted, so the first frame after a step is the new one.
     Frames still run (sources, tiles and labels update) and never hold while the map moves.
     The check sits in MapLibre's painter, after the frame has updated its sources: a source
     can look loaded before the frame and be re-tiling by the time it would be painted. If the
     painter is absent, nothing is changed. */
  var FIRST_HOLD_MS = 4000;
  var HOLD_MS = 400;
  function holdUnfinishedFrames(map) {
    var painter = map && map.painter;
    if (!painter || map.__conflictmapHold || typeof painter.render !== "function") { return; }
    map.__conflictmapHold = true;
    var started = window.performance.now();
    // a map found late (a new figure) may have fired "load" already
    var basemapLoaded = map._loaded === true;
    var opened = false;
    map.once("load", function () { basemapLoaded = true; });
    var pending = {};
    var drawn = {};  // sources drawn once: new data reloads their tiles without a frame
    map.on("sourcedata", function (e) {
      if (e && e.sourceId && e.isSourceLoaded) { drawn[e.sourceId] = true; }
    });
    map.on("sourcedataloading", function (e) {
      // Plotly names a Scattermap trace's marker source "source-<uid>-circle"; a source never
      // loaded yet needs frames to ask for its tiles, so it is not waited for
      if (e && e.sourceId && drawn[e.sourceId] && /-circle$/.test(e.sourceId)) {
        pending[e.sourceId] = window.performance.now();
      }
    });
    function opening(now) {
      if (opened) { return false; }
      var ready = basemapLoaded && map.style && map.style.loaded();
      opened = ready || now - started >= FIRST_HOLD_MS;
      return !opened;
    }
    function loading(now) {
      var wait = false;
      Object.keys(pending).forEach(function (id) {
        if (now - pending[id] > HOLD_MS || !map.getSource(id) || map.isSourceLoaded(id)) {
          delete pending[id];
        } else {
          wait = true;
        }
      });
      return wait;
    }
    var paint = painter.render;
    painter.render = function (style, options) {
      var now = window.performance.now();
      if (!map.isMoving() && (opening(now) || loading(now))) {
        // what render() records before drawing: tiles arriving meanwhile read their layers
        // from the painter's style, and would be kept empty without it
        this.style = style;
        this.options = options;
        map.triggerRepaint();  // a frame again soon, so the hold ends even if nothing arrives
        afterPaint.held = true;
        return;
      }
      var drawn = paint.apply(this, arguments);
      if (afterPaint.held) { flushAfterPaint(); }
      return drawn;
    };
  }

  /* Work that should not compete with the next picture for the page's thread: run once a
     frame held for new events has been painted (or after AFTER_PAINT_MS at the latest). */
  var AFTER_PAINT_MS = 400;
  var afterPaint = {queue: [], held: false, timer: null};
  function flushAfterPaint() {
    var queue = afterPaint.queue;
    afterPaint.queue = [];
    afterPaint.held = false;
    if (afterPaint.timer) { window.clearTimeout(afterPaint.timer); afterPaint.timer = null; }
    queue.forEach(function (job) { window.setTimeout(job, 0); });
  }
  function whenPainted(job) {
    afterPaint.queue.push(job);
    afterPaint.held = false;
    if (!afterPaint.timer) {
      afterPaint.timer = window.setTimeout(flushAfterPaint, AFTER_PAINT_MS);
    }
  }
  var latestDay = {value: null};
  /* Plotly creates the map inside its first plot call and MapLibre paints from the next
     animation frame on: the observer hears of the new canvas before that frame and lets go
     once the page's map is seen. */
  var firstMap = new window.MutationObserver(function () {
    var sub = mapSubplot();
    if (sub && sub.map) {
      holdUnfinishedFrames(sub.map);
      firstMap.disconnect();
    }
  });
  firstMap.observe(document.documentElement, {childList: true, subtree: true});
  /* A whole new figure (not a patch) gives Plotly a new map: it is held the same way. */
  window.setInterval(function () {
    var sub = mapSubplot();
    if (sub && sub.map) { holdUnfinishedFrames(sub.map); }
  }, 400);

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    conflictmap: {
      playback: function (play, ticks, back, fwd, key, value, min, max, range, disabled) {
        var ctx = window.dash_clientside.callback_context;
        var trig = ctx.triggered.length ? ctx.triggered[0].prop_id : "";
        var b = bounds(min, max, range);
        var v = value == null ? b[1] : value;
        var playing = !disabled;
        var step = 0;
        var toggle = false;
        if (trig.indexOf("play.") === 0) { toggle = true; }
        else if (trig.indexOf("step-back.") === 0) { step = -1; }
        else if (trig.indexOf("step-forward.") === 0) { step = 1; }
        else if (trig.indexOf("play-interval.") === 0) {
          if (!playing) { return [nu(), nu(), nu()]; }
          if (v >= b[1]) { return [b[1], true, "Play"]; }
          var next = v + 1;
          return next >= b[1] ? [b[1], true, "Play"] : [next, false, "Pause"];
        } else if (trig.indexOf("keyboard.") === 0 && key) {
          if (key.key === " ") { toggle = true; }
          else if (key.key === "ArrowLeft") { step = key.shift ? -7 : -1; }
          else if (key.key === "ArrowRight") { step = key.shift ? 7 : 1; }
        }
        if (toggle) {
          if (playing) { return [nu(), true, "Play"]; }
          var start = v >= b[1] ? b[0] : v;  // at the end, play again from the start
          return [start, false, "Pause"];
        }
        if (step) { return [clamp(v + step, b[0], b[1]), nu(), nu()]; }
        return [nu(), nu(), nu()];
      },

      speed: function (ms) { return ms || 800; },

      timelineClick: function (click) {
        if (!click || !click.points || !click.points.length) { return nu(); }
        return dayOf(click.points[0].x);
      },

      timelineBrush: function (selected, min, max) {
        if (!selected || !selected.range || !selected.range.x) { return [nu(), nu()]; }
        var a = dayOf(selected.range.x[0]), b = dayOf(selected.range.x[1]);
        // a band drawn from the middle of one bar to the middle of another covers both days
        a = clamp(Math.min(a, b), min, max);
        b = clamp(Math.max(dayOf(selected.range.x[0]), b), min, max);
        return [{from: iso(a), to: iso(b)}, b];
      },

      clearRange: function (n) { return n ? null : nu(); },

      mapView: function (relayout, current) {
        if (!relayout) { return nu(); }
        var c = relayout["map.center"], z = relayout["map.zoom"];
        if (!c && z == null) { return nu(); }
        var out = Object.assign({}, current || {});
        if (c) { out.lat = c.lat; out.lon = c.lon; }
        if (z != null) { out.zoom = z; }
        return out;
      },

      /* The whole zoom level crowded days are merged at (dashboard/web/figures/density.py):
         it changes, and the server is asked to redraw them, only when a level is crossed. */
      detailLevel: function (view, current) {
        if (!view || typeof view.zoom !== "number" || !isFinite(view.zoom)) { return nu(); }
        var level = Math.min(22, Math.max(0, Math.floor(view.zoom)));
        return level === current ? nu() : level;
      },

      /* A new date: if the server sent ahead what this one-day step draws (same filters,
         window and zoom level, no brushed range), it is drawn now and recorded as drawn, and
         the server is asked for the rest. dashboard/web/stepping.py writes `ahead` and
         mirrors this function in take_ahead. */
      stepAhead: function (value, ahead, loaded, shown, windowDays, range, level) {
        if (value == null) { return [nu(), nu(), nu(), nu()]; }
        latestDay.value = value;
        var request = {day: value};
        var fits = ahead && ahead.patch && ahead.day === value && loaded &&
          loaded.key === ahead.key && ahead.window === windowDays &&
          ahead.level === level && !(range && range.from && range.to);
        if (!fits) { return [nu(), nu(), nu(), request]; }
        var slots = Object.assign({}, loaded.slots);
        var counts = Object.assign({}, loaded.counts);
        slots[ahead.slot] = ahead.entry;
        counts[ahead.slot] = ahead.count;
        var drawn = Object.assign({}, loaded, {slots: slots, counts: counts});
        var control = nu();
        if ("snapshot" in ahead) {
          control = Object.assign({}, shown || {}, {snapshot: ahead.snapshot});
        }
        // the server's answer (cursor, label, changes, the next step ahead) waits until the
        // new picture is painted; a newer date meanwhile makes this request moot
        whenPainted(function () {
          if (latestDay.value === value && window.dash_clientside.set_props) {
            window.dash_clientside.set_props("day-request", {data: request});
          }
        });
        return [ahead.patch, drawn, control, nu()];
      },

      urlGate: function (pathname, search, pending) {
        if (pathname == null || search == null) { return nu(); }
        if (window.__conflictmapUrlApplied) { return nu(); }
        window.__conflictmapUrlApplied = true;
        // the server already drew the page for this query: nothing to apply
        if (pending && pending.served === search) { return nu(); }
        return search ? {search: search} : nu();
      },

      writeUrl: function (value, range, windowDays, by, sides, types, sources, precision, conf,
                          event, view, sideOpts, typeOpts, sourceOpts, precisionOpts, current) {
        if (!window.__conflictmapUrlApplied || value == null) { return nu(); }
        var p = new URLSearchParams();
        p.set("date", iso(value));
        if (range && range.from && range.to) { p.set("from", range.from); p.set("to", range.to); }
        p.set("window", String(windowDays));
        p.set("by", by || "side");
        var lists = [["sides", sides, sideOpts], ["types", types, typeOpts],
                     ["sources", sources, sourceOpts], ["precision", precision, precisionOpts]];
        lists.forEach(function (l) {
          var v = allOrList(l[1], l[2]);
          if (v !== null) { p.set(l[0], v); }
        });
        if (conf) { p.set("conf", String(conf)); }
        if (event) { p.set("event", event); }
        if (view && view.lat != null && view.zoom != null) {
          p.set("lat", view.lat.toFixed(4));
          p.set("lon", view.lon.toFixed(4));
          p.set("zoom", view.zoom.toFixed(2));
        }
        var search = "?" + p.toString().replace(/%2C/g, ",");
        return search === current ? nu() : search;
      },

      dismiss: function (n) { return n ? [] : nu(); },

      pickFromList: function (clicks) {
        // the triggering button's id is a JSON object: {"event": ..., "type": "event-pick"}
        var ctx = window.dash_clientside.callback_context;
        if (!ctx.triggered.length || !ctx.triggered[0].value) { return nu(); }
        var raw = ctx.triggered[0].prop_id;
        try {
          return JSON.parse(raw.slice(0, raw.lastIndexOf("."))).event || nu();
        } catch (err) {
          return nu();
        }
      },

      markPicked: function (selected, idList) {
        return (idList || []).map(function (id) {
          return id.event === selected ? "pick active" : "pick";
        });
      },

      toggle: function (openClicks, closeClicks) {
        var ctx = window.dash_clientside.callback_context;
        if (!ctx.triggered.length) { return true; }
        return ctx.triggered[0].prop_id.indexOf("-close.") >= 0;
      }
    }
  });
})();
