# Production image: gunicorn serving Django, WhiteNoise serving the collected static files.
FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
COPY requirements.txt requirements-nodeps.txt /tmp/
RUN /opt/venv/bin/pip install -r /tmp/requirements.txt \
 && /opt/venv/bin/pip install --no-deps -r /tmp/requirements-nodeps.txt

FROM python:3.11-slim-bookworm
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_MEDIA_ROOT=/data/media \
    PORT=8000
# Pango and a Times-compatible serif with Vietnamese for the PDF reports (WeasyPrint);
# pg_dump/pg_restore (major version 15, as compose.yaml's database) for manage.py backup.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation2 \
       postgresql-client \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --create-home --home-dir /home/htx htx \
    && mkdir -p /data/media && chown htx:htx /data/media
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
# The code belongs to root and is read-only for the user that runs it.
COPY . .
# A throwaway key and host: collectstatic needs settings, not secrets.
RUN DJANGO_SECRET_KEY=collectstatic-only-not-a-secret DJANGO_ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput -v0
USER htx
EXPOSE 8000
VOLUME ["/data/media"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, sys, urllib.request; sys.exit(urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\", \"8000\")}/healthz', timeout=4).status != 200)"
# gunicorn reads ./gunicorn.conf.py: PORT, GUNICORN_WORKERS, GUNICORN_THREADS, GUNICORN_TIMEOUT.
CMD ["gunicorn"]
