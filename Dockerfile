# One image for every process: the Discord bot, the Slack app and the filmclub tool.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY core ./core
COPY bots ./bots
COPY data ./data
RUN pip install '.[discord,slack,postgres]' && useradd --create-home filmclub
USER filmclub

# The bundled films are ingested on first start; mount more documents at /data/more.
ENV FILMCLUB_DATA_DIR=/app/data/films
CMD ["filmclub", "--help"]
