"""Every component id of the web app, declared once so layout and callbacks cannot drift apart."""

# page frame
URL = "url"
ABOUT_BUTTON = "about-button"
ABOUT_PANEL = "about-panel"
ABOUT_CLOSE = "about-close"
STATUS = "status-line"

# map
MAP = "map"
MAP_VIEW = "map-view"  # where the user has panned/zoomed to (for the URL)
FLY_TO = "fly-to"  # a requested view change (search result, restored URL)
LOADED_SLOTS = "loaded-slots"  # which day spans each event trace holds in this browser tab
STEP_AHEAD = "step-ahead"  # the slot the next one-day step needs, sent in advance
DAY_REQUEST = "day-request"  # the date the map is asked to show, once the step ahead is applied
DETAIL_LEVEL = "detail-level"  # the map's whole zoom level: crowded days are merged at it
MAP_CLICK = "map-click"  # the clicked marker's key and place, read from the click event
SHOWN_CONTROL = "shown-control"  # which snapshot / comparison the map and panel show

# time
TIMELINE = "timeline"
TIMELINE_BY = "timeline-by"
DATE_SLIDER = "date-slider"
DATE_LABEL = "date-label"
RANGE = "range"  # the brushed date range, or None
RANGE_LABEL = "range-label"
RANGE_CLEAR = "range-clear"
WINDOW = "window"
PLAY = "play"
PLAY_INTERVAL = "play-interval"
SPEED = "speed"
STEP_BACK = "step-back"
STEP_FORWARD = "step-forward"
KEYBOARD = "keyboard"  # key presses forwarded by assets/keyboard.js

# filters
FILTER_SIDES = "filter-sides"
FILTER_TYPES = "filter-types"
FILTER_SOURCES = "filter-sources"
FILTER_CONFIDENCE = "filter-confidence"
FILTER_PRECISION = "filter-precision"

# panels
SELECTED_EVENT = "selected-event"
EVENT_DETAIL = "event-detail"
EVENT_LIST = "event-list"  # events sharing the clicked spot, or the clicked timeline day
EVENT_PICK = "event-pick"  # pattern-matching type of each listed event's button
CHANGES = "changes"
LEGEND = "legend"
ARTICLE_OPEN = "article-open"
ARTICLE_PANEL = "article-panel"
ARTICLE_BODY = "article-body"
ARTICLE_CLOSE = "article-close"

# search
SEARCH_INPUT = "search-input"
SEARCH_BUTTON = "search-button"
SEARCH_RESULT = "search-result"

# upload
UPLOAD = "upload"
UPLOAD_RESULT = "upload-result"
UPLOAD_REJECTED = "upload-rejected"  # files the browser refused (over the limit), from upload.js
UPLOAD_DISMISS = "upload-dismiss"
DATA_VERSION = "data-version"  # bumped after an ingest so every view re-reads the store

# URL restore gate: the query string is applied once per page load
URL_PENDING = "url-pending"

# story: authoring drawer, presentation stage (assets/story.js forwards presentation keys)
STORY = "story"  # the story document, in the browser's local storage
STORY_BUTTON = "story-button"
STORY_PANEL = "story-panel"
STORY_CLOSE = "story-close"
STORY_BODY = "story-body"  # title and step list, re-rendered from STORY
STORY_RENDERED = "story-rendered"  # the steps STORY_BODY shows, captions aside
STORY_TITLE = "story-title"
STORY_ADD = "story-add"
STORY_CAPTURE = "story-capture"  # the live map's centre and zoom, read when a step is added
STORY_CAPTION = "story-caption"  # pattern-matching type of each step's caption input
STORY_UP = "story-up"
STORY_DOWN = "story-down"
STORY_DELETE = "story-delete"
STORY_SAVE = "story-save"
STORY_LOAD = "story-load"
STORY_PDF = "story-pdf"
STORY_HTML = "story-html"
STORY_DOWNLOAD = "story-download"
STORY_EXPORT_DOWNLOAD = "story-export-download"
STORY_MESSAGE = "story-message"
STORY_PRESENT = "story-present"
STORY_DECK = "story-deck"  # {"on": bool, "index": int}: whether presenting, and which step
STORY_KEY = "story-key"  # presentation keys forwarded by assets/story.js
STORY_STAGE = "story-stage"
STORY_STAGE_TITLE = "story-stage-title"
STORY_STAGE_CAPTION = "story-stage-caption"
STORY_STAGE_COUNTER = "story-stage-counter"
