'use strict';

// The trace types the page draws: the map's events (scattermap) and the timeline's bars.
// plotly.js core always carries scatter.
var Plotly = require('plotly.js/lib/core');

Plotly.register([require('plotly.js/lib/scattermap'), require('plotly.js/lib/bar')]);

module.exports = Plotly;
