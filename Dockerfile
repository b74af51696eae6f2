# Patient-information bot: a small image, non-root, data in a volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    BOT_DB_PATH=/app/data/bot.sqlite3

WORKDIR /app
RUN useradd --create-home --uid 10001 bot

# Dependencies first (cached layer): the same venv + editable install as the README and .ci/run,
# without the test extra.
COPY pyproject.toml README.md ./
COPY bot/__init__.py bot/__init__.py
RUN python3 -m venv .venv && .venv/bin/pip install -q --no-cache-dir -e .

COPY bot/ bot/
COPY content/ content/
COPY intents.yaml ./
RUN mkdir -p /app/data && chown -R bot:bot /app/data /app/content /app/intents.yaml

USER bot
VOLUME ["/app/data"]
# Webhook mode listens here (BOT_WEBHOOK_PORT); polling mode needs no port.
EXPOSE 8443

# Healthy while getUpdates (or the webhook) succeeded within the last 90 seconds.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["/app/.venv/bin/python", "-m", "bot.channels.telegram.health"]

STOPSIGNAL SIGTERM
ENTRYPOINT ["/app/.venv/bin/python", "-m", "bot"]
CMD ["run"]
