"""Every component id of the web app, declared once so layout and callbacks cannot drift apart."""

MAP = "map"
ABOUT_BUTTON = "about-button"
ABOUT_PANEL = "about-panel"
ABOUT_CLOSE = "about-close"
