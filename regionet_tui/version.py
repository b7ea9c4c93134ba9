"""Version numbers that cheap code (listing, import checks) needs without
loading the models."""

APP_VERSION = "0.1.0"
# The newest session format this app reads and writes.
SCHEMA_VERSION = 1
