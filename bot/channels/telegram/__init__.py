"""The Telegram channel: app, handlers, admin, rendering, delivery, HTTP request."""
