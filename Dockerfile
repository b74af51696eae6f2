# Patient-information bot: a small image, non-root, data in a volume.
# Dependencies are installed from requirements.lock, every file checked against its hash; the image then holds
# the virtual environment, the content and intents.yaml, and nothing of the build.

FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
# The lock pins every package with its hashes, pip and setuptools too: the venv's own, older copies are
# replaced by the locked ones in the same step.
COPY requirements.lock ./
RUN python3 -m venv /app/.venv \
    && /app/.venv/bin/pip install -q --require-hashes -r requirements.lock
COPY pyproject.toml README.md ./
COPY bot/ bot/
# The bot itself: no dependencies (all locked above) and no build isolation (the locked setuptools builds it).
# Then pip goes: nothing in the running image installs anything (14 MB, and one tool fewer to patch).
# setuptools stays: textstat (the `check` command's reading level) declares it as a run-time dependency.
RUN /app/.venv/bin/pip install -q --no-deps --no-build-isolation . \
    && /app/.venv/bin/pip check \
    && /app/.venv/bin/python -m pip uninstall -y -q pip

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    BOT_DB_PATH=/app/data/bot.sqlite3
WORKDIR /app
RUN useradd --create-home --uid 10001 bot
COPY --from=build /app/.venv /app/.venv
COPY content/ content/
COPY intents.yaml ./
# The data folder is the bot's alone (0700); it also keeps its files 0600 (umask 077 while it runs).
RUN mkdir -p /app/data && chown -R bot:bot /app/data /app/content /app/intents.yaml && chmod 0700 /app/data

USER bot
VOLUME ["/app/data"]
# Webhook mode listens here (BOT_WEBHOOK_PORT); polling mode needs no port. Inside a container set
# BOT_WEBHOOK_LISTEN=0.0.0.0 and publish the port only to the reverse proxy (README).
EXPOSE 8443

# Healthy while getUpdates (or the webhook) succeeded within the last 90 seconds.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["/app/.venv/bin/python", "-m", "bot.channels.telegram.health"]

STOPSIGNAL SIGTERM
ENTRYPOINT ["/app/.venv/bin/python", "-m", "bot"]
CMD ["run"]
