from fastapi.testclient import TestClient


def test_health_reports_database_and_job_mode(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["jobs"] == "in-process"
