"""The one ``dcc.Graph(config=...)`` used by every figure, so no chart ever reaches the internet.

``topojsonURL`` points Plotly ``geo`` subplots at the copies in ``assets/topojson/`` (plotly.js
would otherwise fetch them from its CDN as soon as a geo base layer or a ``locationmode`` is
used). The cloud button is removed: in plotly.js 3.x it is named ``sendChartToCloud`` (shown by
default, ``showSendToCloud``) and posts the figure to ``plotlyServerURL``
(https://cloud.plotly.com by default), which is also emptied. The 2.x names ``editInChartStudio``
and ``showLink`` no longer exist in 3.x and are not set.
"""

from __future__ import annotations

from typing import Any

CLOUD_BUTTONS: tuple[str, ...] = ("sendChartToCloud",)


def graph_config(assets_url: str = "/assets/", *, filename: str = "conflictmap") -> dict[str, Any]:
    """The Plotly config dict: offline topojson, no Plotly logo or cloud buttons, slide exports.

    ``toImageButtonOptions`` exports 1600x900 PNGs at 2x scale: 16:9 fits a presentation slide
    and stays sharp on a projector.
    """
    prefix = assets_url if assets_url.endswith("/") else assets_url + "/"
    return {
        "topojsonURL": prefix + "topojson/",
        "displaylogo": False,
        "showSendToCloud": False,
        "plotlyServerURL": "",
        "modeBarButtonsToRemove": list(CLOUD_BUTTONS),
        "scrollZoom": True,
        "responsive": True,
        "toImageButtonOptions": {
            "format": "png",
            "filename": filename,
            "width": 1600,
            "height": 900,
            "scale": 2,
        },
    }
