"""The Celery worker process: ``mlinterview worker`` (or ``celery -A mlinterview.worker.app worker``)."""
