"""The optional LLM grader against a fake OpenAI-compatible server (nothing outside the project is called)."""

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from mlinterview.grading import GraderName, GradingSpec, KeyPoint, PointStatus, RedFlag, get_grader
from mlinterview.grading.llm import LLMGrader, LLMUnavailable
from mlinterview.grading.registry import configure_llm

SPEC = GradingSpec(
    prompt="Why does bagging reduce variance?",
    reference="Averaging many models trained on bootstrap samples cancels out their independent errors.",
    key_points=(KeyPoint("Averaging reduces variance of independent errors", 3), KeyPoint("Uses bootstrap samples", 1)),
    red_flags=(RedFlag("Claims bagging reduces bias", "bagging removes bias"),),
)


class FakeLLM(BaseHTTPRequestHandler):
    replies: list[str] = []
    requests: list[dict] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeLLM.requests.append(body)
        content = FakeLLM.replies.pop(0) if FakeLLM.replies else "not json at all"
        payload = json.dumps({"choices": [{"message": {"content": content}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = HTTPServer(("127.0.0.1", 0), FakeLLM)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    FakeLLM.replies, FakeLLM.requests = [], []
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def test_the_rubric_goes_out_and_the_json_comes_back_as_a_result(server: str) -> None:
    FakeLLM.replies.append(json.dumps({
        "points": [{"index": 0, "status": "covered", "sentence": "Averaging cancels errors."}],
        "red_flags": [{"index": 0, "sentence": "It also removes bias."}],
        "feedback": "Good on variance; mention bootstrap samples.",
    }))  # fmt: skip
    result = LLMGrader(server, "tiny-model").grade(SPEC, "Averaging cancels errors. It also removes bias.")
    sent = FakeLLM.requests[0]
    assert sent["model"] == "tiny-model"
    assert sent["temperature"] == 0
    assert "Averaging reduces variance of independent errors" in sent["messages"][1]["content"]
    assert [p.status for p in result.points] == [PointStatus.COVERED, PointStatus.MISSED]
    assert result.score == pytest.approx(0.75)
    assert result.red_flags[0].flag == "Claims bagging reduces bias"
    assert result.grader == "llm"


def test_the_same_input_is_asked_once(server: str) -> None:
    FakeLLM.replies.append(json.dumps({"points": [], "red_flags": [], "feedback": ""}))
    grader = LLMGrader(server, "tiny-model")
    first = grader.grade(SPEC, "An answer asked twice.")
    assert grader.grade(SPEC, "An answer asked twice.") == first
    assert len(FakeLLM.requests) == 1


def test_a_reply_that_is_not_the_json_asked_for_is_refused(server: str) -> None:
    FakeLLM.replies.append("Sure! The answer is great.")
    with pytest.raises(LLMUnavailable, match="no usable answer"):
        LLMGrader(server, "tiny-model").grade(SPEC, "Some answer that is new.")


def test_an_unreachable_endpoint_is_refused_clearly() -> None:
    with pytest.raises(LLMUnavailable, match="use another grader"):
        LLMGrader("http://127.0.0.1:9", "m", timeout=2).grade(SPEC, "An answer to nowhere.")


def test_off_until_configured(server: str) -> None:
    with pytest.raises(LookupError, match="MLI_LLM_URL"):
        get_grader(GraderName.LLM)
    configure_llm(server, "tiny-model")
    try:
        assert isinstance(get_grader(GraderName.LLM), LLMGrader)
    finally:
        configure_llm("", "")


def test_empty_answers_never_reach_the_server(server: str) -> None:
    assert LLMGrader(server, "m").grade(SPEC, "  ").score == 0
    assert FakeLLM.requests == []
