"""Cross-cutting protections of the web app: headers, the login throttle shared through Redis."""

import os

import pytest
import redis
from fastapi.testclient import TestClient

from mlinterview.accounts.ratelimit import LoginThrottle
from mlinterview.errors import RateLimited

REDIS_URL = "redis://127.0.0.1:6379/14"


def test_pages_send_protective_headers(client: TestClient) -> None:
    headers = client.get("/login").headers
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "default-src 'self'" in headers["content-security-policy"]


def test_static_assets_are_served_locally(client: TestClient) -> None:
    page = client.get("/login").text
    for asset in ("/static/vendor/pico.min.css", "/static/app.css", "/static/vendor/htmx.min.js"):
        assert asset in page
        assert client.get(asset).status_code == 200
    assert "http://" not in page.split("<body")[0].replace("http://testserver", "")
    assert "https://" not in page.split("<body")[0]


@pytest.fixture
def redis_db():
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError:
        if os.environ.get("CI"):
            raise
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    client.flushdb()
    yield client
    client.flushdb()


def test_failed_logins_are_counted_across_web_processes_through_redis(redis_db) -> None:
    # Two throttles on one Redis stand for two web processes behind a load balancer.
    first, second = LoginThrottle("2/minute", REDIS_URL), LoginThrottle("2/minute", REDIS_URL)
    first.failed("a@example.com", "10.0.0.1")
    second.failed("a@example.com", "10.0.0.2")
    with pytest.raises(RateLimited):
        first.check("a@example.com", "10.0.0.3")
    second.check("b@example.com", "10.0.0.3")  # another account is not affected
    assert redis_db.dbsize() > 0
