# iop-peer-bot: small image, non-root user, data directory as a volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    IOPBOT_DATA_DIR=/data

RUN useradd --create-home --uid 10001 iopbot
WORKDIR /app
COPY . /app
# Same install as the README's first command, into a venv owned by the app user.
RUN python3 -m venv /app/.venv && /app/.venv/bin/pip install --no-cache-dir -e . \
    && mkdir -p /data && chown iopbot:iopbot /data

USER iopbot
VOLUME ["/data"]
EXPOSE 8443 9100
ENTRYPOINT ["/app/.venv/bin/iop-bot"]
CMD ["run"]
